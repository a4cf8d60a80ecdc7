package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON Feed 1.0/1.1 into the same records, found by sniffing, whatever the Content-Type says. */
class JsonFeedTest {
    private static final URI FETCHED_FROM = URI.create("https://fetched.example/path/feed");

    @Test
    void jsonFeed11Items() throws Exception {
        ParsedFeed feed = parse("json-feed-1.1.json", "application/rss+xml");

        assertThat(feed.title()).isEqualTo("A JSON Feed");
        assertThat(feed.link()).isEqualTo(URI.create("https://json.example/"));
        assertThat(feed.description()).isEqualTo("Feeds in JSON");
        assertThat(feed.hints()).isEqualTo(PublisherHints.NONE);
        assertThat(feed.entries()).hasSize(3);
        assertThat(Fixtures.safe(feed.entries().get(0))).isEqualTo(new ParsedEntry("1",
                URI.create("https://json.example/blog/posts/one.html"),
                "First & foremost <b>literal</b>",
                "A &lt;teaser&gt; &amp; more",
                "<p>Hello <a href=\"https://json.example/about\">about</a><img src=\"https://json.example/blog/img/a.png\"></p>",
                "Item Author",
                Instant.parse("2024-04-01T08:00:00Z"),
                Instant.parse("2024-04-02T08:30:00Z")));
    }

    @Test
    void numericIdExternalUrlTextContentAndZonelessDate() throws Exception {
        ParsedEntry second = parse("json-feed-1.1.json", null).entries().get(1);

        assertThat(Fixtures.safe(second)).isEqualTo(new ParsedEntry("2", URI.create("https://elsewhere.example/story"), null, null,
                "Plain &lt;text&gt; &amp; stuff", "Feed Author", Instant.parse("2024-04-03T10:00:00Z"), null));
    }

    @Test
    void blankIdIsNullAndNonObjectItemsAreSkipped() throws Exception {
        ParsedEntry third = parse("json-feed-1.1.json", null).entries().get(2);

        assertThat(third.guid()).isNull();
        assertThat(third.title()).isEqualTo("Blank id, no dates");
        assertThat(third.published()).isNull();
    }

    static Stream<Arguments> authors() {
        return Stream.of(arguments(0, "Legacy Feed Author"), arguments(1, "Legacy Item Author"));
    }

    @ParameterizedTest(name = "item {0}: {1}")
    @MethodSource
    void authors(int index, String author) throws Exception {
        assertThat(parse("json-feed-1.0-author.json", "application/json").entries().get(index).author())
                .isEqualTo(author);
    }

    @Test
    void relativeUrlsWithoutFeedUrlResolveAgainstHomePageThenFetchUrl() throws Exception {
        ParsedFeed feed = parse("json-feed-relative-urls-no-feed-url.json", null);

        assertThat(feed.link()).isEqualTo(URI.create("https://fetched.example/home/"));
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.link()).isEqualTo(URI.create("https://fetched.example/home/post.html"));
            assertThat(entry.safeContent()).isEqualTo("<a href=\"https://fetched.example/home/other.html\">o</a>");
        });
    }

    @Test
    void contentTextStandsInWhenNothingOfContentHtmlIsSafeToShow() throws Exception {
        String json = """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Talks", "items": [
                  {"id": "1", "url": "https://talks.example/1",
                   "content_html": "<iframe src=\\"https://video.example/embed/1\\"></iframe>",
                   "content_text": "Watch the talk: what feeds get wrong"}]}""";
        ParsedEntry entry = new FeedParser().parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json",
                FETCHED_FROM).entries().get(0);

        assertThat(entry.safeContent()).isEqualTo("Watch the talk: what feeds get wrong");
    }

    static Stream<Arguments> sniffedNotNamed() {
        return Stream.of(
                arguments("json-feed-after-bom.json", "text/html", "BOM then JSON"),
                arguments("json-feed-after-two-boms.json", null, "Two BOMs"),
                arguments("json-feed-served-as-rss.rss", "application/rss+xml", "Extension says RSS"),
                arguments("atom-served-as-rss.rss", "application/json", "Extension says RSS"),
                arguments("rss-served-as-atom.atom", "application/atom+xml", "Extension says Atom"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource
    void sniffedNotNamed(String fixture, String contentType, String title) throws Exception {
        assertThat(parse(fixture, contentType).title()).isEqualTo(title);
    }

    @Test
    void rsparserJsonFeedsParse() throws Exception {
        Path dir = Fixtures.CORPUS.resolve("rsparser");
        assumeTrue(Files.isDirectory(dir), "shared corpus not present");
        String[][] expected = {
                {"3960.json", "20"}, {"DaringFireball.json", "48"}, {"allthis.json", "12"}, {"authors.json", "4"},
                {"curt.json", "26"}, {"inessential.json", "20"}, {"jsonfeed-extension.json", "3"},
                {"pxlnv.json", "20"}, {"rose.json", "84"}};
        for (String[] file : expected) {
            ParsedFeed feed = new FeedParser().parse(Files.readAllBytes(dir.resolve(file[0])), "application/json", null);

            assertThat(feed.entries()).as(file[0]).hasSize(Integer.parseInt(file[1]));
            assertThat(feed.entries()).as(file[0]).allSatisfy(entry -> assertThat(String.valueOf(entry.safeContent())).doesNotContain("<script"));
        }
    }

    @Test
    void rsparserAuthorsFollowTheSpecPrecedence() throws Exception {
        Path file = Fixtures.CORPUS.resolve("rsparser/authors.json");
        assumeTrue(Files.exists(file), "shared corpus not present");

        ParsedFeed feed = new FeedParser().parse(Files.readAllBytes(file), null, null);

        assertThat(feed.entries()).extracting(ParsedEntry::author)
                .containsExactly("Root Author 1", "Legacy Item Author", "Item Author 1", "Item Author 1");
    }

    @Test
    void entityEscapedTitlesAreDecodedOnce() throws Exception {
        Path file = Fixtures.CORPUS.resolve("rsparser/rose.json");
        assumeTrue(Files.exists(file), "shared corpus not present");

        ParsedFeed feed = new FeedParser().parse(Files.readAllBytes(file), null, null);

        assertThat(feed.entries()).extracting(ParsedEntry::title)
                .contains("Workflow: Add Task & Sub Tasks To OmniFocus");
    }

    private static ParsedFeed parse(String fixture, String contentType) throws FeedParseException {
        return new FeedParser().parse(Fixtures.bytes(fixture), contentType, FETCHED_FROM);
    }
}
