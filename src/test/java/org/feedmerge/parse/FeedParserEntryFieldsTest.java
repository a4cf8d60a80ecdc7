package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** guid, title, summary/content and date rules, one quirk per fixture. */
class FeedParserEntryFieldsTest {

    @Test
    void missingGuidIsNull() throws Exception {
        assertThat(Fixtures.parse("rss-no-guid.xml").entries()).extracting(ParsedEntry::guid).containsOnlyNulls();
    }

    @Test
    void blankGuidIsNullAndPaddedGuidIsTrimmed() throws Exception {
        assertThat(Fixtures.parse("rss-blank-guid.xml").entries()).extracting(ParsedEntry::guid)
                .containsExactly(null, null, "abc-3");
    }

    static Stream<Arguments> dateFormats() {
        return Stream.of(
                arguments("rfc822-gmt", "2006-01-02T15:04:05Z"),
                arguments("rfc822-est", "2006-01-02T20:04:05Z"),
                arguments("rfc822-pdt", "2006-07-02T22:04:05Z"),
                arguments("rfc822-offset", "2006-01-02T13:04:05Z"),
                arguments("rfc822-ut", "2006-01-02T15:04:05Z"),
                arguments("rfc822-no-weekday-no-seconds", "2006-01-02T20:04:00Z"),
                arguments("rfc822-two-digit-year", "2006-01-02T15:04:05Z"),
                arguments("iso-utc", "2006-01-02T15:04:05Z"),
                arguments("iso-offset-millis", "2006-01-02T14:04:05.250Z"),
                arguments("iso-date-only", "2006-01-02T00:00:00Z"),
                arguments("dc-date-only", "2006-01-02T23:04:05Z"),
                arguments("pubdate-beats-dc-date", "2006-01-02T15:04:05Z"),
                arguments("iso-no-zone", "2006-01-02T15:04:05Z"),
                arguments("iso-space-no-zone", "2006-01-02T15:04:05Z"),
                arguments("iso-microseconds", "2006-01-02T15:04:05.123456Z"),
                arguments("rfc822-colon-offset", "2006-01-02T14:04:05Z"),
                arguments("rfc822-no-zone", "2006-01-02T15:04:05Z"),
                arguments("rfc822-zone-comment", "2006-01-02T15:04:05Z"),
                arguments("asctime", "2006-01-02T15:04:05Z"),
                arguments("dc-date-w3cdtf-month", "2006-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void dateFormats(String title, String expected) throws Exception {
        ParsedEntry entry = entryTitled(Fixtures.parse("rss-date-formats.xml"), title);

        assertThat(entry.published()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void missingOrUnparseableDatesAreNullNotNow() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-missing-dates.xml");

        assertThat(feed.entries()).hasSize(3);
        assertThat(feed.entries()).extracting(ParsedEntry::published).containsOnlyNulls();
        assertThat(feed.entries()).extracting(ParsedEntry::updated).containsOnlyNulls();
    }

    @Test
    void contentEncodedIsContentAndDescriptionIsSummary() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-content-encoded.xml");

        assertThat(feed.entries()).extracting(ParsedEntry::summary)
                .containsExactly("Short teaser &hellip;", "<p>Only a description</p>");
        assertThat(feed.entries()).extracting(ParsedEntry::content)
                .containsExactly("<p>The <strong>full</strong> article.</p>", null);
    }

    @Test
    void atomHtmlAndXhtmlTitlesBecomePlainTextAndTextTitlesStayLiteral() throws Exception {
        ParsedFeed feed = Fixtures.parse("atom-html-title.xml");

        assertThat(feed.title()).isEqualTo("Feed with & markup");
        assertThat(feed.entries()).extracting(ParsedEntry::title)
                .containsExactly("Bold & spaced é", "An XHTML title", "Less <b> is literal");
    }

    @Test
    void atomTextContentIsEscapedIntoHtml() throws Exception {
        ParsedEntry entry = Fixtures.parse("atom-html-title.xml").entries().get(2);

        assertThat(entry.safeContent()).isEqualTo("1 &lt; 2 &amp; &quot;quotes&quot;");
    }

    @Test
    void rssTitlesWithMarkupOrEntitiesBecomePlainText() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-title-markup.xml");

        assertThat(feed.description()).isEqualTo("A bold description");
        assertThat(feed.entries()).extracting(ParsedEntry::title)
                .containsExactly("Tom & Jerry live", "Café open", "AT&T merger");
    }

    static Stream<Arguments> extensionFallbacks() {
        return Stream.of(
                arguments("dc", null, "<p>Dublin Core description</p>", null, "DC Author"),
                arguments("itunes", null, "iTunes summary &lt;not markup&gt;", null, "iTunes Author"),
                arguments("media", "Media title", null, null, null),
                arguments("xhtml", null, null, "<p>XHTML <a href=\"https://example.com/rel\">body</a></p>", null),
                arguments("core-wins", "Core title", "Core description", null, "core@example.com (Core)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void extensionFallbacks(String guid, String title, String summary, String content, String author) throws Exception {
        ParsedEntry entry = Fixtures.parse("rss-extension-fallbacks.xml").entries().stream()
                .filter(e -> guid.equals(e.guid())).findFirst().orElseThrow();

        assertThat(entry.title()).isEqualTo(title);
        assertThat(entry.safeSummary()).isEqualTo(summary);
        assertThat(entry.safeContent()).isEqualTo(content);
        assertThat(entry.author()).isEqualTo(author);
    }

    @Test
    void atomLinksWithoutHrefAreSkippedOrReadFromText() throws Exception {
        assertThat(Fixtures.parse("atom-link-without-href.xml").entries()).extracting(ParsedEntry::link)
                .containsExactly(URI.create("https://link.example/with-href"), URI.create("https://link.example/in-text"));
    }

    private static ParsedEntry entryTitled(ParsedFeed feed, String title) {
        return feed.entries().stream().filter(e -> title.equals(e.title())).findFirst().orElseThrow();
    }
}
