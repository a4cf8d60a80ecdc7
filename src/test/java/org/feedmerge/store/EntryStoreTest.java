package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;
import static org.feedmerge.store.Polls.entry;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryStoreTest {

    @TempDir
    Path dir;

    private Database database;
    private FeedStore feeds;
    private EntryStore entries;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("feedmerge.db"));
        feeds = new FeedStore(database);
        entries = new EntryStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void newestOrdersAcrossFeedsByEffectiveDateThenFirstSeenThenId() {
        long a = feeds.register(URI.create("https://a.test/feed"), "A").id();
        long b = feeds.register(URI.create("https://b.test/feed"), null).id();
        feeds.recordPoll(a, Polls.ok(T0), List.of(
                entry("a-old", "a-old", T0.minus(Duration.ofDays(2))),
                entry("a-mid", "a-mid", T0.minus(Duration.ofHours(5)))));
        feeds.recordPoll(b, Polls.ok(at(10)), List.of(
                entry("b-future", "b-future", T0.plus(Duration.ofDays(30))),
                entry("b-new", "b-new", T0.minus(Duration.ofHours(1)))));
        feeds.recordPoll(a, Polls.ok(at(20)), List.of(entry("a-undated", "a-undated", null)));

        assertThat(entries.newest(10)).extracting(MergedEntry::title)
                .containsExactly("a-undated", "b-future", "b-new", "a-mid", "a-old");
        assertThat(entries.newest(2)).extracting(MergedEntry::title).containsExactly("a-undated", "b-future");
        assertThat(entries.newest(0)).isEmpty();
        assertThatThrownBy(() -> entries.newest(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void undatedEntriesOfOnePollKeepDocumentOrder() {
        long a = feeds.register(URI.create("https://a.test/feed"), "A").id();
        feeds.recordPoll(a, Polls.ok(T0), List.of(entry("3", "third", null), entry("2", "second", null),
                entry("1", "first", null)));

        assertThat(entries.newest(10)).extracting(MergedEntry::title).containsExactly("third", "second", "first");
    }

    @Test
    void equalDatesAreOrderedByFirstSeen() {
        long a = feeds.register(URI.create("https://a.test/feed"), "A").id();
        feeds.recordPoll(a, Polls.ok(at(30)), List.of(entry("later", "seen later", T0)));
        long b = feeds.register(URI.create("https://b.test/feed"), "B").id();
        feeds.recordPoll(b, Polls.ok(at(10)), List.of(entry("earlier", "seen earlier", T0)));

        assertThat(entries.newest(10)).extracting(MergedEntry::title).containsExactly("seen later", "seen earlier");
    }

    @Test
    void entriesCarryTheirFeedsDisplayTitleAndLink() {
        long configured = feeds.register(URI.create("https://a.test/feed"), "Configured").id();
        long own = feeds.register(URI.create("https://b.test/feed"), "  ").id();
        long bare = feeds.register(URI.create("https://c.test/feed"), null).id();
        feeds.recordPoll(configured, Polls.ok(T0), List.of(entry("1", "from configured", at(-3))));
        feeds.recordPoll(own, Polls.ok(T0), List.of(entry("2", "from own", at(-2))));
        feeds.recordPoll(bare, Polls.failed(T0, PollStatus.HTTP_ERROR, 500, "HTTP 500"),
                List.of(entry("3", "from bare", at(-1))));

        List<MergedEntry> newest = entries.newest(10);
        assertThat(newest).extracting(MergedEntry::feedTitle)
                .containsExactly("https://c.test/feed", "Source title", "Configured");
        assertThat(newest).extracting(MergedEntry::feedLink).containsExactly(null, "https://site.test/", "https://site.test/");
        assertThat(newest).extracting(MergedEntry::feedUrl)
                .containsExactly("https://c.test/feed", "https://b.test/feed", "https://a.test/feed");
        assertThat(newest.get(2).feedId()).isEqualTo(configured);
        assertThat(newest.get(2)).satisfies(e -> {
            assertThat(e.guid()).isEqualTo("1");
            assertThat(e.link()).isEqualTo("https://site.test/1");
            assertThat(e.summary()).isEqualTo("<p>from configured</p>");
            assertThat(e.author()).isEqualTo("author");
            assertThat(e.published()).isEqualTo(at(-3));
            assertThat(e.firstSeen()).isEqualTo(T0);
        });
    }

    @Test
    void countsPerFeedAndInTotal() {
        long a = feeds.register(URI.create("https://a.test/feed"), "A").id();
        long b = feeds.register(URI.create("https://b.test/feed"), "B").id();
        feeds.recordPoll(a, Polls.ok(T0), List.of(entry("1", "1", T0), entry("2", "2", T0)));
        feeds.recordPoll(b, Polls.ok(T0), List.of(entry("1", "1", T0)));

        assertThat(entries.countForFeed(a)).isEqualTo(2);
        assertThat(entries.countForFeed(b)).isEqualTo(1);
        assertThat(entries.countForFeed(b + 1)).isZero();
        assertThat(entries.count()).isEqualTo(3);
    }

    @Test
    void newestWalksTheIndexInsteadOfSorting() {
        List<String> plan = database.read("explain", connection -> {
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + EntryStore.NEWEST)) {
                explain.setInt(1, 50);
                List<String> details = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        details.add(rows.getString("detail"));
                    }
                }
                return details;
            }
        });

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("USING INDEX stories_newest"));
        assertThat(plan).anySatisfy(step -> assertThat(step).contains("USING INDEX entries_story"));
        assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }
}
