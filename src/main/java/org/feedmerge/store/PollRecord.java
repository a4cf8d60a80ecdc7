package org.feedmerge.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What one poll learned about a feed, written to its row.
 *
 * @param checkedAt       when the poll ran
 * @param status          outcome class (never {@link PollStatus#POSTPONED}: a postponed poll learned nothing)
 * @param httpStatus      HTTP status, 0 when none
 * @param error           one-line error, null on success
 * @param etag            new validator (OK: stored as is; NOT_MODIFIED: stored when non-null; failures: ignored)
 * @param lastModified    new validator, same rules as etag
 * @param nextPoll        when the feed is due again; null only when it retires
 * @param sourceTitle     the feed document's own title (OK only), or null
 * @param sourceLink      the feed document's site link (OK only), or null
 * @param nextPollRule    which rule decided {@code nextPoll}, or null
 * @param countsAsFailure for a failure: whether it adds to the consecutive failures (false when the
 *                        failure is blamed on our own network); ignored on success, which resets them
 * @param publisherHints  the publisher's polling hints, encoded (OK: stored as is, null clears;
 *                        otherwise ignored, so a 304 or a failure keeps the last document's hints)
 * @param location        where the feed is fetched from after this poll, or null to keep the stored one
 * @param retire          the server said 410 Gone: mark the feed retired
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
        String sourceLink,
        String nextPollRule,
        boolean countsAsFailure,
        String publisherHints,
        FeedLocation location,
        boolean retire) {

    public PollRecord {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(status, "status");
        if (status == PollStatus.POSTPONED) {
            throw new IllegalArgumentException("a postponed poll is not recorded; use FeedStore.postpone");
        }
        if (nextPoll == null && !retire) {
            throw new NullPointerException("nextPoll");
        }
    }

    /** A plain outcome: the failure counts, no hints, location kept, not retired. */
    public PollRecord(Instant checkedAt, PollStatus status, int httpStatus, String error, String etag,
            String lastModified, Instant nextPoll, String sourceTitle, String sourceLink) {
        this(checkedAt, status, httpStatus, error, etag, lastModified, nextPoll, sourceTitle, sourceLink, null, true,
                null, null, false);
    }
}
