package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubstanceTest {

    private static final String[] BASE = {"A title", "https://example.org/a", "<p>The summary.</p>", "<p>Some <b>text</b> here.</p>"};

    private static String hash(String[] fields) {
        return Substance.hash(fields[0], fields[1], fields[2], fields[3]);
    }

    static Stream<Arguments> noise() {
        return Stream.of(
                Arguments.of("re-indented", new String[] {" A  title\n", BASE[1], "\n<p>The\tsummary.</p>", "<p>Some\n<b>text</b>   here.</p>\n"}),
                Arguments.of("other markup", new String[] {BASE[0], BASE[1], "<div class=x>The summary.</div>", "<p>Some <strong>text</strong> here.</p>"}),
                Arguments.of("tracking parameters", new String[] {BASE[0], "https://www.example.org/a?utm_source=rss#top", BASE[2], BASE[3]}),
                Arguments.of("entity spelling", new String[] {BASE[0], BASE[1], "<p>The&#32;summary.</p>", "<p>Some <b>text</b>&nbsp;here.</p>"}),
                Arguments.of("a comment", new String[] {BASE[0], BASE[1], BASE[2], "<p>Some <b>text</b> here.</p><!-- cache 12:04 -->"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noise")
    void noiseIsNotAnEdit(String what, String[] fields) {
        assertThat(hash(fields)).isEqualTo(hash(BASE));
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("title", new String[] {"A new title", BASE[1], BASE[2], BASE[3]}),
                Arguments.of("link", new String[] {BASE[0], "https://example.org/b", BASE[2], BASE[3]}),
                Arguments.of("summary", new String[] {BASE[0], BASE[1], "<p>The new summary.</p>", BASE[3]}),
                Arguments.of("a word", new String[] {BASE[0], BASE[1], BASE[2], "<p>Some <b>texts</b> here.</p>"}),
                Arguments.of("case", new String[] {BASE[0], BASE[1], BASE[2], "<p>some <b>text</b> here.</p>"}),
                Arguments.of("script removed", new String[] {BASE[0], BASE[1], BASE[2], "<p>Some text here.</p>x"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void aChangedWordIsAnEdit(String what, String[] fields) {
        assertThat(hash(fields)).isNotEqualTo(hash(BASE));
    }
}
