package org.feedmerge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DurationTextTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("90s", Duration.ofSeconds(90)),
                Arguments.of("30m", Duration.ofMinutes(30)),
                Arguments.of("1h", Duration.ofHours(1)),
                Arguments.of("1d", Duration.ofDays(1)),
                Arguments.of("1h30m", Duration.ofMinutes(90)),
                Arguments.of("1d2h3m4s", Duration.ofSeconds(93_784)),
                Arguments.of("1H30M", Duration.ofMinutes(90)),
                Arguments.of("1h 30m", Duration.ofMinutes(90)),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("PT30M", Duration.ofMinutes(30)),
                Arguments.of("pt1h30m", Duration.ofMinutes(90)),
                Arguments.of("P1D", Duration.ofDays(1)),
                Arguments.of("PT-5M", Duration.ofMinutes(-5)));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parses(String text, Duration expected) {
        assertThat(DurationText.parse(text)).isEqualTo(Parsed.ok(expected));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("30", "a duration needs a unit: write 30s, 30m, 30h or 30d"),
                Arguments.of("", "empty duration"),
                Arguments.of("1.5h", "not a duration: \"1.5h\""),
                Arguments.of("30min", "not a duration"),
                Arguments.of("30m1h", "largest first"),
                Arguments.of("1w", "not a duration"),
                Arguments.of("P1M", "not a valid ISO-8601 duration: \"P1M\""),
                Arguments.of("99999999999999999999d", "duration too long"),
                Arguments.of("999999999999999d", "duration too long"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refuses(String text, String reason) {
        assertThat(DurationText.parse(text)).isInstanceOfSatisfying(Parsed.Bad.class,
                bad -> assertThat(bad.reason()).contains(reason));
    }

    static Stream<Arguments> formatted() {
        return Stream.of(
                Arguments.of(Duration.ZERO, "0s"),
                Arguments.of(Duration.ofSeconds(90), "1m30s"),
                Arguments.of(Duration.ofDays(30), "30d"),
                Arguments.of(Duration.ofSeconds(93_784), "1d2h3m4s"),
                Arguments.of(Duration.ofMinutes(-5), "-5m"),
                Arguments.of(Duration.ofMillis(1500), "PT1.5S"));
    }

    @ParameterizedTest
    @MethodSource("formatted")
    void formatsCompactly(Duration duration, String expected) {
        assertThat(DurationText.format(duration)).isEqualTo(expected);
    }
}
