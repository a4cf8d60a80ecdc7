package org.feedmerge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeySuggestionTest {
    private static final List<String> FETCH_KEYS =
            List.of("connect-timeout", "read-timeout", "call-timeout", "user-agent", "max-body");
    private static final List<String> FEED_KEYS = List.of("url", "title", "interval", "tags");

    static Stream<Arguments> typos() {
        return Stream.of(
                Arguments.of("titel", FEED_KEYS, "title"),
                Arguments.of("tag", FEED_KEYS, "tags"),
                Arguments.of("uri", FEED_KEYS, "url"),
                Arguments.of("URL", FEED_KEYS, "url"),
                Arguments.of("intervall", FEED_KEYS, "interval"),
                Arguments.of("connect_timeout", FETCH_KEYS, "connect-timeout"),
                Arguments.of("connectTimeout", FETCH_KEYS, "connect-timeout"),
                Arguments.of("useragent", FETCH_KEYS, "user-agent"),
                Arguments.of("max-bdoy", FETCH_KEYS, "max-body"),
                Arguments.of("read-timout", FETCH_KEYS, "read-timeout"));
    }

    @ParameterizedTest
    @MethodSource("typos")
    void suggestsTheKeyMeant(String typed, List<String> known, String expected) {
        assertThat(KeySuggestion.closest(typed, known)).contains(expected);
    }

    static Stream<Arguments> unrelated() {
        return Stream.of(
                Arguments.of("name", FEED_KEYS),
                Arguments.of("link", FEED_KEYS),
                Arguments.of("timeout", FETCH_KEYS),
                Arguments.of("proxy", FETCH_KEYS));
    }

    @ParameterizedTest
    @MethodSource("unrelated")
    void suggestsNothingForAnUnrelatedKey(String typed, List<String> known) {
        assertThat(KeySuggestion.closest(typed, known)).isEqualTo(Optional.empty());
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertThat(KeySuggestion.distance("titel", "title")).isEqualTo(1);
        assertThat(KeySuggestion.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KeySuggestion.distance("", "abc")).isEqualTo(3);
    }
}
