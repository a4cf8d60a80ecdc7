package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Elements and shapes outside the specs that lenient readers (feedparser) accept, one fixture per quirk. */
class FeedParserLenientElementsTest {

    @Test
    void rssBodyIsSanitisedContentResolvedAgainstTheFeedUrl() throws Exception {
        ParsedEntry entry = entry("rss-body-and-fullitem.xml", "plain-body");

        assertThat(entry.safeContent()).isEqualTo("safe <a href=\"https://example.com/relative/uri\">description</a>");
    }

    @Test
    void emptyIframeInXhtmlBodyDoesNotSwallowTheTextAfterIt() throws Exception {
        ParsedEntry entry = entry("rss-body-and-fullitem.xml", "xhtml-body-empty-iframe");

        assertThat(entry.safeContent()).isEqualTo("safe description<br>end");
    }

    @Test
    void fullitemIsEscapedHtmlContent() throws Exception {
        ParsedEntry entry = entry("rss-body-and-fullitem.xml", "fullitem");

        assertThat(entry.safeContent()).isEqualTo("safe <a href=\"https://example.com/relative/uri\">description</a>");
    }

    @Test
    void contentEncodedBeatsFullitem() throws Exception {
        assertThat(entry("rss-body-and-fullitem.xml", "content-encoded-wins").safeContent()).isEqualTo("encoded");
    }

    @Test
    void atomBase64TextIsDecodedAndSanitised() throws Exception {
        ParsedEntry entry = entry("atom-1.0-base64-media-types.xml", "tag:b64.example,2024:text");

        assertThat(entry.title()).isEqualTo("Example Atom");
        assertThat(entry.safeSummary()).isEqualTo("<p>History of the &lt;blink&gt; tag</p>");
        assertThat(entry.safeContent()).isEqualTo("Example <b>Atom</b>");
    }

    @Test
    void atomBase64BinaryStaysOpaque() throws Exception {
        assertThat(entry("atom-1.0-base64-media-types.xml", "tag:b64.example,2024:binary").safeContent()).isNull();
    }

    @Test
    void atomHtmlEscapedInsideAnXhtmlDivIsTheHtml() throws Exception {
        assertThat(Fixtures.parse("atom-html-in-xhtml-div.xml").entries().get(0).safeContent())
                .isEqualTo("Example <b>Atom</b>");
    }

    @Test
    void atom03TitlesAreDecodedExactlyOnce() throws Exception {
        ParsedFeed feed = Fixtures.parse("atom-0.3-ampersand-titles.xml");

        assertThat(feed.title()).isEqualTo("AT&T");
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("&", "&", "&amp;", "Tom & Jerry");
    }

    @Test
    void dcTermsDatesArePublicationDates() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-dcterms-dates.xml");

        assertThat(feed.entries()).extracting(ParsedEntry::published).containsExactly(
                Instant.parse("2003-12-31T10:14:55Z"),
                Instant.parse("2004-01-01T10:14:55Z"),
                Instant.parse("2005-01-01T10:14:55Z"),
                Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(feed.entries().get(2).updated()).isEqualTo(Instant.parse("2005-01-01T10:14:55Z"));
    }

    @Test
    void atomPathIdsResolveAgainstTheBaseAndOpaqueIdsStay() throws Exception {
        assertThat(Fixtures.parse("atom-relative-id.xml").entries()).extracting(ParsedEntry::guid).containsExactly(
                "https://example.com/relative/link", "https://other.example/relative/link", "12345", "Correct Value");
    }

    private static ParsedEntry entry(String fixture, String guid) throws FeedParseException {
        return Fixtures.parse(fixture).entries().stream().filter(e -> guid.equals(e.guid())).findFirst().orElseThrow();
    }
}
