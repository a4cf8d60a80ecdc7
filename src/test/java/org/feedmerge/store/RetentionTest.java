package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Documents.identified;
import static org.feedmerge.store.Documents.item;
import static org.feedmerge.store.Polls.T0;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.feedmerge.config.RetentionConfig;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes in batches, leaves tombstones that stop resurrection, and keeps the file compact. */
class RetentionTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final RetentionConfig CONFIG = new RetentionConfig(Duration.ofDays(30), 10, Duration.ofDays(60));
    private static final String TEXT = "<p>The city council voted on Tuesday to close the old harbour bridge for two"
            + " years of repairs, after engineers found cracks in three of its steel supports.</p>";

    @TempDir
    Path dir;

    private Database database;
    private FeedStore feeds;
    private EntryStore entries;
    private Retention retention;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("feedmerge.db"));
        feeds = new FeedStore(database);
        entries = new EntryStore(database);
        retention = new Retention(database, CONFIG);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long feed(String name) {
        return feeds.register(URI.create("https://" + name + ".test/feed"), name).id();
    }

    private static ParsedEntry post(String site, int n, Instant published) {
        return item(site + "-" + n, "https://" + site + ".test/post/" + n, "Post " + n, "<p>Body " + n + "</p>", published);
    }

    @Test
    void oldEntriesAreDeletedAndAFeedStillCarryingThemCannotBringThemBack() {
        long a = feed("a");
        List<ParsedEntry> document = List.of(post("a", 2, T0), post("a", 1, T0.minus(DAY)));
        feeds.recordPoll(a, Polls.ok(T0), identified(document));
        Instant later = T0.plus(Duration.ofDays(31)).plusSeconds(3600);

        RetentionReport report = retention.runOnce(later);
        StoreCounts again = feeds.recordPoll(a, Polls.ok(later), identified(document));

        assertThat(report.expired()).isEqualTo(2);
        assertThat(report.deletedEntries()).isTrue();
        assertThat(again).isEqualTo(new StoreCounts(0, 0, 2));
        assertThat(entries.count()).isZero();
        assertThat(entries.newest(10)).isEmpty();
    }

    @Test
    void oldEntriesOfEveryFeedAreDeletedInBatchesAndRecentOnesStay() {
        Retention generous = new Retention(database, new RetentionConfig(Duration.ofDays(30), 1_000,
                Duration.ofDays(60)));
        long a = feed("a");
        long b = feed("b");
        List<ParsedEntry> old = new ArrayList<>();
        for (int n = 0; n < Retention.BATCH + 5; n++) {
            old.add(post("a", n, T0.minusSeconds(60L * n)));
        }
        feeds.recordPoll(a, Polls.ok(T0), identified(old));
        feeds.recordPoll(b, Polls.ok(T0), identified(post("b", 1, T0.minus(DAY))));
        Instant later = T0.plus(Duration.ofDays(31)).plusSeconds(3600);
        feeds.recordPoll(b, Polls.ok(later), identified(post("b", 2, later), post("b", 1, T0.minus(DAY))));

        RetentionReport report = generous.runOnce(later);

        assertThat(report.expired()).isEqualTo(Retention.BATCH + 6);
        assertThat(entries.countForFeed(a)).isZero();
        assertThat(entries.countForFeed(b)).isEqualTo(1);
    }

    @Test
    void tombstonesExpireAfterTheirTtl() {
        long a = feed("a");
        List<ParsedEntry> document = List.of(post("a", 1, T0));
        feeds.recordPoll(a, Polls.ok(T0), identified(document));
        Instant deletedAt = T0.plus(Duration.ofDays(31));
        retention.runOnce(deletedAt);
        Instant afterTtl = deletedAt.plus(Duration.ofDays(61));

        RetentionReport report = retention.runOnce(afterTtl);

        assertThat(report.tombstonesExpired()).isEqualTo(1);
        assertThat(feeds.recordPoll(a, Polls.ok(afterTtl), identified(document)).added()).isEqualTo(1);
    }

    @Test
    void eachFeedKeepsItsNewestEntriesUpToTheLimitInBatches() {
        long a = feed("a");
        long b = feed("b");
        int many = Retention.BATCH + 60;
        List<ParsedEntry> document = new ArrayList<>();
        for (int n = many; n >= 1; n--) {
            document.add(post("a", n, T0.minusSeconds(60L * (many - n))));
        }
        feeds.recordPoll(a, Polls.ok(T0), identified(document));
        feeds.recordPoll(b, Polls.ok(T0), identified(post("b", 1, T0)));

        RetentionReport report = retention.runOnce(T0.plusSeconds(60));

        assertThat(report.overLimit()).isEqualTo(many - CONFIG.maxEntriesPerFeed());
        assertThat(entries.countForFeed(a)).isEqualTo(CONFIG.maxEntriesPerFeed());
        assertThat(entries.countForFeed(b)).isEqualTo(1);
        assertThat(entries.newest(100)).extracting(MergedEntry::title).startsWith("Post 1", "Post " + many)
                .contains("Post " + (many - 9)).doesNotContain("Post " + (many - 10));
        assertThat(feeds.recordPoll(a, Polls.ok(T0.plusSeconds(120)), identified(document)).added()).isZero();
    }

    @Test
    void aStoryOutlivesOneDeletedCopyAndItsLinkCannotComeBackFromAnotherFeedOnceAllAreGone() {
        long a = feed("a");
        long b = feed("b");
        long c = feed("c");
        Instant longAgo = T0.minus(Duration.ofDays(40));
        feeds.recordPoll(a, Polls.ok(longAgo), identified(item("a-1", "https://a.test/bridge", "Bridge", TEXT, longAgo)));
        feeds.recordPoll(b, Polls.ok(T0), identified(item("b-1", "https://a.test/bridge?utm_source=b", "Bridge", TEXT,
                longAgo.plusSeconds(600))));
        String storyId = entries.newest(10).get(0).publicId();

        retention.runOnce(T0.plusSeconds(60));
        assertThat(entries.newest(10)).singleElement().satisfies(e -> {
            assertThat(e.publicId()).isEqualTo(storyId);
            assertThat(e.feedId()).isEqualTo(b);
            assertThat(e.otherSources()).isEmpty();
        });

        Instant later = T0.plus(Duration.ofDays(31));
        retention.runOnce(later);
        StoreCounts fromC = feeds.recordPoll(c, Polls.ok(later), identified(
                item("c-1", "http://www.a.test/bridge#top", "Bridge", TEXT, later.minusSeconds(60))));

        assertThat(entries.newest(10)).isEmpty();
        assertThat(fromC.added()).isZero();
    }

    @Test
    void freedPagesGoBackToTheFileSystemAndStatsShowSizeAndRows() {
        long a = feed("a");
        List<ParsedEntry> document = new ArrayList<>();
        String big = "<p>" + "lorem ipsum dolor sit amet ".repeat(400) + "</p>";
        for (int n = 1; n <= 100; n++) {
            document.add(item("a-" + n, "https://a.test/" + n, "Post " + n, big + n, T0.minus(Duration.ofDays(60))));
        }
        feeds.recordPoll(a, Polls.ok(T0.minus(Duration.ofDays(60))), identified(document));
        StoreStats before = StoreStats.read(database);

        RetentionReport report = retention.runOnce(T0.plusSeconds(60));
        StoreStats after = StoreStats.read(database);

        assertThat(before.rows()).containsEntry("entries", 100L).containsEntry("feeds", 1L).containsKeys(
                "stories", "story_anchors", "tombstones", "feed_key_schemes");
        assertThat(report.pagesFreed()).isPositive();
        assertThat(after.rows()).containsEntry("entries", 0L).containsEntry("stories", 0L)
                .containsEntry("story_anchors", 0L).containsEntry("tombstones", 100L);
        assertThat(after.databaseBytes()).isLessThan(before.databaseBytes() + before.walBytes());
        assertThat(after.freeBytes()).isZero();
    }
}
