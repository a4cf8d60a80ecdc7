package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AcceptEncodingTest {

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("gzip", true),
                Arguments.of("GZIP", true),
                Arguments.of("x-gzip", true),
                Arguments.of("gzip, deflate, br", true),
                Arguments.of("br;q=1.0, gzip;q=0.8, *;q=0.1", true),
                Arguments.of("deflate , gzip ; q=0.001", true),
                Arguments.of("gzip;q=1", true),
                Arguments.of("gzip;Q=0.5", true),
                Arguments.of("gzip;level=9;q=0.5", true),
                Arguments.of("*", true),
                Arguments.of("identity, *;q=0.5", true),
                Arguments.of("gzip;q=0", false),
                Arguments.of("gzip;q=0.000", false),
                Arguments.of("gzip; q = 0", false),
                Arguments.of("gzip;q=0, *", false),
                Arguments.of("*;q=0", false),
                Arguments.of("deflate, br", false),
                Arguments.of("identity", false),
                Arguments.of("", false),
                Arguments.of("gzipper", false),
                Arguments.of("gzip;q=", false),
                Arguments.of("gzip;q=abc", false),
                Arguments.of("gzip;q=1.5", false),
                Arguments.of("gzip;q=2", false),
                Arguments.of("gzip;q=0.0001", false),
                Arguments.of(";;;,,,;q", false),
                Arguments.of("q=1", false),
                Arguments.of("\u0000gzip\u00FF", false));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void gzipOnlyWhenListedWithNonZeroWeight(String header, boolean allowed) {
        assertThat(AcceptEncoding.allowsGzip(List.of(header))).as(header).isEqualTo(allowed);
    }

    @Test
    void noHeaderMeansNoGzipAndRepeatedLinesCombine() {
        assertThat(AcceptEncoding.allowsGzip(null)).isFalse();
        assertThat(AcceptEncoding.allowsGzip(List.of("br", "gzip"))).isTrue();
        assertThat(AcceptEncoding.allowsGzip(List.of("*", "gzip;q=0"))).isFalse();
    }
}
