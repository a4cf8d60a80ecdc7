package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/a?b=c#d", "tag:example.com,2024:1", "urn:isbn:0451450523",
            "mailto:a@example.com", "http://例え.jp/記事", "http://example.com/\uD83D\uDE00"})
    void absoluteIris(String text) {
        assertThat(Iris.isAbsolute(text)).isTrue();
        assertThat(Iris.atomId(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "relative/path", "/abs/path", "//host/x", "has space:x", "http://x/a b", "http://x/%zz",
            "http://x/\u00A0nbsp", "http://x/\uFDD0nonchar", "http://x/\uE000private", "x:", "12:34", "C:\\dir"})
    void notAbsoluteIris(String text) {
        assertThat(Iris.isAbsolute(text)).isFalse();
        assertThat(Iris.atomId(text)).startsWith(Iris.DERIVED_ID_PREFIX);
        assertThat(Iris.isAbsolute(Iris.atomId(text))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a%20b", "a+b", "ä", "a/b?c#d"})
    void derivedIdsAreInjective(String text) {
        assertThat(Iris.percentEncode(text)).matches("[A-Za-z0-9._~%-]*");
        assertThat(Iris.percentEncode(text)).isNotEqualTo(Iris.percentEncode(text + " "));
        assertThat(Iris.percentEncode("a b")).isNotEqualTo(Iris.percentEncode("a%20b"));
    }
}
