package org.feedmerge.poll;

import java.net.URI;
import java.time.Instant;
import org.feedmerge.store.PollStatus;

/**
 * What one poll did, for logs, the one-shot exit status and the scheduler.
 *
 * @param url        the feed (as configured)
 * @param status     outcome class; POSTPONED when nothing was fetched (host busy or cooling down)
 * @param httpStatus HTTP status, 0 when none
 * @param millis     wall time of the whole poll
 * @param added      new entries stored
 * @param updated    entries edited in place
 * @param error      one-line error, or null
 * @param nextPoll   when the feed is due again; null once retired
 * @param rule       which rule decided {@code nextPoll}
 * @param retired    the server said 410 Gone: do not poll this feed again
 */
public record PollReport(
        URI url,
        PollStatus status,
        int httpStatus,
        long millis,
        int added,
        int updated,
        String error,
        Instant nextPoll,
        NextPollRule rule,
        boolean retired) {

    public boolean succeeded() {
        return status.isSuccess();
    }

    public boolean postponed() {
        return status == PollStatus.POSTPONED;
    }
}
