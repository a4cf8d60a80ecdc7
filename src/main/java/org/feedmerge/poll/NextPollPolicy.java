package org.feedmerge.poll;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.feedmerge.fetch.ServerHints;
import org.feedmerge.parse.PublisherHints;

/**
 * Decides when a feed is due again, and which rule decided. Pure apart from the injected random
 * source (jitter); docs/politeness.md explains the rules.
 *
 * <ol>
 *   <li>Start from the feed's interval, or after failures from exponential backoff (interval, 2x,
 *       4x, ... up to {@code maxBackoff}, or the interval when that is longer).</li>
 *   <li>Raise it to the longest the publisher asks for: RSS ttl, sy:updatePeriod/Frequency, and
 *       after a success Cache-Control max-age (else Expires); after a 429 or 503, Retry-After.
 *       Asks only ever lengthen the wait.</li>
 *   <li>Jitter of ±{@value #JITTER_PERCENT}%, only upwards when a publisher's ask decided, so we
 *       never come back earlier than asked.</li>
 *   <li>Raise to the floor; push past skipHours/skipDays (GMT); cut to the ceiling. The floor and
 *       ceiling are the operator's and win over everything the publisher says.</li>
 * </ol>
 */
public final class NextPollPolicy {
    static final int JITTER_PERCENT = 5;
    private static final double JITTER = JITTER_PERCENT / 100.0;

    private final Duration floor;
    private final Duration ceiling;
    private final Duration maxBackoff;
    private final RandomGenerator random;

    /**
     * @param floor      {@code poll.min-interval}
     * @param ceiling    {@code poll.max-interval}
     * @param maxBackoff {@code poll.max-backoff}
     * @param random     jitter source; must be safe for concurrent use (e.g. {@link java.util.Random})
     */
    public NextPollPolicy(Duration floor, Duration ceiling, Duration maxBackoff, RandomGenerator random) {
        this.floor = Objects.requireNonNull(floor, "floor");
        this.ceiling = Objects.requireNonNull(ceiling, "ceiling");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.random = Objects.requireNonNull(random, "random");
        if (floor.compareTo(ceiling) > 0) {
            throw new IllegalArgumentException("floor must not exceed ceiling");
        }
    }

    /** The longest any feed waits between two polls; also caps a host's Retry-After. */
    public Duration ceiling() {
        return ceiling;
    }

    /** After a success (OK or 304): the interval, raised by the publisher's and the server's asks. */
    public NextPoll afterSuccess(Instant now, Duration interval, PublisherHints publisher, ServerHints server) {
        List<Wait> asks = publisherAsks(publisher);
        add(asks, server.maxAge(), NextPollRule.CACHE_CONTROL);
        add(asks, server.expires(), NextPollRule.EXPIRES);
        return decide(now, new Wait(interval, NextPollRule.INTERVAL), asks, publisher);
    }

    /**
     * After a failure held against the feed: backoff, raised by the publisher's asks and, on 429 or
     * 503, by Retry-After (RFC 9110 §10.2.3, RFC 6585 §4).
     *
     * @param consecutiveFailures failures in a row including this one (at least 1)
     * @param httpStatus          the failed response's status, 0 without one
     */
    public NextPoll afterFailure(Instant now, Duration interval, int consecutiveFailures, int httpStatus,
            PublisherHints publisher, ServerHints server) {
        List<Wait> asks = publisherAsks(publisher);
        if (httpStatus == 429 || httpStatus == 503) {
            add(asks, server.retryAfter(), NextPollRule.RETRY_AFTER);
        }
        return decide(now, new Wait(backoff(interval, consecutiveFailures), NextPollRule.BACKOFF), asks, publisher);
    }

    /** After a network error while our own network looked down: the normal interval, no backoff. */
    public NextPoll afterNetworkDown(Instant now, Duration interval, PublisherHints publisher) {
        return decide(now, new Wait(interval, NextPollRule.NETWORK_DOWN), publisherAsks(publisher), publisher);
    }

    Duration backoff(Duration interval, int consecutiveFailures) {
        Duration cap = interval.compareTo(maxBackoff) > 0 ? interval : maxBackoff;
        int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
        Duration backedOff = interval.multipliedBy(1L << doublings);
        return backedOff.compareTo(cap) > 0 ? cap : backedOff;
    }

    private NextPoll decide(Instant now, Wait base, List<Wait> asks, PublisherHints publisher) {
        Wait chosen = base;
        for (Wait ask : asks) {
            if (ask.delay().compareTo(chosen.delay()) > 0) {
                chosen = ask;
            }
        }
        chosen = new Wait(jitter(chosen), chosen.rule());
        if (chosen.delay().compareTo(floor) < 0) {
            chosen = new Wait(floor, NextPollRule.FLOOR);
        }
        NextPoll next = pastSkips(new NextPoll(now.plus(chosen.delay()), chosen.rule()), publisher);
        Instant latest = now.plus(ceiling);
        return next.at().isAfter(latest) ? new NextPoll(latest, NextPollRule.CEILING) : next;
    }

    /** A uniform draw in [-1, 1), folded to [0, 1] when we must not come back earlier than asked. */
    private Duration jitter(Wait wait) {
        long millis = wait.delay().toMillis();
        double spread = 2 * random.nextDouble() - 1;
        double factor = (wait.rule().isPublisherAsk() ? Math.abs(spread) : spread) * JITTER;
        return Duration.ofMillis(millis + Math.round(millis * factor));
    }

    /**
     * RSS 2.0 skipHours/skipDays name GMT hours and days when the channel should not be read. A
     * hint that skips every hour or every day is nonsense and ignored rather than followed forever.
     */
    static NextPoll pastSkips(NextPoll next, PublisherHints publisher) {
        Set<Integer> hours = publisher.skipHours().size() >= 24 ? Set.of() : publisher.skipHours();
        Set<DayOfWeek> days = publisher.skipDays().size() >= 7 ? Set.of() : publisher.skipDays();
        ZonedDateTime t = next.at().atZone(ZoneOffset.UTC);
        NextPollRule rule = next.rule();
        // Each step moves to the next hour or day boundary; a week of hours always finds a free one.
        for (int step = 0; step <= 8 * 24; step++) {
            if (days.contains(t.getDayOfWeek())) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                rule = NextPollRule.SKIP_DAYS;
            } else if (hours.contains(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                rule = NextPollRule.SKIP_HOURS;
            } else {
                break;
            }
        }
        return rule == next.rule() ? next : new NextPoll(t.toInstant(), rule);
    }

    private static List<Wait> publisherAsks(PublisherHints publisher) {
        List<Wait> asks = new ArrayList<>();
        add(asks, publisher.ttl(), NextPollRule.TTL);
        add(asks, publisher.syndicationPeriod(), NextPollRule.SY_UPDATE);
        return asks;
    }

    private static void add(List<Wait> asks, Duration delay, NextPollRule rule) {
        if (delay != null && !delay.isNegative() && !delay.isZero()) {
            asks.add(new Wait(delay, rule));
        }
    }

    /** A candidate delay and the rule behind it. */
    private record Wait(Duration delay, NextPollRule rule) {
    }
}
