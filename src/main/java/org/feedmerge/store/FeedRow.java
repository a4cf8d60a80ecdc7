package org.feedmerge.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A feed's stored state.
 *
 * @param id                  row id
 * @param url                 the feed URL (as configured; kept after a permanent move)
 * @param configuredTitle     title from config, or null
 * @param sourceTitle         the document's own title from the last OK poll, or null
 * @param sourceLink          the document's site link, or null
 * @param etag                stored validator, or null
 * @param lastModified        stored validator, or null
 * @param lastStatus          last outcome, or null before the first poll
 * @param lastHttpStatus      last HTTP status, 0 when none
 * @param lastError           last error message, null after a success
 * @param consecutiveFailures failures since the last success (failures blamed on our own network are not counted)
 * @param lastChecked         when it was last polled, or null
 * @param lastSuccess         when it last answered OK or NOT_MODIFIED, or null
 * @param nextPoll            when it is due, or null before the first poll and once retired
 * @param nextPollRule        which rule decided {@code nextPoll} (e.g. "interval", "ttl", "backoff"), or null
 * @param location            current URL after a permanent move, and the redirect streak
 * @param retiredAt           when the server said 410 Gone (the feed is no longer polled), or null
 * @param publisherHints      the publisher's polling hints from the last OK poll, encoded by the poller, or null
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
        Instant nextPoll,
        String nextPollRule,
        FeedLocation location,
        Instant retiredAt,
        String publisherHints) {

    public FeedRow {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
    }

    /** The name to show for this feed: configured title, else its own title, else its URL. */
    public String displayTitle() {
        return displayTitle(configuredTitle, sourceTitle, url.toString());
    }

    /** Where to fetch it: where it moved, else its configured URL. */
    public URI fetchUrl() {
        return location.currentUrl() != null ? location.currentUrl() : url;
    }

    /** True once the server said 410 Gone: kept for status, never polled. */
    public boolean retired() {
        return retiredAt != null;
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
