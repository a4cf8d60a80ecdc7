package org.feedmerge.config;

import java.time.Duration;
import java.util.Objects;

/**
 * @param defaultInterval interval for feeds that do not set their own
 * @param threads         size of the scheduler's worker pool (concurrent polls)
 * @param shutdownGrace   how long in-flight polls may run on after SIGTERM
 * @param startupSpread   first polls after start are spread at random over this window (never
 *                        longer than a feed's interval), so a restart does not hit every server at once
 * @param minInterval     floor: no feed is polled more often, whatever it or its publisher asks
 * @param maxInterval     ceiling: no feed waits longer between two polls, whatever its publisher asks
 * @param maxBackoff      failures back off exponentially up to this (or the feed's interval if longer)
 */
public record PollConfig(
        Duration defaultInterval,
        int threads,
        Duration shutdownGrace,
        Duration startupSpread,
        Duration minInterval,
        Duration maxInterval,
        Duration maxBackoff) {

    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofDays(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(12);

    public PollConfig {
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(startupSpread, "startupSpread");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        if (minInterval.compareTo(maxInterval) > 0) {
            throw new IllegalArgumentException("minInterval must not exceed maxInterval");
        }
    }

    /** With the default floor (5m), ceiling (1d) and backoff cap (12h). */
    public PollConfig(Duration defaultInterval, int threads, Duration shutdownGrace, Duration startupSpread) {
        this(defaultInterval, threads, shutdownGrace, startupSpread, DEFAULT_MIN_INTERVAL, DEFAULT_MAX_INTERVAL,
                DEFAULT_MAX_BACKOFF);
    }
}
