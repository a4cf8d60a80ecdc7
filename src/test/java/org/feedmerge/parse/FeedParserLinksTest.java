package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Links come out absolute: xml:base where present, else the feed URL; garbage becomes null. */
class FeedParserLinksTest {
    private static final URI ATOM_URL = URI.create("https://base.example/feeds/atom.xml");

    static Stream<Arguments> atomXmlBase() {
        return Stream.of(
                arguments("Relative to entry base", "https://base.example/blog/2024/post.html"),
                arguments("Absolute entry base", "http://other.example/elsewhere/page"),
                arguments("Base on the link itself", "https://base.example/archive/three.html"),
                arguments("Only a related link", "https://elsewhere.example/story"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void atomXmlBase(String title, String link) throws Exception {
        ParsedFeed feed = new FeedParser().parse(Fixtures.bytes("atom-xml-base.xml"), "application/atom+xml", ATOM_URL);

        assertThat(entryTitled(feed, title).link()).isEqualTo(URI.create(link));
    }

    @Test
    void atomFeedLinkResolvesAgainstRelativeXmlBase() throws Exception {
        ParsedFeed feed = new FeedParser().parse(Fixtures.bytes("atom-xml-base.xml"), "application/atom+xml", ATOM_URL);

        assertThat(feed.link()).isEqualTo(URI.create("https://base.example/blog/"));
    }

    static Stream<Arguments> rssRelativeLinks() {
        return Stream.of(
                arguments("root-relative", "https://example.com/posts/1"),
                arguments("path-relative", "https://example.com/feeds/main/posts/2"),
                arguments("dot-dot", "https://example.com/feeds/up/3"),
                arguments("absolute", "https://cdn.example.net/4"),
                arguments("with spaces", "https://example.com/posts/five%20with%20spaces"),
                arguments("garbage", null),
                arguments("guid fallback", "https://example.com/permalink/7"),
                arguments("non-url guid", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rssRelativeLinks(String title, String link) throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-relative-links.xml");

        assertThat(entryTitled(feed, title).link()).isEqualTo(link == null ? null : URI.create(link));
    }

    @Test
    void rssChannelLinkResolvesAgainstFeedUrl() throws Exception {
        assertThat(Fixtures.parse("rss-relative-links.xml").link()).isEqualTo(URI.create("https://example.com/"));
    }

    @Test
    void withoutFeedUrlRelativeLinksAreNullAndAbsoluteOnesKept() throws Exception {
        ParsedFeed feed = new FeedParser().parse(Fixtures.bytes("rss-relative-links.xml"), null, null);

        assertThat(entryTitled(feed, "root-relative").link()).isNull();
        assertThat(entryTitled(feed, "absolute").link()).isEqualTo(URI.create("https://cdn.example.net/4"));
    }

    private static ParsedEntry entryTitled(ParsedFeed feed, String title) {
        return feed.entries().stream().filter(e -> title.equals(e.title())).findFirst().orElseThrow();
    }
}
