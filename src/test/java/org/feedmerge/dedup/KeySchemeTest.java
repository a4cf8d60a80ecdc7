package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeySchemeTest {

    private static final Instant DAY_1 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2024-05-02T10:00:00Z");

    private static ParsedEntry entry(String guid, String link, String title, Instant published) {
        return new ParsedEntry(guid, link == null ? null : URI.create(link), title, null, null, null, published, null);
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("good guids", List.of(entry("1", "https://x.test/1", "A", DAY_1),
                        entry("2", "https://x.test/2", "B", DAY_1)), KeyScheme.GUID),
                Arguments.of("one blank guid", List.of(entry("1", "https://x.test/1", "A", DAY_1),
                        entry(" ", "https://x.test/2", "B", DAY_1)), KeyScheme.LINK),
                Arguments.of("no guids", List.of(entry(null, "https://x.test/1", "A", DAY_1),
                        entry(null, "https://x.test/2", "B", DAY_1)), KeyScheme.LINK),
                Arguments.of("one guid for all", List.of(entry("https://x.test/", "https://x.test/1", "A", DAY_1),
                        entry("https://x.test/", "https://x.test/2", "B", DAY_1)), KeyScheme.LINK),
                Arguments.of("one link for all", List.of(entry(null, "https://x.test/", "A", DAY_1),
                        entry(null, "https://x.test/", "B", DAY_2)), KeyScheme.LINK_DATE),
                Arguments.of("one link, no dates", List.of(entry(null, "https://x.test/", "A", null),
                        entry(null, "https://x.test/", "B", null)), KeyScheme.CONTENT),
                Arguments.of("nothing but text", List.of(entry(null, null, "A", null), entry(null, null, "B", null)),
                        KeyScheme.CONTENT),
                Arguments.of("empty", List.of(), KeyScheme.GUID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void theMostSpecificUsableSchemeIsChosen(String what, List<ParsedEntry> document, KeyScheme expected) {
        List<EntryKeys> keys = new EntryIdentity().identify(document).stream().map(IdentifiedEntry::keys).toList();
        assertThat(KeyScheme.firstUsable(keys)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyEntryHasADistinctKeyUnderEveryScheme(String what, List<ParsedEntry> document, KeyScheme ignored) {
        List<IdentifiedEntry> identified = new EntryIdentity().identify(document);
        for (KeyScheme scheme : KeyScheme.values()) {
            assertThat(identified).extracting(e -> e.keys().forScheme(scheme)).doesNotHaveDuplicates().doesNotContainNull();
        }
    }
}
