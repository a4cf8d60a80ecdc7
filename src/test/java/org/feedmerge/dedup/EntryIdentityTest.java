package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryIdentityTest {

    private final EntryIdentity identity = new EntryIdentity();

    private static ParsedEntry entry(String guid, String link, String title, String summary, String content) {
        return new ParsedEntry(guid, link == null ? null : URI.create(link), title, summary, content,
                "author", Instant.parse("2024-05-01T10:00:00Z"), null);
    }

    private IdentifiedEntry one(ParsedEntry entry) {
        List<IdentifiedEntry> result = identity.identify(List.of(entry));
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    @Test
    void keyIsGuidWhenPresent() {
        assertThat(one(entry("tag:x,2024:1", "https://x.test/1", "T", null, null)).key())
                .isEqualTo("guid:tag:x,2024:1");
    }

    @Test
    void keyIsLinkWithoutGuid() {
        assertThat(one(entry(null, "https://x.test/1", "T", null, null)).key()).isEqualTo("link:https://x.test/1");
    }

    @Test
    void blankGuidCountsAsAbsent() {
        assertThat(one(entry("  ", "https://x.test/1", "T", null, null)).key()).isEqualTo("link:https://x.test/1");
    }

    @Test
    void keyIsHashOfTextWithoutGuidOrLink() {
        String key = one(entry(null, null, "Title", "Summary", "<p>Body</p>")).key();
        assertThat(key).startsWith("hash:").hasSize("hash:".length() + 64);
        assertThat(one(entry(null, null, " Title ", "Summary", "<p>Body</p>\n")).key())
                .as("re-indenting an id-less entry keeps its key").isEqualTo(key);
        assertThat(one(entry(null, null, "Title 2", "Summary", "<p>Body</p>")).key()).isNotEqualTo(key);
    }

    static Stream<Arguments> substanceEdits() {
        return Stream.of(
                Arguments.of("title", entry("g", "https://x.test/1", "New", "S", "C")),
                Arguments.of("link", entry("g", "https://x.test/2", "T", "S", "C")),
                Arguments.of("summary", entry("g", "https://x.test/1", "T", "S2", "C")),
                Arguments.of("content", entry("g", "https://x.test/1", "T", "S", "C2")),
                Arguments.of("summary moved to content", entry("g", "https://x.test/1", "T", null, "S\nC")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("substanceEdits")
    void editOfSubstanceChangesTheHashButNotTheKey(String what, ParsedEntry edited) {
        IdentifiedEntry before = one(entry("g", "https://x.test/1", "T", "S", "C"));
        IdentifiedEntry after = one(edited);
        assertThat(after.key()).isEqualTo(before.key());
        assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
    }

    @Test
    void whitespaceOnlyEditKeepsTheHash() {
        IdentifiedEntry before = one(entry("g", "https://x.test/1", "A  title", "<p>One two</p>", "C"));
        IdentifiedEntry after = one(entry("g", "https://x.test/1", " A title\n", "<p>One\n\t two</p>  ", "C\u00a0"));
        assertThat(after.contentHash()).isEqualTo(before.contentHash());
    }

    @Test
    void authorAndDatesAreNotSubstance() {
        ParsedEntry a = entry("g", "https://x.test/1", "T", "S", "C");
        ParsedEntry b = new ParsedEntry("g", a.link(), "T", "S", "C", "someone else",
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z"));
        assertThat(one(b).contentHash()).isEqualTo(one(a).contentHash());
    }

    @Test
    void exactRepeatsAreKeptOnce() {
        ParsedEntry a = entry("g1", "https://x.test/1", "A", null, null);
        ParsedEntry b = entry("g2", "https://x.test/2", "B", null, null);
        List<IdentifiedEntry> result = identity.identify(List.of(a, b, a, entry("g1", "https://x.test/1", "A ", null, null)));
        assertThat(result).extracting(IdentifiedEntry::key).containsExactly("guid:g1", "guid:g2");
        assertThat(result.get(0).entry()).isSameAs(a);
    }

    @Test
    void differentEntriesSharingAGuidGetDistinctKeysFromTheirLinks() {
        ParsedEntry first = entry("https://x.test/", "https://x.test/1", "One", null, null);
        ParsedEntry second = entry("https://x.test/", "https://x.test/2", "Two", null, null);
        List<IdentifiedEntry> result = identity.identify(List.of(first, second));

        assertThat(result).extracting(IdentifiedEntry::entry).containsExactly(first, second);
        assertThat(result).extracting(IdentifiedEntry::key).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).matches("guid:https://x\\.test/#[0-9a-f]{16}"));
    }

    @Test
    void sharedGuidKeysDoNotDependOnDocumentOrderAndSurviveEdits() {
        ParsedEntry one = entry("same", "https://x.test/1", "One", null, null);
        ParsedEntry two = entry("same", "https://x.test/2", "Two", null, null);
        ParsedEntry twoEdited = entry("same", "https://x.test/2", "Two (fixed typo)", null, null);
        ParsedEntry three = entry("same", "https://x.test/3", "Three", null, null);

        String keyOfTwo = identity.identify(List.of(one, two)).get(1).key();
        List<IdentifiedEntry> later = identity.identify(List.of(three, twoEdited, one));

        assertThat(later.get(1).key()).isEqualTo(keyOfTwo);
        assertThat(later).extracting(IdentifiedEntry::key).doesNotHaveDuplicates();
    }

    @Test
    void sharedKeyAndSharedLinkFallBackToTheContentHash() {
        ParsedEntry a = entry("g", "https://x.test/1", "Version A", null, null);
        ParsedEntry b = entry("g", "https://x.test/1", "Version B", null, null);
        List<IdentifiedEntry> result = identity.identify(List.of(a, b));

        assertThat(result).extracting(IdentifiedEntry::key).containsExactly(
                "guid:g#" + result.get(0).contentHash().substring(0, 16),
                "guid:g#" + result.get(1).contentHash().substring(0, 16));
    }

    @Test
    void identicalInputGivesIdenticalOutput() {
        List<ParsedEntry> document = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            document.add(entry(i % 5 == 0 ? "dup" : "g" + i, i % 7 == 0 ? null : "https://x.test/" + i, "T" + i, "S", null));
        }
        assertThat(identity.identify(document)).isEqualTo(identity.identify(List.copyOf(document)));
    }

    @Test
    void everySchemeHasItsOwnKeyAndFallsBackDownTheLadder() {
        IdentifiedEntry full = one(entry("g", "https://x.test/1", "T", null, null));
        IdentifiedEntry linkOnly = one(new ParsedEntry(null, URI.create("https://x.test/1"), "T", null, null, null, null, null));

        assertThat(full.keys().natural(KeyScheme.GUID)).isEqualTo("guid:g");
        assertThat(full.keys().forScheme(KeyScheme.LINK)).isEqualTo("link:https://x.test/1");
        assertThat(full.keys().forScheme(KeyScheme.LINK_DATE)).isEqualTo("linkdate:https://x.test/1@2024-05-01T10:00:00Z");
        assertThat(full.keys().forScheme(KeyScheme.CONTENT)).startsWith("hash:");
        assertThat(linkOnly.keys().natural(KeyScheme.GUID)).isNull();
        assertThat(linkOnly.keys().forScheme(KeyScheme.GUID)).isEqualTo("link:https://x.test/1").isEqualTo(linkOnly.key());
        assertThat(linkOnly.keys().forScheme(KeyScheme.LINK_DATE)).as("no date: content").startsWith("hash:");
    }

    @Test
    void emptyDocument() {
        assertThat(identity.identify(List.of())).isEmpty();
    }

    @Test
    void carriesTheNormalisedLinkAndTextItsContentHashWasMadeOf() {
        IdentifiedEntry identified = one(entry("g1", "https://x.test/1", "Title", "<p>The&nbsp;summary.</p>",
                "<p>Some <b>text</b>\n here.</p>"));

        assertThat(identified.normalised().canonicalLink()).isEqualTo("https://x.test/1");
        assertThat(identified.normalised().summary()).isEqualTo("The summary.");
        assertThat(identified.normalised().content()).isEqualTo("Some text here.");
        assertThat(identified.contentHash()).isEqualTo(
                Substance.hash("Title", "https://x.test/1", "<p>The&nbsp;summary.</p>", "<p>Some <b>text</b>\n here.</p>"));
    }

    @Test
    void contentKeyIsTheHashOfTheWhitespaceNormalisedTitleSummaryAndContent() throws Exception {
        IdentifiedEntry identified = one(entry(null, null, " A  title", "<p>The\n summary</p>", "<p>Body</p>\t"));

        String expected = "hash:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("A title\n<p>The summary</p>\n<p>Body</p>".getBytes(StandardCharsets.UTF_8)));
        assertThat(identified.keys().natural(KeyScheme.CONTENT)).isEqualTo(expected);
        assertThat(identified.keys().forScheme(KeyScheme.CONTENT)).isEqualTo(expected);
        assertThat(identified.key()).as("no guid, no link: keyed by content").isEqualTo(expected);
    }

    @Test
    void contentSchemeKeysDoNotDependOnWhichEntryAsksFirstOrOnWhichThread() throws Exception {
        List<ParsedEntry> document = List.of(
                entry("g1", "https://x.test/1", "Same", "Same text", null),
                entry("g2", "https://x.test/2", "Same", "Same text", null),
                entry("g3", "https://x.test/3", "Other", "Other text", null));
        List<IdentifiedEntry> inOrder = identity.identify(document);
        List<IdentifiedEntry> backwards = identity.identify(document);

        String secondFirst = CompletableFuture.supplyAsync(() -> backwards.get(1).keys().forScheme(KeyScheme.CONTENT)).get();

        assertThat(backwards.get(0).keys().forScheme(KeyScheme.CONTENT))
                .isEqualTo(inOrder.get(0).keys().forScheme(KeyScheme.CONTENT));
        assertThat(secondFirst).isEqualTo(inOrder.get(1).keys().forScheme(KeyScheme.CONTENT));
        assertThat(inOrder.get(0).keys().forScheme(KeyScheme.CONTENT)).as("same text: suffixed by link")
                .isEqualTo(inOrder.get(0).keys().natural(KeyScheme.CONTENT) + "#"
                        + Substance.sha256Hex("https://x.test/1").substring(0, 16));
        assertThat(inOrder.get(2).keys().forScheme(KeyScheme.CONTENT)).isEqualTo(inOrder.get(2).keys().natural(KeyScheme.CONTENT));
        assertThat(backwards).isEqualTo(inOrder);
    }
}
