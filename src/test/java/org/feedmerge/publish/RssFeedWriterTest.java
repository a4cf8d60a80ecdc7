package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.publish.Entries.OUTPUT;
import static org.feedmerge.publish.Entries.T0;
import static org.feedmerge.publish.Entries.entry;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.feedmerge.store.MergedEntry;
import org.feedmerge.store.StorySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

class RssFeedWriterTest {

    private static final Instant EMPTY_FEED_TIME = Instant.parse("2024-01-02T03:04:05Z");
    private static final String RFC_822 =
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    private final RssFeedWriter writer = new RssFeedWriter(OUTPUT, URI.create("https://news.example.org/feed.xml"));

    @Test
    void romeReadsTheChannelAndTheItemsInOrder() throws Exception {
        SyndFeed feed = rome(render(entry(3).build(), entry(2).build(), entry(1).build()));

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Merged & Co");
        assertThat(feed.getLink()).isEqualTo("https://news.example.org/");
        assertThat(feed.getDescription()).isEqualTo("Everything <in> one place");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Post 3", "Post 2", "Post 1");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "https://blog1.example.com/posts/3", "https://blog0.example.com/posts/2", "https://blog1.example.com/posts/1");
    }

    @Test
    void channelCarriesSelfLinkBuildDateAndGenerator() {
        Element channel = channel(render(entry(1).build()));

        Element self = Dom.child(channel, Dom.ATOM, "link");
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo("https://news.example.org/feed.xml");
        assertThat(self.getAttribute("type")).isEqualTo("application/rss+xml");
        assertThat(Dom.text(channel, null, "generator")).isEqualTo("feedmerge");
        assertThat(Dom.text(channel, null, "lastBuildDate")).matches(RFC_822);
    }

    @Test
    void itemCarriesEveryField() {
        Element item = items(render(entry(1).build())).get(0);

        assertThat(Dom.text(item, null, "title")).isEqualTo("Post 1");
        assertThat(Dom.text(item, null, "link")).isEqualTo("https://blog1.example.com/posts/1");
        assertThat(Dom.text(item, null, "description")).isEqualTo("<p>Summary 1</p>");
        assertThat(Dom.text(item, Dom.CONTENT, "encoded")).isEqualTo("<p>Content 1</p>");
        assertThat(Dom.text(item, Dom.DC, "creator")).isEqualTo("Author 1");
        assertThat(Dom.text(item, null, "author")).isNull();
        Element guid = Dom.child(item, null, "guid");
        assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
        assertThat(guid.getTextContent()).isEqualTo("https://blog1.example.com/posts/1");
        assertThat(Dom.text(item, null, "pubDate")).isEqualTo("Fri, 01 Mar 2024 11:00:00 GMT").matches(RFC_822);
    }

    @Test
    void storedHtmlIsSanitisedAgainstItsBaseWhenRendered() {
        Element item = items(render(entry(1)
                .summary("<p onclick=\"steal()\">Hi <a href=\"../about\">about</a><script>steal()</script></p>")
                .content("<img src=\"pic.png\" onerror=\"steal()\"><iframe src=\"https://evil.example/\"></iframe>")
                .htmlBase("https://blog1.example.com/posts/1/").build())).get(0);

        assertThat(Dom.text(item, null, "description"))
                .isEqualTo("<p>Hi <a href=\"https://blog1.example.com/posts/about\">about</a></p>");
        assertThat(Dom.text(item, Dom.CONTENT, "encoded")).isEqualTo("<img src=\"https://blog1.example.com/posts/1/pic.png\">");
    }

    @Test
    void everyItemNamesItsSource() {
        List<Element> items = items(render(entry(2).build(), entry(1).build()));

        assertThat(items).extracting(item -> Dom.child(item, null, "source").getAttribute("url"))
                .containsExactly("https://blog0.example.com/feed.xml", "https://blog1.example.com/feed.xml");
        assertThat(items).extracting(item -> Dom.text(item, null, "source")).containsExactly("Blog 0", "Blog 1");
    }

    @Test
    void sourceTitleFallsBackToTheFeedUrl() {
        MergedEntry untitledFeed = entry(1).feed(7, "https://x.example/rss", "  ", null).build();

        assertThat(Dom.text(items(render(untitledFeed)).get(0), null, "source")).isEqualTo("https://x.example/rss");
    }

    @Test
    void descriptionFallsBackToContentAndContentEncodedOnlyWhenThereIsContent() {
        Element onlyContent = items(render(entry(1).summary(null).build())).get(0);
        Element onlySummary = items(render(entry(1).content(" ").build())).get(0);

        assertThat(Dom.text(onlyContent, null, "description")).isEqualTo("<p>Content 1</p>");
        assertThat(Dom.text(onlySummary, null, "description")).isEqualTo("<p>Summary 1</p>");
        assertThat(Dom.children(onlySummary, Dom.CONTENT, "encoded")).isEmpty();
    }

    static Stream<Arguments> titles() {
        return Stream.of(
                Arguments.of("Title", "<p>s</p>", "https://l.example/1", "Title"),
                Arguments.of(null, "<p>s</p>", "https://l.example/1", null),
                Arguments.of(null, null, "https://l.example/1", "https://l.example/1"),
                Arguments.of(" ", null, null, "(untitled)"),
                Arguments.of(null, null, "not a link", "(untitled)"));
    }

    @ParameterizedTest
    @MethodSource("titles")
    void titleFallsBackOnlyWhenThereIsNoDescriptionEither(String title, String summary, String link, String expected) {
        MergedEntry entry = entry(1).title(title).summary(summary).content(null).link(link).build();

        assertThat(Dom.text(items(render(entry)).get(0), null, "title")).isEqualTo(expected);
    }

    static Stream<Arguments> authors() {
        return Stream.of(
                Arguments.of("jane@example.com", true),
                Arguments.of("jane@example.com (Jane Doe)", true),
                Arguments.of("Jane Doe", false),
                Arguments.of("Jane Doe <jane@example.com>", false),
                Arguments.of("@jane", false));
    }

    @ParameterizedTest
    @MethodSource("authors")
    void authorOnlyWhenItIsAnEmailAddressElseDcCreator(String author, boolean isEmail) {
        Element item = items(render(entry(1).author(author).build())).get(0);

        assertThat(Dom.text(item, null, "author")).isEqualTo(isEmail ? author : null);
        assertThat(Dom.text(item, Dom.DC, "creator")).isEqualTo(isEmail ? null : author);
    }

    @Test
    void guidsStayUniqueWhenPublicIdsRepeat() {
        byte[] xml = render(entry(3).publicId("x").build(), entry(2).publicId("x").build(), entry(1).publicId("x#2").build());

        List<String> guids = items(xml).stream().map(item -> Dom.text(item, null, "guid")).toList();
        assertThat(guids).doesNotHaveDuplicates().hasSize(3).startsWith("x", "x#2");
    }

    @Test
    void markupInTextStaysText() {
        byte[] xml = render(entry(1).title("Fish & <Chips> \"quoted\"").build());

        assertThat(Dom.text(items(xml).get(0), null, "title")).isEqualTo("Fish & <Chips> \"quoted\"");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("Fish &amp; &lt;Chips&gt;");
    }

    @Test
    void charactersXmlForbidsAreStrippedEverywhere() {
        MergedEntry entry = entry(1).title("Bad\u0001Ti\u0000tle\uFFFE\uD800").summary("a\u000Bb\uDC00")
                .feed(1, "https://f.example/\u001Ffeed", "Feed\u0007", null).author("Ann\uFFFF").build();
        var writerWithBadConfig = new RssFeedWriter(
                new org.feedmerge.config.OutputConfig("Merged\u0002", OUTPUT.link(), "d\u0008", 5),
                URI.create("https://news.example.org/feed.xml"));

        byte[] xml = writerWithBadConfig.write(FeedSnapshot.of(List.of(entry), EMPTY_FEED_TIME));

        Element item = items(xml).get(0);
        assertThat(Dom.text(item, null, "title")).isEqualTo("BadTitle");
        assertThat(Dom.text(item, null, "description")).isEqualTo("ab");
        assertThat(Dom.text(item, null, "source")).isEqualTo("Feed");
        assertThat(Dom.child(item, null, "source").getAttribute("url")).isEqualTo("https://f.example/feed");
        assertThat(Dom.text(item, Dom.DC, "creator")).isEqualTo("Ann");
        assertThat(Dom.text(channel(xml), null, "title")).isEqualTo("Merged");
    }

    @Test
    void charactersOutsideTheBasicPlaneSurvive() throws Exception {
        byte[] xml = render(entry(1).title("Party \uD83C\uDF89 time").build());

        assertThat(rome(xml).getEntries().get(0).getTitle()).isEqualTo("Party \uD83C\uDF89 time");
    }

    @Test
    void emptyFeedIsValidAndDatedByTheFallback() throws Exception {
        byte[] xml = render();

        assertThat(rome(xml).getEntries()).isEmpty();
        assertThat(Dom.text(channel(xml), null, "lastBuildDate")).isEqualTo("Tue, 02 Jan 2024 03:04:05 GMT");
    }

    @Test
    void lastBuildDateIsTheNewestChangeOfAnyEntry() {
        MergedEntry edited = entry(1).updated(T0.plusSeconds(86_400)).build();
        MergedEntry seenLate = entry(2).firstSeen(T0.plusSeconds(2 * 86_400)).build();

        assertThat(Dom.text(channel(render(edited, entry(2).build())), null, "lastBuildDate"))
                .isEqualTo("Sat, 02 Mar 2024 10:00:00 GMT");
        assertThat(Dom.text(channel(render(seenLate, edited)), null, "lastBuildDate"))
                .isEqualTo("Sun, 03 Mar 2024 10:00:00 GMT");
    }

    @Test
    void sameEntriesGiveIdenticalBytes() {
        List<MergedEntry> entries = List.of(entry(2).build(), entry(1).build());

        byte[] first = writer.write(FeedSnapshot.of(entries, EMPTY_FEED_TIME));
        byte[] second = new RssFeedWriter(OUTPUT, URI.create("https://news.example.org/feed.xml"))
                .write(FeedSnapshot.of(new ArrayList<>(entries), EMPTY_FEED_TIME.plusSeconds(99)));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anEntryThatCannotBeRenderedIsSkippedAndTheRestStays() throws Exception {
        byte[] xml = render(
                entry(4).build(),
                entry(3).published(Instant.parse("+12000-01-01T00:00:00Z")).build(),
                null,
                entry(2).publicId(null).build(),
                entry(1).feed(1, null, "Feed", null).build(),
                entry(0).build());

        assertThat(rome(xml).getEntries()).extracting(SyndEntry::getTitle).containsExactly("Post 4", "Post 0");
    }

    @Test
    void otherSourcesOfTheStoryAreViaLinksAndAnAlsoInLine() {
        Element item = Dom.child(channel(render(entry(1).otherSources(
                new StorySource("Wire & Co", "https://wire.test/feed", "https://wire.test/", "https://wire.test/s/1"),
                new StorySource("No Link <News>", "https://nolink.test/feed", null, null)).build())), null, "item");

        List<Element> via = Dom.children(item, Dom.ATOM, "link");
        assertThat(via).singleElement().satisfies(link -> {
            assertThat(link.getAttribute("rel")).isEqualTo("via");
            assertThat(link.getAttribute("href")).isEqualTo("https://wire.test/s/1");
            assertThat(link.getAttribute("title")).isEqualTo("Wire & Co");
        });
        String alsoIn = "<p>Also in: <a href=\"https://wire.test/s/1\">Wire &amp; Co</a>, No Link &lt;News&gt;</p>";
        assertThat(Dom.text(item, null, "description")).isEqualTo("<p>Summary 1</p>\n" + alsoIn);
        assertThat(Dom.text(item, Dom.CONTENT, "encoded")).isEqualTo("<p>Content 1</p>\n" + alsoIn);
        assertThat(Dom.child(item, null, "source").getAttribute("url")).isEqualTo("https://blog1.example.com/feed.xml");
    }

    @Test
    void anItemWithoutTextStillNamesItsOtherSources() {
        Element item = Dom.child(channel(render(entry(1).summary(null).content(null).otherSources(
                new StorySource("Wire", "https://wire.test/feed", "https://wire.test/", null)).build())), null, "item");

        assertThat(Dom.text(item, null, "description"))
                .isEqualTo("<p>Also in: <a href=\"https://wire.test/\">Wire</a></p>");
    }

    private byte[] render(MergedEntry... entries) {
        return writer.write(FeedSnapshot.of(Arrays.asList(entries), EMPTY_FEED_TIME));
    }

    private static Element channel(byte[] xml) {
        Element rss = Dom.parse(xml);
        assertThat(rss.getLocalName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        return Dom.child(rss, null, "channel");
    }

    private static List<Element> items(byte[] xml) {
        return Dom.children(channel(xml), null, "item");
    }

    static SyndFeed rome(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
    }
}
