package org.feedmerge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.org/feed.xml",
        "http://example.org",
        "HTTPS://Example.ORG/Feed?format=rss&x=1",
        "http://127.0.0.1:8080/feed",
        "http://[::1]:8080/feed",
        "https://user@example.org/private.xml"
    })
    void acceptsAbsoluteHttpUrls(String text) {
        assertThat(HttpUrlText.parse(text)).isEqualTo(Parsed.ok(URI.create(text)));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("feed.xml", "must be an absolute URL like https://example.org/feed.xml"),
                Arguments.of("//example.org/feed.xml", "must be an absolute URL"),
                Arguments.of("ftp://example.org/feed.xml", "got scheme \"ftp\""),
                Arguments.of("mailto:news@example.org", "got scheme \"mailto\""),
                Arguments.of("localhost:8080", "got scheme \"localhost\""),
                Arguments.of("http:///feed.xml", "has no host"),
                Arguments.of("http:example.org", "has no host"),
                Arguments.of("http://exa_mple.org/", "has no valid host name"),
                Arguments.of("http://example.org:99999/", "port 99999 is out of range"),
                Arguments.of("https://example.org/a feed.xml", "not a valid URL: Illegal character in path at character 22"),
                Arguments.of("", "must be an absolute URL"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refuses(String text, String reason) {
        assertThat(HttpUrlText.parse(text)).isInstanceOfSatisfying(Parsed.Bad.class,
                bad -> assertThat(bad.reason()).contains(reason));
    }
}
