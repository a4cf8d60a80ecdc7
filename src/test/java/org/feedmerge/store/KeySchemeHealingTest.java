package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Documents.identified;
import static org.feedmerge.store.Documents.item;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.feedmerge.dedup.KeyScheme;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed's identity heals itself: unusable guids fall back to links, id changes never re-add items. */
class KeySchemeHealingTest {

    private static final int ITEMS = 5;

    @TempDir
    Path dir;

    private Database database;
    private FeedStore feeds;
    private EntryStore entries;
    private long feedId;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("feedmerge.db"));
        feeds = new FeedStore(database);
        entries = new EntryStore(database);
        feedId = feeds.register(URI.create("https://site.test/feed"), "Site").id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** ITEMS items with stable links, titles and dates; guids from the given function. */
    private static List<ParsedEntry> document(IntFunction<String> guid) {
        List<ParsedEntry> document = new ArrayList<>();
        for (int i = ITEMS; i >= 1; i--) {
            document.add(item(guid.apply(i), "https://site.test/post/" + i, "Post " + i, "<p>Body " + i + "</p>",
                    T0.minusSeconds(3600L * i)));
        }
        return document;
    }

    private StoreCounts poll(Instant at, List<ParsedEntry> document) {
        return feeds.recordPoll(feedId, Polls.ok(at), identified(document));
    }

    private List<String> publicIds() {
        return entries.newest(100).stream().map(MergedEntry::publicId).toList();
    }

    @Test
    void guidsThatChangeOnEveryFetchAreAbandonedForLinksWithoutReaddingAnything() {
        poll(T0, document(i -> "session-1-" + i));
        List<String> ids = publicIds();

        assertThat(poll(at(30), document(i -> "session-2-" + i))).isEqualTo(new StoreCounts(0, 0, ITEMS));
        assertThat(entries.keySchemes()).as("one change may be a one-off").isEmpty();
        assertThat(poll(at(60), document(i -> "session-3-" + i))).isEqualTo(new StoreCounts(0, 0, ITEMS));
        assertThat(poll(at(90), document(i -> "session-4-" + i))).isEqualTo(new StoreCounts(0, 0, ITEMS));

        assertThat(entries.keySchemes()).singleElement().satisfies(scheme -> {
            assertThat(scheme.feedId()).isEqualTo(feedId);
            assertThat(scheme.scheme()).isEqualTo(KeyScheme.LINK);
            assertThat(scheme.reason()).contains("guid changed");
            assertThat(scheme.decidedAt()).isEqualTo(at(60));
        });
        assertThat(publicIds()).isEqualTo(ids);
        assertThat(entries.count()).isEqualTo(ITEMS);
    }

    @Test
    void aWholesaleChangeOfIdSchemeInOnePollDoesNotRepublishTheBacklog() {
        poll(T0, document(i -> "https://site.test/?p=" + i));
        List<String> ids = publicIds();

        StoreCounts changed = poll(at(30), document(i -> "tag:site.test,2024:post-" + i));
        List<ParsedEntry> withNewItem = new ArrayList<>(document(i -> "tag:site.test,2024:post-" + i));
        withNewItem.add(0, item("tag:site.test,2024:post-6", "https://site.test/post/6", "Post 6", "<p>Body 6</p>", T0));
        StoreCounts next = poll(at(60), withNewItem);

        assertThat(changed).isEqualTo(new StoreCounts(0, 0, ITEMS));
        assertThat(next).isEqualTo(new StoreCounts(1, 0, ITEMS));
        assertThat(entries.keySchemes()).as("guids are stable again").isEmpty();
        assertThat(publicIds()).hasSize(ITEMS + 1).containsAll(ids);
    }

    @Test
    void blankGuidsMoveTheFeedToLinksAndTheDecisionIsKept() {
        List<ParsedEntry> document = document(i -> i % 2 == 0 ? "  " : "id-" + i);
        assertThat(poll(T0, document).added()).isEqualTo(ITEMS);
        assertThat(poll(at(30), document)).isEqualTo(new StoreCounts(0, 0, ITEMS));

        assertThat(entries.keySchemes()).singleElement().satisfies(scheme -> {
            assertThat(scheme.scheme()).isEqualTo(KeyScheme.LINK);
            assertThat(scheme.reason()).isEqualTo("guid missing or blank on some items");
            assertThat(scheme.decidedAt()).isEqualTo(T0);
        });
    }

    @Test
    void aGuidRepeatedAcrossItemsMovesTheFeedToLinksAfterItsItemsWereStoredUnderGuids() {
        poll(T0, document(i -> "id-" + i));
        StoreCounts counts = poll(at(30), document(i -> "https://site.test/"));

        assertThat(counts).isEqualTo(new StoreCounts(0, 0, ITEMS));
        assertThat(entries.keySchemes()).singleElement().extracting(FeedKeyScheme::reason)
                .isEqualTo("guid repeated across different items");
    }

    @Test
    void aFeedThatReusesOneLinkIsKeyedByLinkAndDate() {
        List<ParsedEntry> digests = new ArrayList<>();
        for (int day = 3; day >= 1; day--) {
            digests.add(item(null, "https://site.test/digest", "Daily digest", "<p>Digest of day " + day + "</p>",
                    T0.minusSeconds(86_400L * day)));
        }
        assertThat(poll(T0, digests).added()).isEqualTo(3);
        digests.set(0, item(null, "https://site.test/digest", "Daily digest", "<p>Digest of day 3, corrected</p>",
                T0.minusSeconds(86_400L * 3)));

        assertThat(poll(at(30), digests)).isEqualTo(new StoreCounts(0, 1, 2));
        assertThat(entries.keySchemes()).singleElement().extracting(FeedKeyScheme::scheme).isEqualTo(KeyScheme.LINK_DATE);
    }

    @Test
    void trackingParametersMarkupAndABumpedUpdatedDateAreNotEdits() {
        poll(T0, List.of(item("g", "https://site.test/post/1", "Post", "<p>Body text</p>", T0)));
        ParsedEntry noisy = new ParsedEntry("g", URI.create("https://site.test/post/1?utm_source=rss&utm_medium=feed"),
                "Post", null, "<div>\n  Body   text\n</div>", "someone", T0, at(25));

        assertThat(poll(at(30), List.of(noisy))).isEqualTo(new StoreCounts(0, 0, 1));
        assertThat(entries.newest(1).get(0).updated()).isNull();
    }
}
