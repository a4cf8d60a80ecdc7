package org.feedmerge.config;

import java.time.Duration;
import java.util.Objects;

/**
 * @param defaultInterval interval for feeds that do not set their own
 * @param threads         size of the scheduler's worker pool (concurrent polls)
 * @param shutdownGrace   how long in-flight polls may run on after SIGTERM
 * @param startupSpread   first polls after start are spread at random over this window (never
 *                        longer than a feed's interval), so a restart does not hit every server at once
 */
public record PollConfig(Duration defaultInterval, int threads, Duration shutdownGrace, Duration startupSpread) {
    public PollConfig {
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(startupSpread, "startupSpread");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }
}
