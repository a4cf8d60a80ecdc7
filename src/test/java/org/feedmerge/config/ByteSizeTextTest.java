package org.feedmerge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ByteSizeTextTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("1024", 1024L),
                Arguments.of("100B", 100L),
                Arguments.of("512KB", 512_000L),
                Arguments.of("2kB", 2_000L),
                Arguments.of("10MB", 10_000_000L),
                Arguments.of("10 mb", 10_000_000L),
                Arguments.of("1GB", 1_000_000_000L),
                Arguments.of("1KiB", 1024L),
                Arguments.of("10MiB", 10L * 1024 * 1024),
                Arguments.of("1GiB", 1024L * 1024 * 1024));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parses(String text, long expected) {
        assertThat(ByteSizeText.parse(text)).isEqualTo(Parsed.ok(expected));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("1.5MB", "not a size: \"1.5MB\""),
                Arguments.of("10 megs", "not a size"),
                Arguments.of("MB", "not a size"),
                Arguments.of("-1KB", "not a size"),
                Arguments.of("", "not a size"),
                Arguments.of("99999999999GB", "size too large"),
                Arguments.of("99999999999999999999", "size too large"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refuses(String text, String reason) {
        assertThat(ByteSizeText.parse(text)).isInstanceOfSatisfying(Parsed.Bad.class,
                bad -> assertThat(bad.reason()).contains(reason));
    }

    static Stream<Arguments> formatted() {
        return Stream.of(
                Arguments.of(10_000_000L, "10MB"),
                Arguments.of(1024L * 1024 * 1024, "1GiB"),
                Arguments.of(1_000L, "1KB"),
                Arguments.of(1_536L, "1536 bytes"),
                Arguments.of(0L, "0 bytes"),
                Arguments.of(100L, "100 bytes"));
    }

    @ParameterizedTest
    @MethodSource("formatted")
    void formatsWithTheLargestExactUnit(long bytes, String expected) {
        assertThat(ByteSizeText.format(bytes)).isEqualTo(expected);
    }
}
