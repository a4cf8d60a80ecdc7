package org.feedmerge.publish;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import org.feedmerge.store.FeedRow;

/**
 * One feed's polling state as shown by {@code feedmerge status} and {@code /status.json}.
 *
 * @param url                 the configured URL
 * @param title               the name shown for the feed
 * @param currentUrl          where it is fetched after a permanent move, or null
 * @param movedAt             when it moved, or null
 * @param lastStatus          last outcome (OK, NOT_MODIFIED, HTTP_ERROR, ...), or null before the first poll
 * @param httpStatus          last HTTP status, 0 when none
 * @param lastError           last error, or null
 * @param consecutiveFailures failures since the last success
 * @param lastChecked         last poll, or null
 * @param lastSuccess         last OK or 304, or null
 * @param nextPoll            when it is due, or null (never polled yet, or retired)
 * @param nextPollRule        which rule decided nextPoll, or null
 * @param keyScheme           how entries are identified when the feed's guids are unusable, or null
 * @param retiredAt           when 410 Gone retired it, or null
 */
public record FeedStatus(
        URI url,
        String title,
        URI currentUrl,
        Instant movedAt,
        String lastStatus,
        int httpStatus,
        String lastError,
        int consecutiveFailures,
        Instant lastChecked,
        Instant lastSuccess,
        Instant nextPoll,
        String nextPollRule,
        Instant retiredAt,
        String keyScheme) {

    public FeedStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
    }

    /** Without a key-scheme note (the feed's own guids identify its entries). */
    public FeedStatus(URI url, String title, URI currentUrl, Instant movedAt, String lastStatus, int httpStatus,
            String lastError, int consecutiveFailures, Instant lastChecked, Instant lastSuccess, Instant nextPoll,
            String nextPollRule, Instant retiredAt) {
        this(url, title, currentUrl, movedAt, lastStatus, httpStatus, lastError, consecutiveFailures, lastChecked,
                lastSuccess, nextPoll, nextPollRule, retiredAt, null);
    }

    /** The same status, noting how the feed's entries are identified when it is not by guid. */
    public FeedStatus withKeyScheme(String scheme) {
        return new FeedStatus(url, title, currentUrl, movedAt, lastStatus, httpStatus, lastError, consecutiveFailures,
                lastChecked, lastSuccess, nextPoll, nextPollRule, retiredAt, scheme);
    }

    public static FeedStatus of(FeedRow row) {
        return new FeedStatus(row.url(), row.displayTitle(), row.location().currentUrl(), row.location().movedAt(),
                row.lastStatus() == null ? null : row.lastStatus().name(), row.lastHttpStatus(), row.lastError(),
                row.consecutiveFailures(), row.lastChecked(), row.lastSuccess(), row.nextPoll(), row.nextPollRule(),
                row.retiredAt());
    }

    /** A configured feed the database does not know yet (the daemon has not started with it). */
    public static FeedStatus unknown(URI url, String title) {
        return new FeedStatus(url, title == null ? url.toString() : title, null, null, null, 0, null, 0, null, null,
                null, null, null);
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
