package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What is not a feed fails with a one-line reason; what Rome's healer can mend is read. */
class FeedParserRejectionTest {

    static Stream<Arguments> notFeeds() {
        return Stream.of(
                arguments("html-page.html", "not a feed: HTML page"),
                arguments("html-page-malformed.html", "not a feed: HTML page"),
                arguments("json-feed.json", "not a feed: JSON document"),
                arguments("empty.xml", "empty document"),
                arguments("whitespace-only.xml", "empty document"),
                arguments("opml.xml", "not a feed: XML document with root element <opml>"),
                arguments("truncated.xml", "XML is not well-formed at line 7: "),
                arguments("unsupported-encoding.xml", "unsupported character encoding: X-KLINGON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void notFeeds(String fixture, String reason) {
        assertThatThrownBy(() -> Fixtures.parse(fixture))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void plainTextIsNotWellFormedXml() {
        byte[] body = "Service Unavailable".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new FeedParser().parse(body, "text/plain", Fixtures.FEED_URL))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("XML is not well-formed at line 1: ");
    }

    @Test
    void healerMendsLeadingJunkHtmlEntitiesAndBareAmpersands() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-needs-healing.xml");

        assertThat(feed.title()).isEqualTo("Needs healing & more");
        assertThat(feed.description()).isEqualTo("Leading junk, HTML entities é and a bare & ampersand");
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Fish & Chips…");
            assertThat(entry.link()).isEqualTo(URI.create("https://heal.example/1?a=1&b=2"));
        });
    }

    @Test
    void internalEntitiesInADoctypeAreExpanded() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-internal-entity.xml");

        assertThat(feed.title()).isEqualTo("Internal Entity Weekly");
        assertThat(feed.description()).isEqualTo("Declared in the internal subset — the editors");
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("Issue 1 of Internal Entity Weekly");
    }
}
