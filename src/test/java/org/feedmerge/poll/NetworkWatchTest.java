package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import org.feedmerge.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NetworkWatchTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final NetworkWatch watch = new NetworkWatch(clock);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger().addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger().detachAppender(logs);
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(NetworkWatch.class);
    }

    /** Records network errors on hosts h0, h1, h2, h0, ... one second apart; returns the last verdict. */
    private boolean failures(int count) {
        boolean excused = false;
        for (int i = 0; i < count; i++) {
            excused = watch.record("h" + (i % 3), true);
            clock.advance(Duration.ofSeconds(1));
        }
        return excused;
    }

    @Test
    void aBusyMinuteKeepsOnlyTheLatestPollsAndStillTellsAnOutage() {
        for (int i = 0; i < 3 * NetworkWatch.MAX_SAMPLES; i++) {
            watch.record("host" + i + ".example", false);
        }
        assertThat(watch.samples()).isEqualTo(NetworkWatch.MAX_SAMPLES);
        for (int i = 0; i < NetworkWatch.MAX_SAMPLES; i++) {
            watch.record("gone" + i % 5 + ".example", true);
        }
        assertThat(watch.isDown()).as("the window now holds only failures").isTrue();
    }

    @Test
    void fourFailuresAreStillTheFeedsFault() {
        assertThat(failures(4)).isFalse();
        assertThat(watch.isDown()).isFalse();
    }

    @Test
    void theFifthNetworkErrorAcrossThreeHostsInAMinuteMeansOurNetworkIsDown() {
        assertThat(failures(5)).isTrue();
        assertThat(watch.isDown()).isTrue();
    }

    @Test
    void eightyPercentIsEnough() {
        watch.record("ok", false);
        failures(3);
        assertThat(watch.isDown()).isFalse();

        assertThat(failures(1)).isTrue();
    }

    @Test
    void oneDeadServerIsNotOurNetwork() {
        for (int i = 0; i < 20; i++) {
            assertThat(watch.record("dead.example", true)).isFalse();
        }
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotCount() {
        for (int i = 0; i < 10; i++) {
            assertThat(watch.record("h" + (i % 3), true)).isFalse();
            clock.advance(Duration.ofSeconds(20));
        }
    }

    @Test
    void anAnswerEndsItAndItIsLoggedOnceEachWay() {
        failures(12);
        assertThat(watch.record("h9", false)).isFalse();

        assertThat(watch.isDown()).isFalse();
        assertThat(watch.record("h1", true)).as("the next error starts a fresh count").isFalse();
        assertThat(logs.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(logs.list.get(0).getFormattedMessage()).contains("network looks down: 5 of 5 polls");
    }

    @Test
    void answersInTheWindowKeepItUp() {
        watch.record("h0", false);
        watch.record("h1", false);

        assertThat(failures(3)).isFalse();
        assertThat(watch.isDown()).isFalse();
    }
}
