package org.feedmerge.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when a feed is due again. Pure: same inputs, same answer.
 *
 * <p>A success waits the feed's interval. A failure backs off exponentially from the interval
 * (interval, 2x, 4x, ...) so a broken server is not hammered, but never beyond {@code maxBackoff}
 * (or the interval itself, when that is longer): a feed is never frozen for good.
 */
public final class NextPollPolicy {
    private final Duration maxBackoff;

    public NextPollPolicy(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /** The default policy: back off up to six hours. */
    public static NextPollPolicy standard() {
        return new NextPollPolicy(Duration.ofHours(6));
    }

    /**
     * @param now                 when the poll finished
     * @param interval            the feed's normal interval
     * @param consecutiveFailures failures in a row including this poll (0 after a success)
     */
    public Instant next(Instant now, Duration interval, int consecutiveFailures) {
        return now.plus(delay(interval, consecutiveFailures));
    }

    Duration delay(Duration interval, int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return interval;
        }
        Duration cap = interval.compareTo(maxBackoff) > 0 ? interval : maxBackoff;
        int doublings = Math.min(consecutiveFailures - 1, 30);
        Duration backedOff = interval.multipliedBy(1L << doublings);
        return backedOff.compareTo(cap) > 0 ? cap : backedOff;
    }
}
