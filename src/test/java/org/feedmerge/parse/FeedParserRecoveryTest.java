package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken documents a lenient reader accepts are read, one quirk per fixture. */
class FeedParserRecoveryTest {

    static Stream<Arguments> feedTitles() {
        return Stream.of(
                arguments("rss-needs-healing.xml", "Needs healing & more"),
                arguments("junk-php-warning-before-declaration.xml", "After a PHP warning"),
                arguments("junk-double-bom-and-blank-lines.xml", "Two BOMs and blank lines"),
                arguments("junk-text-between-prolog-and-root.xml", "Text junk before root"),
                arguments("html-entities-undeclared.xml", "Entities — HTML5 … → é≂̸"),
                arguments("bare-ampersands-and-less-than.xml", "Fish & Chips & 5 < 6"),
                arguments("illegal-control-characters.xml", "Control chars stripped"),
                arguments("c1-controls-as-windows-1252.xml", "C1 don’t and “refs”"),
                arguments("undeclared-namespace-prefixes.xml", "Undeclared prefixes"),
                arguments("mismatched-tags.xml", "Mismatched tags"),
                arguments("rss-without-channel.xml", null),
                arguments("rss-userland-namespace.xml", "Userland namespace"),
                arguments("atom-without-namespace.xml", "No Atom namespace"),
                arguments("atom-0.3-base64-title.xml", "Base64 titles"),
                arguments("xhtml-doctype-before-rss-root.xml", "found"),
                arguments("rss-publisher-hints-garbage.xml", "Garbage hints"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void feedTitles(String fixture, String title) throws Exception {
        assertThat(Fixtures.parse(fixture).title()).isEqualTo(title);
    }

    @Test
    void htmlEntitiesDecodeOnceAndCdataIsLeftAlone() throws Exception {
        ParsedFeed feed = Fixtures.parse("html-entities-undeclared.xml");

        assertThat(feed.description()).isEqualTo("Tom & Jerry © &unknownentity; é é A");
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("“Quoted” ‘title’");
            assertThat(entry.safeSummary()).isEqualTo("CDATA keeps &nbsp; as written");
        });
    }

    @Test
    void bareAmpersandsInLinksAreKept() throws Exception {
        ParsedFeed feed = Fixtures.parse("bare-ampersands-and-less-than.xml");

        assertThat(feed.link()).isEqualTo(URI.create("https://amp.example/?a=1&b=2"));
        assertThat(feed.description()).isEqualTo("AT&T; R&D &#; &");
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Q&A");
            assertThat(entry.link()).isEqualTo(URI.create("https://amp.example/item?id=1&x=2&y=3"));
        });
    }

    @Test
    void controlCharactersAreRemovedEverywhere() throws Exception {
        ParsedFeed feed = Fixtures.parse("illegal-control-characters.xml");

        assertThat(feed.description()).isEqualTo("Refs too");
        assertThat(feed.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.title()).isEqualTo("Bell in item");
            assertThat(entry.safeSummary()).isEqualTo("In CDATA too");
        });
    }

    @Test
    void undeclaredWellKnownPrefixesGetTheirNamespace() throws Exception {
        ParsedEntry entry = Fixtures.parse("undeclared-namespace-prefixes.xml").entries().get(0);

        assertThat(entry.title()).isEqualTo("Episode");
        assertThat(entry.author()).as("dc:creator read as Dublin Core").isEqualTo("Dee Creator");
    }

    @Test
    void endTagWithoutItsBracketIsNotTruncation() throws Exception {
        byte[] body = "<rss><channel><item><link>https://x.example/?a=1&b=2</link></item></channel></rss"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(new FeedParser().parse(body, null, null).entries()).extracting(ParsedEntry::link)
                .containsExactly(URI.create("https://x.example/?a=1&b=2"));
    }

    @Test
    void mismatchedTagsKeepEveryItem() throws Exception {
        assertThat(Fixtures.parse("mismatched-tags.xml").entries()).extracting(ParsedEntry::guid)
                .containsExactly("m-1", "m-2");
    }

    @Test
    void rssWithoutChannelKeepsItsItems() throws Exception {
        assertThat(Fixtures.parse("rss-without-channel.xml").entries()).extracting(ParsedEntry::guid)
                .containsExactly("wc-1");
    }

    @Test
    void namespacedRssIsRead() throws Exception {
        ParsedFeed feed = Fixtures.parse("rss-userland-namespace.xml");

        assertThat(feed.description()).isEqualTo("Example description");
        assertThat(feed.entries()).extracting(ParsedEntry::guid).containsExactly("u-1");
    }

    @Test
    void atomWithoutNamespaceIsAtom() throws Exception {
        assertThat(Fixtures.parse("atom-without-namespace.xml").entries()).singleElement().satisfies(entry -> {
            assertThat(entry.guid()).isEqualTo("right");
            assertThat(entry.link()).isEqualTo(URI.create("https://nons.example/1"));
        });
    }

    @Test
    void atom03Base64TitleIsDecoded() throws Exception {
        assertThat(Fixtures.parse("atom-0.3-base64-title.xml").entries()).extracting(ParsedEntry::title)
                .containsExactly("Example <b>Atom</b>");
    }
}
