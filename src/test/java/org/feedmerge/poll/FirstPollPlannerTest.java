package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FirstPollPlannerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(30);

    @Test
    void neverPolledFeedsAreSpreadOverTheWindowNotBunchedAtStart() {
        FirstPollPlanner planner = new FirstPollPlanner(Duration.ofMinutes(2), new SplittableRandom(42));
        Set<Long> distinctSeconds = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant first = planner.firstPoll(NOW, null, INTERVAL);
            assertThat(first).isBetween(NOW, NOW.plus(Duration.ofMinutes(2)));
            distinctSeconds.add(Duration.between(NOW, first).toSeconds());
        }
        assertThat(distinctSeconds).hasSizeGreaterThan(60);
    }

    @Test
    void overdueFeedsAfterDowntimeAreSpreadTooInsteadOfBursting() {
        FirstPollPlanner planner = new FirstPollPlanner(Duration.ofMinutes(2), new SplittableRandom(7));
        Instant longAgo = NOW.minus(Duration.ofDays(3));
        Set<Instant> firsts = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            firsts.add(planner.firstPoll(NOW, longAgo, INTERVAL));
        }
        assertThat(firsts).hasSizeGreaterThan(40).allSatisfy(t -> assertThat(t).isBetween(NOW, NOW.plusSeconds(120)));
    }

    @Test
    void feedNotYetDueKeepsItsStoredTime() {
        FirstPollPlanner planner = new FirstPollPlanner(Duration.ofMinutes(2), new SplittableRandom(1));
        Instant stored = NOW.plus(Duration.ofMinutes(10));
        assertThat(planner.firstPoll(NOW, stored, INTERVAL)).isEqualTo(stored);
    }

    @Test
    void storedTimeBeyondAShortenedIntervalIsPulledIn() {
        FirstPollPlanner planner = new FirstPollPlanner(Duration.ofMinutes(2), new SplittableRandom(1));
        Instant stored = NOW.plus(Duration.ofHours(5));
        assertThat(planner.firstPoll(NOW, stored, INTERVAL)).isEqualTo(NOW.plus(INTERVAL));
    }

    @Test
    void aTimeTheServerAskedForOrBackoffSurvivesTheRestart() {
        FirstPollPlanner planner = new FirstPollPlanner(Duration.ofMinutes(2), new SplittableRandom(1));
        Instant stored = NOW.plus(Duration.ofHours(5));
        for (NextPollRule rule : new NextPollRule[] {NextPollRule.RETRY_AFTER, NextPollRule.HOST_RETRY_AFTER,
            NextPollRule.BACKOFF, NextPollRule.TTL, NextPollRule.CACHE_CONTROL, NextPollRule.SKIP_DAYS}) {
            assertThat(planner.firstPoll(NOW, stored, rule.label(), INTERVAL)).as(rule.label()).isEqualTo(stored);
        }
    }

    @Test
    void aTimeFromTheFeedsOwnScheduleIsPulledIn() {
        FirstPollPlanner planner = new FirstPollPlanner(Duration.ofMinutes(2), new SplittableRandom(1));
        Instant stored = NOW.plus(Duration.ofHours(5));
        for (String rule : new String[] {"interval", "floor", "network-down", "no-such-rule", null}) {
            assertThat(planner.firstPoll(NOW, stored, rule, INTERVAL)).as(rule).isEqualTo(NOW.plus(INTERVAL));
        }
    }

    @Test
    void zeroSpreadPollsAtOnce() {
        FirstPollPlanner planner = new FirstPollPlanner(Duration.ZERO, new SplittableRandom(1));
        assertThat(planner.firstPoll(NOW, null, INTERVAL)).isEqualTo(NOW);
    }

    @Test
    void spreadNeverExceedsTheInterval() {
        FirstPollPlanner planner = new FirstPollPlanner(Duration.ofHours(1), new SplittableRandom(3));
        Duration shortInterval = Duration.ofMinutes(5);
        for (int i = 0; i < 100; i++) {
            assertThat(planner.firstPoll(NOW, null, shortInterval)).isBefore(NOW.plus(shortInterval));
        }
    }
}
