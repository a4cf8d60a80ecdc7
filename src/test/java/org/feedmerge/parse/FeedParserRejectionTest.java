package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What is not a usable feed fails with a one-line reason naming what it is. A truncated document
 * is one: recording what arrived as a success would hide the broken fetch.
 */
class FeedParserRejectionTest {

    static Stream<Arguments> notFeeds() {
        return Stream.of(
                arguments("html-page.html", "not a feed: HTML page"),
                arguments("html-page-malformed.html", "not a feed: HTML page"),
                arguments("html-page-with-feed-link.html",
                        "not a feed: HTML page; did you mean https://blog.example/site/feeds/atom.xml?"),
                arguments("html-page-with-javascript-feed-link.html", "not a feed: HTML page"),
                arguments("json-rss-in-json.json", "not a feed: JSON document without a JSON Feed version"),
                arguments("json-array.json", "not a feed: JSON document without a JSON Feed version"),
                arguments("json-feed-truncated.json", "JSON is not well-formed at line 1, column "),
                arguments("empty.xml", "empty document"),
                arguments("whitespace-only.xml", "empty document"),
                arguments("comment-only.xml", "empty document"),
                arguments("opml.xml", "not a feed: XML document with root element <opml>"),
                arguments("plain-text-error.txt", "not a feed: no XML element in the document"),
                arguments("truncated-mid-item.xml", "XML is truncated at line 9: the root element is never closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void notFeeds(String fixture, String reason) {
        assertThatThrownBy(() -> Fixtures.parse(fixture))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notFeeds")
    void rejectionsDoNotDependOnTheContentType(String fixture, String reason) {
        for (String contentType : new String[] {null, "application/rss+xml", "application/json", "text/html"}) {
            assertThatThrownBy(() -> new FeedParser().parse(Fixtures.bytes(fixture), contentType, Fixtures.FEED_URL))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageStartingWith(reason);
        }
    }
}
