package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NextPollPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final NextPollPolicy policy = new NextPollPolicy(Duration.ofHours(6));

    static Stream<Arguments> delays() {
        Duration thirtyMinutes = Duration.ofMinutes(30);
        return Stream.of(
                Arguments.of(thirtyMinutes, 0, thirtyMinutes),
                Arguments.of(thirtyMinutes, 1, thirtyMinutes),
                Arguments.of(thirtyMinutes, 2, Duration.ofHours(1)),
                Arguments.of(thirtyMinutes, 4, Duration.ofHours(4)),
                Arguments.of(thirtyMinutes, 5, Duration.ofHours(6)),
                Arguments.of(thirtyMinutes, 1000, Duration.ofHours(6)),
                // An interval longer than the cap is never shortened by a failure.
                Arguments.of(Duration.ofDays(1), 3, Duration.ofDays(1)));
    }

    @ParameterizedTest(name = "interval {0}, {1} failures -> {2}")
    @MethodSource("delays")
    void backsOffExponentiallyUpToTheCap(Duration interval, int failures, Duration expected) {
        assertThat(policy.next(NOW, interval, failures)).isEqualTo(NOW.plus(expected));
    }
}
