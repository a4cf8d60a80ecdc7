package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlCharsTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("tab\tnewline\ncr\r", "tab\tnewline\ncr\r"),
                Arguments.of("nul\u0000 bell\u0007 esc\u001B", "nul bell esc"),
                Arguments.of("lone high \uD800 and low \uDFFF", "lone high  and low "),
                Arguments.of("pair \uD83D\uDE00 kept", "pair \uD83D\uDE00 kept"),
                Arguments.of("ends high \uD83D", "ends high "),
                Arguments.of("nonchars \uFFFE\uFFFF", "nonchars "),
                Arguments.of("private \uE000 and \uFFFD kept", "private \uE000 and \uFFFD kept"),
                Arguments.of("\u0001", ""));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void stripsExactlyWhatXml10Forbids(String raw, String expected) {
        assertThat(XmlChars.clean(raw)).isEqualTo(expected);
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String text = "nothing to strip";

        assertThat(XmlChars.clean(text)).isSameAs(text);
        assertThat(XmlChars.clean(null)).isNull();
    }
}
