package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.publish.Entries.OUTPUT;
import static org.feedmerge.publish.Entries.T0;
import static org.feedmerge.publish.Entries.entry;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

class AtomFeedWriterTest {

    private static final Instant EMPTY_FEED_TIME = Instant.parse("2024-01-02T03:04:05Z");
    private static final String RFC_3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    private static final String ATOM = Dom.ATOM;

    private final AtomFeedWriter writer = new AtomFeedWriter(OUTPUT, URI.create("https://news.example.org/feed.atom"));

    @Test
    void romeReadsTheFeedAndTheEntriesInOrder() throws Exception {
        SyndFeed feed = RssFeedWriterTest.rome(render(entry(3).build(), entry(2).build(), entry(1).build()));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Merged & Co");
        assertThat(feed.getUri()).isEqualTo("https://news.example.org/");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Post 3", "Post 2", "Post 1");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "https://blog1.example.com/posts/3", "https://blog0.example.com/posts/2", "https://blog1.example.com/posts/1");
    }

    @Test
    void feedHeadHasIdTitleUpdatedLinksAuthorAndGenerator() {
        Element feed = feed(render(entry(1).build()));

        assertThat(Dom.text(feed, ATOM, "id")).isEqualTo("https://news.example.org/");
        assertThat(Dom.text(feed, ATOM, "title")).isEqualTo("Merged & Co");
        assertThat(Dom.text(feed, ATOM, "subtitle")).isEqualTo("Everything <in> one place");
        assertThat(Dom.text(feed, ATOM, "updated")).isEqualTo("2024-03-01T11:01:00Z");
        assertThat(link(feed, "self")).isEqualTo("https://news.example.org/feed.atom");
        assertThat(link(feed, "alternate")).isEqualTo("https://news.example.org/");
        assertThat(Dom.text(Dom.child(feed, ATOM, "author"), ATOM, "name")).isEqualTo("feedmerge");
        assertThat(Dom.text(feed, ATOM, "generator")).isEqualTo("feedmerge");
    }

    @Test
    void entryCarriesEveryField() {
        Element entry = entries(render(entry(1).updated(T0.plusSeconds(86_400)).build())).get(0);

        assertThat(Dom.text(entry, ATOM, "id")).isEqualTo("https://blog1.example.com/posts/1");
        assertThat(Dom.text(entry, ATOM, "title")).isEqualTo("Post 1");
        assertThat(link(entry, "alternate")).isEqualTo("https://blog1.example.com/posts/1");
        assertThat(Dom.text(entry, ATOM, "published")).isEqualTo("2024-03-01T11:00:00Z");
        assertThat(Dom.text(entry, ATOM, "updated")).isEqualTo("2024-03-02T10:00:00Z");
        assertThat(Dom.text(Dom.child(entry, ATOM, "author"), ATOM, "name")).isEqualTo("Author 1");
        assertThat(Dom.child(entry, ATOM, "summary").getAttribute("type")).isEqualTo("html");
        assertThat(Dom.text(entry, ATOM, "summary")).isEqualTo("<p>Summary 1</p>");
        assertThat(Dom.child(entry, ATOM, "content").getAttribute("type")).isEqualTo("html");
        assertThat(Dom.text(entry, ATOM, "content")).isEqualTo("<p>Content 1</p>");
    }

    @Test
    void storedHtmlIsSanitisedAgainstItsBaseWhenRendered() {
        Element entry = entries(render(entry(1)
                .summary("<p style=\"position:fixed\">Hi <a href=\"javascript:steal()\">x</a><style>p{}</style></p>")
                .content("<object data=\"x.swf\"></object><a href=\"/next\">next</a>")
                .htmlBase("https://blog1.example.com/posts/1").build())).get(0);

        assertThat(Dom.text(entry, ATOM, "summary")).isEqualTo("<p>Hi <a>x</a></p>");
        assertThat(Dom.text(entry, ATOM, "content")).isEqualTo("<a href=\"https://blog1.example.com/next\">next</a>");
    }

    @Test
    void everyEntryNamesItsSource() {
        Element source = Dom.child(entries(render(entry(1).build())).get(0), ATOM, "source");

        assertThat(Dom.text(source, ATOM, "id")).isEqualTo("https://blog1.example.com/feed.xml");
        assertThat(Dom.text(source, ATOM, "title")).isEqualTo("Blog 1");
        assertThat(link(source, "alternate")).isEqualTo("https://blog1.example.com/");
        assertThat(link(source, "self")).isEqualTo("https://blog1.example.com/feed.xml");
        assertThat(Dom.text(source, ATOM, "updated")).isEqualTo("2024-03-01T11:01:00Z");
    }

    @Test
    void withoutItsOwnLinkOrAuthorAnEntryBorrowsTheSourceFeeds() {
        Element entry = entries(render(entry(1).link(null).author(null).build())).get(0);

        assertThat(link(entry, "alternate")).isEqualTo("https://blog1.example.com/");
        assertThat(Dom.text(Dom.child(entry, ATOM, "author"), ATOM, "name")).isEqualTo("Blog 1");
        assertThat(Dom.text(entry, ATOM, "updated")).isEqualTo("2024-03-01T11:00:00Z");
    }

    @Test
    void withNoLinkAnywhereAnEntryStillHasContent() {
        MergedEntry entry = entry(1).link(null).feed(1, "https://f.example/rss", "F", null).content(null).build();

        Element rendered = entries(render(entry)).get(0);

        assertThat(Dom.children(rendered, ATOM, "link")).isEmpty();
        assertThat(Dom.child(rendered, ATOM, "content").getTextContent()).isEmpty();
        assertThat(Dom.text(rendered, ATOM, "summary")).isEqualTo("<p>Summary 1</p>");
    }

    static Stream<Arguments> publicIds() {
        return Stream.of(
                Arguments.of("https://blog.example.com/p/1", "https://blog.example.com/p/1"),
                Arguments.of("tag:example.com,2024:post-1", "tag:example.com,2024:post-1"),
                Arguments.of("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"),
                Arguments.of("https://例え.jp/記事", "https://例え.jp/記事"),
                Arguments.of("12345", "urn:feedmerge:id:12345"),
                Arguments.of("post 1 of <many>", "urn:feedmerge:id:post%201%20of%20%3Cmany%3E"),
                Arguments.of("https://x.example/a b", "urn:feedmerge:id:https%3A%2F%2Fx.example%2Fa%20b"),
                Arguments.of("/relative/path", "urn:feedmerge:id:%2Frelative%2Fpath"),
                Arguments.of("ID-é", "urn:feedmerge:id:ID-%C3%A9"));
    }

    @ParameterizedTest
    @MethodSource("publicIds")
    void entryIdIsThePublicIdWhenAnAbsoluteIriElseADerivedUrn(String publicId, String expected) throws Exception {
        String id = Dom.text(entries(render(entry(1).publicId(publicId).build())).get(0), ATOM, "id");

        assertThat(id).isEqualTo(expected);
        assertThat(new URI(id).isAbsolute()).isTrue();
    }

    @Test
    void idsStayUniqueAndValidWhenPublicIdsRepeat() throws Exception {
        byte[] xml = render(
                entry(5).publicId("https://a.example/1").build(),
                entry(4).publicId("https://a.example/1").build(),
                entry(3).publicId("https://a.example/1#2").build(),
                entry(2).publicId("not a uri").build(),
                entry(1).publicId("not a uri").build(),
                entry(0).publicId("urn:feedmerge:id:not%20a%20uri").build());

        List<String> ids = entries(xml).stream().map(entry -> Dom.text(entry, ATOM, "id")).toList();
        assertThat(ids).hasSize(6).doesNotHaveDuplicates().startsWith("https://a.example/1", "https://a.example/1#2");
        for (String id : ids) {
            assertThat(new URI(id).isAbsolute()).as(id).isTrue();
        }
    }

    @Test
    void markupInTextStaysText() {
        byte[] xml = render(entry(1).title("Fish & <Chips>").build());

        assertThat(Dom.text(entries(xml).get(0), ATOM, "title")).isEqualTo("Fish & <Chips>");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("Fish &amp; &lt;Chips&gt;");
    }

    @Test
    void charactersXmlForbidsAreStripped() {
        MergedEntry entry = entry(1).title("T\u0001i\uFFFFt\uDBFFle").content("<b>\u0000x</b>").publicId("id\u0002 1").build();

        Element rendered = entries(render(entry)).get(0);

        assertThat(Dom.text(rendered, ATOM, "title")).isEqualTo("Title");
        assertThat(Dom.text(rendered, ATOM, "content")).isEqualTo("<b>x</b>");
        assertThat(Dom.text(rendered, ATOM, "id")).isEqualTo("urn:feedmerge:id:id%201");
    }

    @Test
    void missingTitleFallsBackToLinkThenPlaceholder() {
        assertThat(Dom.text(entries(render(entry(1).title(null).build())).get(0), ATOM, "title"))
                .isEqualTo("https://blog1.example.com/posts/1");
        assertThat(Dom.text(entries(render(entry(1).title("").link(null).build())).get(0), ATOM, "title"))
                .isEqualTo("(untitled)");
    }

    @Test
    void allDatesAreRfc3339() {
        byte[] xml = render(entry(2).updated(T0.plusMillis(86_400_123)).build(), entry(1).build());

        Element feed = feed(xml);
        assertThat(Dom.text(feed, ATOM, "updated")).matches(RFC_3339);
        for (Element entry : entries(xml)) {
            assertThat(Dom.text(entry, ATOM, "published")).matches(RFC_3339);
            assertThat(Dom.text(entry, ATOM, "updated")).matches(RFC_3339);
            assertThat(Dom.text(Dom.child(entry, ATOM, "source"), ATOM, "updated")).matches(RFC_3339);
        }
    }

    @Test
    void emptyFeedIsValidAndDatedByTheFallback() throws Exception {
        byte[] xml = render();

        assertThat(RssFeedWriterTest.rome(xml).getEntries()).isEmpty();
        assertThat(Dom.text(feed(xml), ATOM, "updated")).isEqualTo("2024-01-02T03:04:05Z");
    }

    @Test
    void sameEntriesGiveIdenticalBytes() {
        List<MergedEntry> entries = List.of(entry(2).build(), entry(1).publicId("x y").build());

        assertThat(writer.write(FeedSnapshot.of(entries, EMPTY_FEED_TIME)))
                .isEqualTo(writer.write(FeedSnapshot.of(entries, EMPTY_FEED_TIME.plusSeconds(1))));
    }

    @Test
    void otherSourcesOfTheStoryAreViaLinksAndAnAlsoInLine() {
        Element entry = Dom.child(feed(render(entry(1).otherSources(
                new StorySource("Wire", "https://wire.test/feed", "https://wire.test/", "https://wire.test/s/1")).build())),
                Dom.ATOM, "entry");

        assertThat(Dom.children(entry, Dom.ATOM, "link")).anySatisfy(link -> {
            assertThat(link.getAttribute("rel")).isEqualTo("via");
            assertThat(link.getAttribute("href")).isEqualTo("https://wire.test/s/1");
            assertThat(link.getAttribute("title")).isEqualTo("Wire");
        });
        String alsoIn = "<p>Also in: <a href=\"https://wire.test/s/1\">Wire</a></p>";
        assertThat(Dom.text(entry, Dom.ATOM, "summary")).isEqualTo("<p>Summary 1</p>\n" + alsoIn);
        assertThat(Dom.text(entry, Dom.ATOM, "content")).isEqualTo("<p>Content 1</p>\n" + alsoIn);
    }

    private byte[] render(MergedEntry... entries) {
        return writer.write(FeedSnapshot.of(Arrays.asList(entries), EMPTY_FEED_TIME));
    }

    private static Element feed(byte[] xml) {
        Element feed = Dom.parse(xml);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        return feed;
    }

    private static List<Element> entries(byte[] xml) {
        return Dom.children(feed(xml), ATOM, "entry");
    }

    /** The href of the only link with that rel. */
    private static String link(Element parent, String rel) {
        List<String> hrefs = Dom.children(parent, ATOM, "link").stream()
                .filter(link -> link.getAttribute("rel").equals(rel)).map(link -> link.getAttribute("href")).toList();
        assertThat(hrefs).hasSize(1);
        return hrefs.get(0);
    }
}
