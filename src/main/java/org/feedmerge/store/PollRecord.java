package org.feedmerge.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What one poll learned about a feed, written to its row.
 *
 * @param checkedAt    when the poll ran
 * @param status       outcome class
 * @param httpStatus   HTTP status, 0 when none
 * @param error        one-line error, null on success
 * @param etag         new validator (OK: stored as is; NOT_MODIFIED: stored when non-null; failures: ignored)
 * @param lastModified new validator, same rules as etag
 * @param nextPoll     when the feed is due again
 * @param sourceTitle  the feed document's own title (OK only), or null
 * @param sourceLink   the feed document's site link (OK only), or null
 */
public record PollRecord(
        Instant checkedAt,
        PollStatus status,
        int httpStatus,
        String error,
        String etag,
        String lastModified,
        Instant nextPoll,
        String sourceTitle,
        String sourceLink) {
    public PollRecord {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextPoll, "nextPoll");
    }
}
