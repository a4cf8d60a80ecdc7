package org.feedmerge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BindAddressTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "localhost", "feeds.example.org", "my-host", "::1", "::",
        "[::1]", "fe80::1:2:3:4", "::ffff:10.0.0.1"})
    void acceptsHostNamesAndIpLiterals(String text) {
        assertThat(BindAddressText.parse(text)).isEqualTo(Parsed.ok(text));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("256.0.0.1", "not a valid IPv4 address"),
                Arguments.of("127.0.0", "not a valid IPv4 address"),
                Arguments.of("localhost:8080", "the port goes in server.port"),
                Arguments.of("[::1]:8080", "the port goes in server.port"),
                Arguments.of("zz::1", "not a valid IPv6 address"),
                Arguments.of("my host", "not a valid host name or IP address"),
                Arguments.of("-host", "not a valid host name"),
                Arguments.of("under_score", "not a valid host name"),
                Arguments.of("", "not a valid host name"),
                Arguments.of("*", "not a valid host name"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refuses(String text, String reason) {
        assertThat(BindAddressText.parse(text)).isInstanceOfSatisfying(Parsed.Bad.class,
                bad -> assertThat(bad.reason()).contains(reason));
    }
}
