package org.feedmerge.poll;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.feedmerge.testing.SettableClock;

/** "Sleeps" by moving a settable clock, and remembers every wait. */
final class ClockSleeper implements Sleeper {
    private final SettableClock clock;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    ClockSleeper(SettableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }
}
