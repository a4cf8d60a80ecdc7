package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.feedmerge.poll.HostGate.Admission;
import org.feedmerge.poll.HostGate.Admitted;
import org.feedmerge.poll.HostGate.Postponed;
import org.feedmerge.testing.SettableClock;
import org.junit.jupiter.api.Test;

class HostGateTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration SPACING = Duration.ofSeconds(1);

    private final SettableClock clock = new SettableClock(T0);
    private final ClockSleeper sleeper = new ClockSleeper(clock);
    private final HostGate gate = new HostGate(2, SPACING, clock, sleeper);

    private static HostGate.Permit permit(Admission admission) {
        assertThat(admission).isInstanceOf(Admitted.class);
        return ((Admitted) admission).permit();
    }

    @Test
    void firstRequestToAHostGoesAtOnce() {
        permit(gate.admit("a.example")).close();

        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void secondRequestWaitsOutTheSpacingInPlace() {
        permit(gate.admit("a.example")).close();
        clock.advance(Duration.ofMillis(300));

        permit(gate.admit("a.example")).close();

        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(700));
    }

    @Test
    void otherHostsAreNotHeldUp() {
        permit(gate.admit("a.example"));

        permit(gate.admit("b.example")).close();

        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void hostNamesAreCaseInsensitive() {
        permit(gate.admit("A.Example"));
        clock.advance(Duration.ofMillis(500));

        permit(gate.admit("a.example"));

        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aBusyHostPostponesInsteadOfBlocking() {
        HostGate.Permit first = permit(gate.admit("a.example"));
        permit(gate.admit("a.example"));

        Admission third = gate.admit("a.example");

        assertThat(third).isInstanceOf(Postponed.class);
        Postponed postponed = (Postponed) third;
        assertThat(postponed.rule()).isEqualTo(NextPollRule.HOST_BUSY);
        assertThat(postponed.until()).isAfterOrEqualTo(clock.instant().plus(HostGate.BUSY_RETRY));
        first.close();
        permit(gate.admit("a.example"));
    }

    @Test
    void closingAPermitTwiceFreesOneSlot() {
        HostGate.Permit first = permit(gate.admit("a.example"));
        HostGate.Permit second = permit(gate.admit("a.example"));
        first.close();
        first.close();

        permit(gate.admit("a.example"));

        assertThat(gate.admit("a.example")).isInstanceOf(Postponed.class);
        second.close();
    }

    @Test
    void spacingLongerThanAShortWaitPostponesToTheSlot() {
        HostGate slow = new HostGate(2, Duration.ofSeconds(30), clock, sleeper);
        permit(slow.admit("a.example")).close();

        Admission second = slow.admit("a.example");

        assertThat(second).isEqualTo(new Postponed(T0.plusSeconds(30), NextPollRule.HOST_SPACING));
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void aCoolingDownHostPostponesEveryFeedUntilItIsOverStaggeredBySpacing() {
        Instant until = T0.plus(Duration.ofMinutes(10));
        assertThat(gate.coolDown("a.example", until)).isTrue();

        assertThat(gate.admit("a.example")).isEqualTo(new Postponed(until, NextPollRule.HOST_RETRY_AFTER));
        assertThat(gate.admit("a.example")).isEqualTo(new Postponed(until.plus(SPACING), NextPollRule.HOST_RETRY_AFTER));
        assertThat(gate.admit("a.example"))
                .isEqualTo(new Postponed(until.plus(SPACING.multipliedBy(2)), NextPollRule.HOST_RETRY_AFTER));
        permit(gate.admit("b.example"));

        clock.set(until);
        permit(gate.admit("a.example"));
    }

    @Test
    void aShorterCoolDownDoesNotCutALongerOne() {
        assertThat(gate.coolDown("a.example", T0.plusSeconds(600))).isTrue();

        assertThat(gate.coolDown("a.example", T0.plusSeconds(60))).isFalse();
        assertThat(gate.coolDown("a.example", T0.plusSeconds(900))).isTrue();
        assertThat(((Postponed) gate.admit("a.example")).until()).isEqualTo(T0.plusSeconds(900));
    }

    @Test
    void interruptedWhileWaitingGivesTheSlotBackAndPostpones() {
        HostGate interrupted = new HostGate(1, SPACING, clock, duration -> {
            throw new InterruptedException("shutdown");
        });
        permit(interrupted.admit("a.example")).close();

        Admission second = interrupted.admit("a.example");

        assertThat(Thread.interrupted()).isTrue();
        assertThat(second).isInstanceOf(Postponed.class);
        clock.advance(SPACING.multipliedBy(2));
        permit(interrupted.admit("a.example"));
    }
}
