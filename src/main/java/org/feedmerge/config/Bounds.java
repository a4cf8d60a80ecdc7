package org.feedmerge.config;

import java.time.Duration;
import java.util.function.Function;

/**
 * An inclusive range a config value must fall in, with the unit-aware formatting used to explain
 * it ("must be between 1m and 30d, got 45d").
 */
record Bounds<T extends Comparable<? super T>>(T min, T max, Function<T, String> format) {

    static Bounds<Long> of(long min, long max) {
        return new Bounds<>(min, max, String::valueOf);
    }

    static Bounds<Duration> of(Duration min, Duration max) {
        return new Bounds<>(min, max, DurationText::format);
    }

    static Bounds<Long> bytes(long min, long max) {
        return new Bounds<>(min, max, ByteSizeText::format);
    }

    Parsed<T> check(T value) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return Parsed.bad("must be between " + format.apply(min) + " and " + format.apply(max)
                    + ", got " + format.apply(value));
        }
        return Parsed.ok(value);
    }
}
