package org.feedmerge.store;

import java.net.URI;
import java.time.Instant;

/**
 * A feed's stored state.
 *
 * @param id                  row id
 * @param url                 the feed URL (as configured)
 * @param configuredTitle     title from config, or null
 * @param sourceTitle         the document's own title from the last OK poll, or null
 * @param sourceLink          the document's site link, or null
 * @param etag                stored validator, or null
 * @param lastModified        stored validator, or null
 * @param lastStatus          last outcome, or null before the first poll
 * @param lastHttpStatus      last HTTP status, 0 when none
 * @param lastError           last error message, null after a success
 * @param consecutiveFailures failures since the last success
 * @param lastChecked         when it was last polled, or null
 * @param lastSuccess         when it last answered OK or NOT_MODIFIED, or null
 * @param nextPoll            when it is due, or null before the first poll
 */
public record FeedRow(
        long id,
        URI url,
        String configuredTitle,
        String sourceTitle,
        String sourceLink,
        String etag,
        String lastModified,
        PollStatus lastStatus,
        int lastHttpStatus,
        String lastError,
        int consecutiveFailures,
        Instant lastChecked,
        Instant lastSuccess,
        Instant nextPoll) {

    /** The name to show for this feed: configured title, else its own title, else its URL. */
    public String displayTitle() {
        return displayTitle(configuredTitle, sourceTitle, url.toString());
    }

    static String displayTitle(String configuredTitle, String sourceTitle, String url) {
        if (configuredTitle != null && !configuredTitle.isBlank()) {
            return configuredTitle;
        }
        if (sourceTitle != null && !sourceTitle.isBlank()) {
            return sourceTitle;
        }
        return url;
    }
}
