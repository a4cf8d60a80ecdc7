package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NormalisedTest {

    private static final String ARTICLE = "<p>Leaders met in Paris on Tuesday to agree a <b>climate</b> plan that"
            + " cuts emissions by half before 2035, officials said after the talks ended.</p>";
    private static final String EXCERPT = "Leaders met in Paris on Tuesday to agree a climate plan&hellip;";

    /** {title, link, summary HTML, content HTML}: either body may be missing, empty or markup only. */
    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of("summary and content", "Paris talks", "https://example.org/a?utm_source=x", EXCERPT, ARTICLE),
                Arguments.of("content only", "Paris talks", "https://example.org/a", null, ARTICLE),
                Arguments.of("summary only", "Paris talks", null, EXCERPT, null),
                Arguments.of("content is markup only", null, "https://example.org/a", EXCERPT, "<p> </p><img src=x>"),
                Arguments.of("nothing", null, null, null, null),
                Arguments.of("entities and no-break spaces", "A\u00a0title", "https://example.org/b",
                        "Caf&eacute;&nbsp;&amp; bar", "<div>\u00a0Caf\u00e9 &amp;\tbar <script>x()</script></div>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void isTheCanonicalLinkAndThePlainTextOfSummaryAndContent(String what, String title, String link, String summary,
            String content) {
        Normalised text = Normalised.of(link, summary, content);

        assertThat(text.canonicalLink()).isEqualTo(CanonicalUrl.of(link));
        assertThat(text.summary()).isEqualTo(PlainText.of(summary));
        assertThat(text.content()).isEqualTo(PlainText.of(content));
        assertThat(text.body()).isEqualTo(text.content().isEmpty() ? text.summary() : text.content());
    }

    /** Stated from the parts, not through Substance's own overloads (which both go through Normalised). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void substanceHashIsTheHashOfTitleCanonicalLinkAndVisibleText(String what, String title, String link,
            String summary, String content) {
        String canonical = CanonicalUrl.of(link);
        String expected = Substance.sha256Hex(PlainText.collapseWhitespace(title == null ? "" : title),
                canonical != null ? canonical : PlainText.collapseWhitespace(link == null ? "" : link),
                PlainText.of(summary), PlainText.of(content));

        assertThat(Substance.hash(title, link, Normalised.of(link, summary, content))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void fingerprintCarriesTheCanonicalLinkAndTheHeadlineWords(String what, String title, String link, String summary,
            String content) {
        StoryFingerprint fingerprint = StoryFingerprint.of(title, Normalised.of(link, summary, content));

        assertThat(fingerprint.canonicalUrl()).isEqualTo(CanonicalUrl.of(link));
        assertThat(fingerprint.titleWords()).isEqualTo(TitleWords.of(title));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theFingerprintReadsTheSummaryWhenTheContentHasNoText(String what, String title, String link, String summary,
            String content) {
        StoryFingerprint fromText = StoryFingerprint.of(title, Normalised.of(link, summary, content));
        StoryFingerprint fromBody = StoryFingerprint.of(title, link, null,
                PlainText.of(content).isEmpty() ? summary : content);

        assertThat(fromText.shingleBytes()).isEqualTo(fromBody.shingleBytes());
    }
}
