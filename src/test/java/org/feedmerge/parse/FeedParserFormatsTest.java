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

/** One fixture per RSS and Atom version: feed-level fields, then every field of an entry. */
class FeedParserFormatsTest {

    static Stream<Arguments> feedLevelFields() {
        return Stream.of(
                arguments("rss-2.0.xml", "Example Blog", "https://example.com/", "Notes & essays", 2),
                arguments("rss-0.91-netscape-doctype.xml", "Netscape Era News", "http://news.example.com/",
                        "RSS 0.91 with the Netscape DTD © 1999", 1),
                arguments("rss-1.0-rdf.xml", "RDF Site", "https://rdf.example.org/", "An RSS 1.0 channel", 1),
                arguments("atom-1.0.xml", "Atom Example", "https://atom.example.org/", "A subtitle", 2),
                arguments("atom-0.3.xml", "Atom 0.3 Example", "http://old.example.org/", "Old school", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void feedLevelFields(String fixture, String title, String link, String description, int entries) throws Exception {
        ParsedFeed feed = Fixtures.parse(fixture);

        assertThat(feed.title()).isEqualTo(title);
        assertThat(feed.link()).isEqualTo(URI.create(link));
        assertThat(feed.description()).isEqualTo(description);
        assertThat(feed.entries()).hasSize(entries);
    }

    @Test
    void atomFeedWithRssStyleItemsReadsThemAsEntries() throws Exception {
        ParsedFeed feed = Fixtures.parse("atom-with-rss-items.xml");

        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("target");
        assertThat(feed.entries().get(0).link()).isEqualTo(URI.create("http://example.org/target"));
    }

    @Test
    void rss20() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-2.0.xml");

        assertThat(Fixtures.safe(feed.entries())).containsExactly(
                new ParsedEntry("post-1", URI.create("https://example.com/posts/1"), "First post",
                        "<p>Hello <b>world</b></p>", null, "jane@example.com (Jane Doe)",
                        Instant.parse("2024-01-02T10:00:00Z"), null),
                new ParsedEntry("https://example.com/posts/2", URI.create("https://example.com/posts/2"),
                        "Second post", "<p>Second</p>", null, "John Roe",
                        Instant.parse("2024-01-03T10:30:00Z"), null));
    }

    @Test
    void rss091WithNetscapeDoctype() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-0.91-netscape-doctype.xml");

        assertThat(Fixtures.safe(feed.entries())).containsExactly(
                new ParsedEntry(null, URI.create("http://news.example.com/portal.html"), "Portal launched",
                        "My Netscape is live.", null, null, null, null));
    }

    @Test
    void rss10RdfUsesRdfAboutAsGuid() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-1.0-rdf.xml");

        assertThat(Fixtures.safe(feed.entries())).containsExactly(
                new ParsedEntry("https://rdf.example.org/items/1", URI.create("https://rdf.example.org/items/1"),
                        "RDF item", "Plain description", "<p>Full <em>content</em></p>", "Ada Lovelace",
                        Instant.parse("2024-02-03T04:05:06Z"), Instant.parse("2024-02-04T00:00:00Z")));
    }

    @Test
    void atom10() throws Exception {
        ParsedFeed feed = Fixtures.parse("atom-1.0.xml");

        ParsedEntry first = feed.entries().get(0);
        assertThat(first.guid()).isEqualTo("tag:atom.example.org,2024:1");
        assertThat(first.link()).as("rel=alternate wins over self and enclosure")
                .isEqualTo(URI.create("https://atom.example.org/entries/1"));
        assertThat(first.title()).isEqualTo("Entry one");
        assertThat(first.safeSummary()).isEqualTo("<p>Summary one</p>");
        assertThat(first.safeContent()).contains("<p>Content <b>one</b></p>");
        assertThat(first.author()).isEqualTo("Entry Author");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
        assertThat(first.updated()).isEqualTo(Instant.parse("2024-03-01T11:00:00Z"));
    }

    @Test
    void atom10EntryWithoutPublishedOrAuthorFallsBack() throws Exception {
        ParsedEntry second = Fixtures.parse("atom-1.0.xml").entries().get(1);

        assertThat(Fixtures.safe(second)).isEqualTo(new ParsedEntry("tag:atom.example.org,2024:2",
                URI.create("https://atom.example.org/entries/2"), "Entry two", "Plain summary", null,
                "Feed Author", Instant.parse("2024-03-02T09:00:00Z"), Instant.parse("2024-03-02T09:00:00Z")));
    }

    @Test
    void atom03() throws Exception {
        ParsedFeed feed = Fixtures.parse("atom-0.3.xml");

        assertThat(Fixtures.safe(feed.entries())).containsExactly(
                new ParsedEntry("tag:old.example.org,2004:1", URI.create("http://old.example.org/2004/01/entry"),
                        "Old entry", null, "<p>Escaped <i>HTML</i></p>", "Old Author",
                        Instant.parse("2004-01-09T13:00:00Z"), Instant.parse("2004-01-10T12:00:00Z")));
    }

    @Test
    void rssWithUnknownVersionIsReadAsRss20() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-unknown-version.xml");

        assertThat(feed.title()).isEqualTo("Future RSS");
        assertThat(feed.entries()).extracting(ParsedEntry::guid).containsExactly("f-1");
    }
}
