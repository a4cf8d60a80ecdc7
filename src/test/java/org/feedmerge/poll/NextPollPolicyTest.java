package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.feedmerge.fetch.ServerHints;
import org.feedmerge.parse.PublisherHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NextPollPolicyTest {
    /** A Monday. */
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(30);
    private static final Duration FLOOR = Duration.ofMinutes(5);
    private static final Duration CEILING = Duration.ofDays(1);
    private static final Duration MAX_BACKOFF = Duration.ofHours(12);

    private final NextPollPolicy policy = new NextPollPolicy(FLOOR, CEILING, MAX_BACKOFF, new CenteredRandom());

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    private static PublisherHints ttl(Duration ttl) {
        return new PublisherHints(ttl, null, Set.of(), Set.of());
    }

    private static PublisherHints sy(Duration period) {
        return new PublisherHints(null, period, Set.of(), Set.of());
    }

    private static PublisherHints skipHours(Integer... hours) {
        return new PublisherHints(null, null, Set.of(hours), Set.of());
    }

    private static PublisherHints skipDays(DayOfWeek... days) {
        return new PublisherHints(null, null, Set.of(), Set.of(days));
    }

    private static ServerHints maxAge(Duration maxAge) {
        return new ServerHints(maxAge, null, null);
    }

    private static ServerHints expires(Duration expires) {
        return new ServerHints(null, expires, null);
    }

    private static ServerHints retryAfter(Duration retryAfter) {
        return new ServerHints(null, null, retryAfter);
    }

    static Stream<Arguments> afterSuccess() {
        PublisherHints none = PublisherHints.NONE;
        ServerHints no = ServerHints.NONE;
        Set<Integer> allHours = IntStream.range(0, 24).boxed().collect(Collectors.toSet());
        return Stream.of(
                Arguments.of("plain interval", INTERVAL, none, no, NOW.plus(INTERVAL), NextPollRule.INTERVAL),
                Arguments.of("longer ttl wins", INTERVAL, ttl(minutes(60)), no, NOW.plus(minutes(60)), NextPollRule.TTL),
                Arguments.of("shorter ttl never speeds up", INTERVAL, ttl(minutes(10)), no, NOW.plus(INTERVAL),
                        NextPollRule.INTERVAL),
                Arguments.of("sy:updatePeriod", INTERVAL, sy(Duration.ofHours(2)), no, NOW.plus(Duration.ofHours(2)),
                        NextPollRule.SY_UPDATE),
                Arguments.of("max-age", INTERVAL, none, maxAge(minutes(45)), NOW.plus(minutes(45)),
                        NextPollRule.CACHE_CONTROL),
                Arguments.of("expires", INTERVAL, none, expires(minutes(40)), NOW.plus(minutes(40)),
                        NextPollRule.EXPIRES),
                Arguments.of("max-age=0 asks nothing", INTERVAL, none, maxAge(Duration.ZERO), NOW.plus(INTERVAL),
                        NextPollRule.INTERVAL),
                Arguments.of("largest ask wins", INTERVAL, ttl(minutes(60)), maxAge(minutes(90)),
                        NOW.plus(minutes(90)), NextPollRule.CACHE_CONTROL),
                Arguments.of("retry-after on a success is ignored", INTERVAL, none, retryAfter(Duration.ofHours(5)),
                        NOW.plus(INTERVAL), NextPollRule.INTERVAL),
                Arguments.of("floor", minutes(1), none, no, NOW.plus(FLOOR), NextPollRule.FLOOR),
                Arguments.of("ceiling beats a long ttl", INTERVAL, ttl(Duration.ofDays(3)), no, NOW.plus(CEILING),
                        NextPollRule.CEILING),
                Arguments.of("skip hours 12-13 GMT", INTERVAL, skipHours(12, 13), no,
                        Instant.parse("2026-03-02T14:00:00Z"), NextPollRule.SKIP_HOURS),
                Arguments.of("skip Monday", INTERVAL, skipDays(DayOfWeek.MONDAY), no,
                        Instant.parse("2026-03-03T00:00:00Z"), NextPollRule.SKIP_DAYS),
                Arguments.of("skip hours across midnight", minutes(660), skipHours(22, 23), no,
                        Instant.parse("2026-03-03T00:00:00Z"), NextPollRule.SKIP_HOURS),
                Arguments.of("ceiling beats skipped days", INTERVAL,
                        skipDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), no, NOW.plus(CEILING), NextPollRule.CEILING),
                Arguments.of("skipping every hour is ignored", INTERVAL,
                        new PublisherHints(null, null, allHours, Set.of()), no, NOW.plus(INTERVAL),
                        NextPollRule.INTERVAL),
                Arguments.of("skipping every day is ignored", INTERVAL,
                        new PublisherHints(null, null, Set.of(), Set.of(DayOfWeek.values())), no, NOW.plus(INTERVAL),
                        NextPollRule.INTERVAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void afterSuccess(String name, Duration interval, PublisherHints publisher, ServerHints server, Instant at,
            NextPollRule rule) {
        assertThat(policy.afterSuccess(NOW, interval, publisher, server)).isEqualTo(new NextPoll(at, rule));
    }

    static Stream<Arguments> afterFailure() {
        PublisherHints none = PublisherHints.NONE;
        ServerHints no = ServerHints.NONE;
        return Stream.of(
                Arguments.of("first failure waits the interval", INTERVAL, 1, 500, none, no, INTERVAL,
                        NextPollRule.BACKOFF),
                Arguments.of("then doubles", INTERVAL, 2, 500, none, no, minutes(60), NextPollRule.BACKOFF),
                Arguments.of("and doubles", INTERVAL, 4, 0, none, no, Duration.ofHours(4), NextPollRule.BACKOFF),
                Arguments.of("up to max-backoff", INTERVAL, 6, 404, none, no, MAX_BACKOFF, NextPollRule.BACKOFF),
                Arguments.of("hours, not forever", INTERVAL, 1000, 404, none, no, MAX_BACKOFF, NextPollRule.BACKOFF),
                Arguments.of("an interval over the cap is kept", Duration.ofHours(20), 3, 500, none, no,
                        Duration.ofHours(20), NextPollRule.BACKOFF),
                Arguments.of("429 Retry-After", INTERVAL, 1, 429, none, retryAfter(Duration.ofHours(2)),
                        Duration.ofHours(2), NextPollRule.RETRY_AFTER),
                Arguments.of("503 Retry-After", INTERVAL, 1, 503, none, retryAfter(minutes(45)), minutes(45),
                        NextPollRule.RETRY_AFTER),
                Arguments.of("Retry-After shorter than backoff", INTERVAL, 3, 503, none, retryAfter(minutes(1)),
                        Duration.ofHours(2), NextPollRule.BACKOFF),
                Arguments.of("Retry-After on a 500 is not honoured", INTERVAL, 1, 500, none,
                        retryAfter(Duration.ofHours(2)), INTERVAL, NextPollRule.BACKOFF),
                Arguments.of("ceiling beats Retry-After", INTERVAL, 1, 429, none, retryAfter(Duration.ofDays(30)),
                        CEILING, NextPollRule.CEILING),
                Arguments.of("the stored ttl still counts", INTERVAL, 1, 500, ttl(Duration.ofHours(3)), no,
                        Duration.ofHours(3), NextPollRule.TTL),
                Arguments.of("max-age of an error page is ignored", INTERVAL, 1, 500, none,
                        maxAge(Duration.ofHours(3)), INTERVAL, NextPollRule.BACKOFF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void afterFailure(String name, Duration interval, int failures, int httpStatus, PublisherHints publisher,
            ServerHints server, Duration delay, NextPollRule rule) {
        assertThat(policy.afterFailure(NOW, interval, failures, httpStatus, publisher, server))
                .isEqualTo(new NextPoll(NOW.plus(delay), rule));
    }

    @Test
    void networkDownRetriesAtTheNormalInterval() {
        assertThat(policy.afterNetworkDown(NOW, INTERVAL, PublisherHints.NONE))
                .isEqualTo(new NextPoll(NOW.plus(INTERVAL), NextPollRule.NETWORK_DOWN));
        assertThat(policy.afterNetworkDown(NOW, INTERVAL, ttl(Duration.ofHours(1))))
                .isEqualTo(new NextPoll(NOW.plus(Duration.ofHours(1)), NextPollRule.TTL));
    }

    @Test
    void jitterSpreadsOwnIntervalsBothWaysWithinFivePercent() {
        NextPollPolicy jittery = new NextPollPolicy(FLOOR, CEILING, MAX_BACKOFF, new SplittableRandom(42));
        Set<Instant> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            NextPoll next = jittery.afterSuccess(NOW, INTERVAL, PublisherHints.NONE, ServerHints.NONE);
            assertThat(next.at()).isBetween(NOW.plus(INTERVAL.multipliedBy(95).dividedBy(100)),
                    NOW.plus(INTERVAL.multipliedBy(105).dividedBy(100)));
            seen.add(next.at());
        }
        assertThat(seen).hasSizeGreaterThan(200);
        assertThat(seen).anyMatch(t -> t.isBefore(NOW.plus(INTERVAL))).anyMatch(t -> t.isAfter(NOW.plus(INTERVAL)));
    }

    @Test
    void jitterNeverComesBackEarlierThanThePublisherAsked() {
        NextPollPolicy jittery = new NextPollPolicy(FLOOR, CEILING, MAX_BACKOFF, new SplittableRandom(7));
        Duration asked = Duration.ofHours(2);
        for (int i = 0; i < 500; i++) {
            assertThat(jittery.afterFailure(NOW, INTERVAL, 1, 429, PublisherHints.NONE, retryAfter(asked)).at())
                    .isBetween(NOW.plus(asked), NOW.plus(asked.multipliedBy(105).dividedBy(100)));
            assertThat(jittery.afterSuccess(NOW, INTERVAL, ttl(asked), ServerHints.NONE).at())
                    .isAfterOrEqualTo(NOW.plus(asked));
        }
    }

    @Test
    void jitterNeverBreaksTheFloorOrTheCeiling() {
        NextPollPolicy jittery = new NextPollPolicy(FLOOR, CEILING, MAX_BACKOFF, new SplittableRandom(3));
        for (int i = 0; i < 200; i++) {
            assertThat(jittery.afterSuccess(NOW, FLOOR, PublisherHints.NONE, ServerHints.NONE).at())
                    .isAfterOrEqualTo(NOW.plus(FLOOR));
            assertThat(jittery.afterSuccess(NOW, CEILING, PublisherHints.NONE, ServerHints.NONE).at())
                    .isBeforeOrEqualTo(NOW.plus(CEILING));
        }
    }
}
