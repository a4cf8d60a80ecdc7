package org.feedmerge.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Decides when each feed is first polled after start, so a restart never hits every server in the
 * same second (no thundering herd) and feeds that are not due yet are left alone.
 *
 * <p>A feed whose stored next poll lies in the future keeps it. When that time came from the feed's
 * own schedule (interval, floor, network down), it is pulled in to at most one interval from now,
 * in case the interval was shortened; when a publisher's ask, backoff or a host's Retry-After
 * decided it, it is kept as it is, so a restart neither hammers a failing feed nor ignores what a
 * server asked for. A feed never polled, or overdue after downtime, is due at a random offset within
 * {@code min(spread, interval)}: overdue feeds are spread out instead of bursting.
 */
public final class FirstPollPlanner {
    private final Duration spread;
    private final RandomGenerator random;

    public FirstPollPlanner(Duration spread, RandomGenerator random) {
        this.spread = spread;
        this.random = random;
    }

    /** For a stored time whose rule is unknown: treated as the feed's own schedule. */
    public Instant firstPoll(Instant now, Instant storedNextPoll, Duration interval) {
        return firstPoll(now, storedNextPoll, null, interval);
    }

    /**
     * @param now             start time
     * @param storedNextPoll  next poll recorded before the restart, or null
     * @param storedRule      the label of the rule that decided it ({@link NextPollRule#label()}), or null
     * @param interval        the feed's interval
     */
    public Instant firstPoll(Instant now, Instant storedNextPoll, String storedRule, Duration interval) {
        if (storedNextPoll != null && storedNextPoll.isAfter(now)) {
            Instant latest = now.plus(interval);
            boolean ownSchedule = NextPollRule.fromLabel(storedRule).map(NextPollRule::isOwnSchedule).orElse(true);
            return !ownSchedule || storedNextPoll.isBefore(latest) ? storedNextPoll : latest;
        }
        long windowMillis = Math.min(spread.toMillis(), interval.toMillis());
        long offset = windowMillis <= 0 ? 0 : random.nextLong(windowMillis);
        return now.plusMillis(offset);
    }
}
