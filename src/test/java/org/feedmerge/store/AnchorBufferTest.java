package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedmerge.store.Documents.identified;
import static org.feedmerge.store.Documents.item;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedmerge.config.RetentionConfig;
import org.feedmerge.dedup.StoryFingerprint;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New entries' anchors wait in the writer's buffer and reach story_anchors in batches: a copy is
 * found wherever its original's anchors are, a rolled back write leaves nothing buffered, and
 * anchors a process left buffered (closed or killed) are buffered again by the next one.
 */
class AnchorBufferTest {

    private static final String WEATHER = "<p>Sunny all week with light winds from the west and no rain expected"
            + " until Sunday evening, forecasters said, as temperatures climb to the high twenties.</p>";
    private static final String TEXT = "<p>The city council voted on Tuesday to close the old harbour bridge for two"
            + " years of repairs, after engineers found cracks in three of its steel supports during a routine"
            + " inspection last month.</p><p>Ferries will run every ten minutes while the work goes on.</p>";

    @TempDir
    Path dir;

    @Test
    void aCopyIsFoundWhileTheOriginalsAnchorsAreBufferedAndAfterTheyWereFlushed() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            long a = feed(feeds, "a");
            long b = feed(feeds, "b");
            long c = feed(feeds, "c");
            poll(feeds, a, T0, "a-1", "https://a.test/bridge", at(-60));
            assertThat(buffered(database)).as("buffered").isPositive();
            assertThat(rows(database, "story_anchors")).isZero();
            poll(feeds, b, at(1), "b-1", "https://b.test/other-url", at(-50));
            assertThat(new EntryStore(database).newest(10)).as("matched through the buffer").hasSize(1);

            database.write("flush", connection -> {
                database.anchorBuffer().flush(connection);
                return null;
            });
            assertThat(buffered(database)).isZero();
            assertThat(rows(database, "story_anchors")).as("moved").isPositive();
            poll(feeds, c, at(2), "c-1", "https://c.test/yet-another-url", at(-40));
            assertThat(new EntryStore(database).newest(10)).as("matched through the index").hasSize(1)
                    .first().satisfies(story -> assertThat(story.otherSources()).hasSize(2));
        }
    }

    @Test
    void closingLeavesTheBufferWhichTheNextProcessBuffersAgainAndAFlushIndexes() {
        Path file = dir.resolve("feedmerge.db");
        long anchors;
        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database);
            poll(feeds, feed(feeds, "a"), T0, "a-1", "https://a.test/bridge", at(-60));
            anchors = buffered(database);
        }
        try (Database database = Database.open(file)) {
            assertThat(anchors).isPositive();
            assertThat(committed(database, "SELECT count(*) FROM story_anchors")).as("not moved at close").isZero();
            assertThat(committed(database, "SELECT indexed_through FROM anchor_index")).isZero();
            assertThat(buffered(database)).as("buffered again by the first write").isEqualTo(anchors);
            assertThat(rows(database, "story_anchors")).isZero();

            database.write("flush", connection -> {
                database.anchorBuffer().flush(connection);
                return null;
            });
            assertThat(rows(database, "story_anchors")).isEqualTo(anchors);
            assertThat(longValue(database, "SELECT indexed_through FROM anchor_index"))
                    .isEqualTo(longValue(database, "SELECT max(id) FROM entries"));
        }
    }

    @Test
    void anchorsAProcessLeftBufferedAreBufferedAgainByTheNextProcessesFirstWriteNotByOpening() {
        Path file = dir.resolve("feedmerge.db");
        Database stopped = Database.open(file);
        try {
            FeedStore feeds = new FeedStore(stopped);
            poll(feeds, feed(feeds, "a"), T0, "a-1", "https://a.test/bridge", at(-60));
            feed(feeds, "b");
            // This process never closes (as if killed): another one opens the same file.
            try (Database next = Database.open(file)) {
                assertThat(next.anchorBuffer().rows()).as("opening reads nothing").isZero();
                FeedStore nextFeeds = new FeedStore(next);
                long b = nextFeeds.register(URI.create("https://b.test/feed"), "b").id();
                assertThat(next.anchorBuffer().rows()).as("buffered again by the first write").isPositive();
                assertThat(committed(next, "SELECT count(*) FROM story_anchors")).as("not indexed").isZero();
                poll(nextFeeds, b, at(1), "b-1", "https://b.test/other-url", at(-50));
                assertThat(new EntryStore(next).newest(10)).as("the copy found in the buffer").hasSize(1);
            }
        } finally {
            stopped.close();
        }
    }

    /**
     * As cron runs it: each process adds an entry and closes. A small buffer is left to the next
     * process, which reads it back and adds to it; closing moves it once it is a quarter full.
     */
    @Test
    void oneShotProcessesLeaveASmallBufferToTheNextAndMoveItAtCloseOnceItIsAQuarterFull() {
        Path file = dir.resolve("feedmerge.db");
        int flushRows = 40; // moved at close from 10 rows on
        long perEntry = 0;
        List<Long> indexedAfterClose = new ArrayList<>();
        for (int process = 0; process < 4; process++) {
            try (Database database = Database.open(file, flushRows)) {
                FeedStore feeds = new FeedStore(database);
                poll(feeds, feed(feeds, "f" + process), at(process), "p-" + process,
                        "https://f" + process + ".test/story", at(-60 + process));
                perEntry = process == 0 ? buffered(database) : perEntry;
            }
            try (Database reader = Database.open(file, flushRows)) {
                indexedAfterClose.add(committed(reader, "SELECT count(*) FROM story_anchors"));
            }
        }

        assertThat(perEntry).as("one entry's rows stay, two entries' move").isBetween(5L, 9L);
        assertThat(indexedAfterClose).containsExactly(0L, 2 * perEntry, 2 * perEntry, 4 * perEntry);
    }

    /**
     * A COMMIT reported as failed whose changes became durable: the newest entry was deleted and its
     * id reused by another. The buffer, undone to before that transaction, names the old entry under
     * the reused id; recovery must read the buffer back from the database.
     */
    @Test
    void afterACommitThatFailedButWasDurableTheBufferHoldsWhatTheDatabaseHolds() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            long a = feed(feeds, "a");
            long b = feed(feeds, "b");
            long c = feed(feeds, "c");
            poll(feeds, a, T0, "a-1", "https://a.test/bridge", at(-60));
            assertThatThrownBy(() -> database.write("delete the bridge, store the weather in its id", connection -> {
                long bridge = newestId(connection);
                Retention.delete(connection, database.anchorBuffer(), List.of(bridge), at(1));
                try (EntryWriter writer = new EntryWriter(connection, database.anchorBuffer(), b,
                        "https://b.test/feed", at(1), StoryRules.DEFAULT, Map.of())) {
                    writer.write(identified(item("b-1", "https://b.test/weather", "Weather", WEATHER, at(-10))));
                }
                assertThat(newestId(connection)).as("the id is reused").isEqualTo(bridge);
                commitThenFail(connection);
                return null;
            })).isInstanceOf(Error.class);

            poll(feeds, c, at(2), "c-1", "https://c.test/bridge-copy", at(-40));
            feeds.recordPoll(c, Polls.ok(at(3)), identified(item("c-2", "https://c.test/weather-copy", "Weather",
                    WEATHER, at(-9))));
            List<MergedEntry> stories = new EntryStore(database).newest(10);
            assertThat(stories).as("the bridge copy alone; the weather copy with the weather").hasSize(2);
            assertThat(stories).filteredOn(story -> story.title().equals("Weather")).singleElement()
                    .satisfies(story -> assertThat(story.otherSources()).hasSize(1));
        }
    }

    /** A lookup made before a COMMIT that failed but was durable did not see that COMMIT's links. */
    @Test
    void afterACommitThatFailedButWasDurableEarlierLookupsAreDoneAgain() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            long a = feed(feeds, "a");
            long b = feed(feeds, "b");
            List<NewEntry> copy = identified(item("b-1", "https://news.test/2026/bridge", "Weather", WEATHER,
                    at(-50)));
            StoryLookup early = new StoryLookup(StoryGrouper.of(copy.get(0)), at(-50).toEpochMilli(),
                    database.anchorBuffer().generation(), Set.of());
            assertThatThrownBy(() -> database.write("store the original, then fail", connection -> {
                try (EntryWriter writer = new EntryWriter(connection, database.anchorBuffer(), a,
                        "https://a.test/feed", T0, StoryRules.DEFAULT, Map.of())) {
                    writer.write(identified(item("a-1", "https://news.test/2026/bridge", "Harbour bridge to close",
                            TEXT, at(-60))));
                }
                commitThenFail(connection);
                return null;
            })).isInstanceOf(Error.class);

            database.write("store the copy, with what was looked up before", connection -> {
                try (EntryWriter writer = new EntryWriter(connection, database.anchorBuffer(), b,
                        "https://b.test/feed", at(1), StoryRules.DEFAULT, Map.of(copy.get(0), early))) {
                    return writer.write(copy);
                }
            });
            assertThat(new EntryStore(database).newest(10)).as("one canonical link, one story").hasSize(1);
        }
    }

    /** Commits, then fails as a COMMIT whose changes became durable would be reported. */
    private static void commitThenFail(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMIT");
        }
        throw new Error("simulated: the COMMIT failed after its changes became durable");
    }

    private static long newestId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT max(id) FROM entries")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static byte[] anchorsOf(Connection connection, long entryId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT anchors FROM entries WHERE id = ?")) {
            query.setLong(1, entryId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    /** An entry read back into the buffer, then edited: the index ends up with its new anchors only. */
    @Test
    void aRecoveredEntryThatIsEditedIsIndexedWithItsNewAnchorsOnly() {
        Path file = dir.resolve("feedmerge.db");
        try (Database first = Database.open(file)) {
            FeedStore feeds = new FeedStore(first);
            poll(feeds, feed(feeds, "a"), T0, "a-1", "https://a.test/bridge", at(-60));
        }
        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database);
            long a = feed(feeds, "a"); // the first write: reads the buffer back
            long entry = committed(database, "SELECT max(id) FROM entries");
            byte[] before = database.write("anchors", connection -> anchorsOf(connection, entry));
            feeds.recordPoll(a, Polls.ok(at(1)), identified(item("a-1", "https://a.test/bridge",
                    "Harbour bridge to close", WEATHER, at(-60)))); // rewritten: none of its anchors stay
            database.write("flush", connection -> {
                database.anchorBuffer().flush(connection);
                return null;
            });
            byte[] after = database.write("anchors", connection -> anchorsOf(connection, entry));

            assertThat(decoded(before)).as("the edit changed every anchor").doesNotContainAnyElementsOf(decoded(after));
            assertThat(indexedAnchorsOf(database, entry)).containsExactlyInAnyOrderElementsOf(decoded(after));
        }
    }

    private static List<Integer> decoded(byte[] storedAnchors) {
        return Arrays.stream(StoryFingerprint.fromBytes(storedAnchors)).boxed().toList();
    }

    private static List<Integer> indexedAnchorsOf(Database database, long entryId) {
        return database.write("indexed anchors", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT anchor FROM story_anchors WHERE entry_id = ?")) {
                query.setLong(1, entryId);
                return RowMapper.list(query, row -> row.getInt(1));
            }
        });
    }

    /** A COMMIT that fails may have become durable: the next write recovers again, but nothing twice. */
    @Test
    void recoveryAfterAFailedCommitBuffersNoEntryTwice() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            database.write("schema", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
                    statement.execute("CREATE TABLE child (parent INTEGER REFERENCES parent (id))");
                }
                return null;
            });
            FeedStore feeds = new FeedStore(database);
            poll(feeds, feed(feeds, "a"), T0, "a-1", "https://a.test/bridge", at(-60));
            long anchors = buffered(database);
            assertThatThrownBy(() -> database.write("orphan", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA defer_foreign_keys = ON");
                    statement.executeUpdate("INSERT INTO child VALUES (5)");
                }
                return null;
            })).isInstanceOf(StoreException.class);
            assertThat(database.anchorBuffer().isRecovered()).as("recovery is due again").isFalse();

            assertThat(buffered(database)).as("recovered again, nothing twice").isEqualTo(anchors).isPositive();
            int entries = database.write("count", connection -> database.anchorBuffer().entries());
            assertThat(entries).isEqualTo(1);
        }
    }

    @Test
    void deletingTheNewestEntryLowersTheMarkSoAReusedIdIsBufferedAgainByTheNextProcess() {
        Path file = dir.resolve("feedmerge.db");
        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database);
            poll(feeds, feed(feeds, "a"), T0, "a-1", "https://a.test/bridge", at(-60));
            database.write("flush", connection -> {
                database.anchorBuffer().flush(connection);
                return null;
            });
            long newest = committed(database, "SELECT max(id) FROM entries");
            assertThat(committed(database, "SELECT indexed_through FROM anchor_index")).isEqualTo(newest);
            new Retention(database, new RetentionConfig(Duration.ofDays(1), 500, Duration.ofDays(365)))
                    .runOnce(T0.plus(Duration.ofDays(3)));
            assertThat(committed(database, "SELECT count(*) FROM entries")).as("retention deleted it").isZero();
            assertThat(committed(database, "SELECT indexed_through FROM anchor_index")).isLessThan(newest);
        }
    }

    @Test
    void aRolledBackPollLeavesNothingBufferedThatCouldMatchAnEntryReusingItsId() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            long a = feed(feeds, "a");
            long b = feed(feeds, "b");
            long c = feed(feeds, "c");
            assertThatThrownBy(() -> database.write("fails after storing", connection -> {
                try (EntryWriter writer = new EntryWriter(connection, database.anchorBuffer(), a,
                        "https://a.test/feed", T0, StoryRules.DEFAULT, Map.of())) {
                    writer.write(identified(item("a-1", "https://a.test/bridge", "Harbour bridge to close", TEXT,
                            at(-60))));
                }
                throw new SQLException("disk on fire");
            })).hasMessageContaining("disk on fire");
            assertThat(buffered(database)).as("undone with its savepoint").isZero();

            // Takes the rolled back entry's id: a stale buffer would now say this entry has its text.
            feeds.recordPoll(b, Polls.ok(at(1)), identified(item("b-1", "https://b.test/weather", "Weather", WEATHER,
                    at(-10))));
            poll(feeds, c, at(2), "c-1", "https://c.test/bridge-copy", at(-40));
            assertThat(new EntryStore(database).newest(10)).as("the copy matches nothing").hasSize(2);
        }
    }

    @Test
    void aFlushRolledBackWithItsWorkLeavesTheRowsBuffered() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            poll(feeds, feed(feeds, "a"), T0, "a-1", "https://a.test/bridge", at(-60));
            long before = buffered(database);
            assertThatThrownBy(() -> database.write("flush, then fail", connection -> {
                database.anchorBuffer().flush(connection);
                throw new SQLException("after the flush");
            })).hasMessageContaining("after the flush");
            assertThat(buffered(database)).isEqualTo(before).isPositive();
            assertThat(rows(database, "story_anchors")).isZero();
            long c = feed(feeds, "c");
            poll(feeds, c, at(2), "c-1", "https://c.test/yet-another-url", at(-40));
            assertThat(new EntryStore(database).newest(10)).as("still found in the buffer").hasSize(1);
        }
    }

    @Test
    void aLookupMadeBeforeTheIndexChangedIsNotTrustedUnderTheWriteLock() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            poll(feeds, feed(feeds, "a"), T0, "a-1", "https://a.test/bridge", at(-60));
            long b = feed(feeds, "b");
            long before = database.anchorBuffer().generation();
            database.write("flush", connection -> {
                database.anchorBuffer().flush(connection);
                return null;
            });
            List<NewEntry> copy = identified(item("b-1", "https://b.test/other-url", "Harbour bridge to close", TEXT,
                    at(-50)));
            StoryLookup stale = new StoryLookup(StoryGrouper.of(copy.get(0)), at(-50).toEpochMilli(), before, Set.of());
            database.write("store the copy", connection -> {
                try (EntryWriter writer = new EntryWriter(connection, database.anchorBuffer(), b,
                        "https://b.test/feed", at(1), StoryRules.DEFAULT, Map.of(copy.get(0), stale))) {
                    return writer.write(copy);
                }
            });
            assertThat(new EntryStore(database).newest(10)).as("found in the index after all").hasSize(1);
        }
    }

    @Test
    void undoingADeleteAfterAnUndoneIdReuseKeepsTheDeletedEntryFindableSoItsNextDeleteClearsIt() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            long a = feed(feeds, "a");
            long b = feed(feeds, "b");
            long c = feed(feeds, "c");
            poll(feeds, a, T0, "a-1", "https://a.test/bridge", at(-60));
            // As a retention piece and a poll piece of one group that rolls back as a whole: entry 1
            // is deleted, another entry takes its id, then everything is undone.
            assertThatThrownBy(() -> database.write("delete, reuse the id, fail", connection -> {
                Retention.delete(connection, database.anchorBuffer(), List.of(1L), at(1));
                try (EntryWriter writer = new EntryWriter(connection, database.anchorBuffer(), b,
                        "https://b.test/feed", at(1), StoryRules.DEFAULT, Map.of())) {
                    writer.write(identified(item("b-0", "https://b.test/w0", "Weather", WEATHER, at(-10))));
                }
                throw new SQLException("rolled back");
            })).hasMessageContaining("rolled back");

            // Retention deletes entry 1 for real; an unrelated story takes id 1; a copy of the bridge arrives.
            Instant later = T0.plus(Duration.ofDays(3));
            new Retention(database, new RetentionConfig(Duration.ofDays(1), 500, Duration.ofDays(365))).runOnce(later);
            feeds.recordPoll(b, Polls.ok(later), identified(item("b-1", "https://b.test/weather", "Weather", WEATHER,
                    later.minusSeconds(60))));
            poll(feeds, c, later, "c-1", "https://c.test/bridge-copy", at(-40));
            assertThat(new EntryStore(database).newest(10)).as("weather and the bridge stay two stories").hasSize(2);
        }
    }

    @Test
    void entriesWithALinkButNoAnchorsAreMovedOutToo() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"), 10)) {
            FeedStore feeds = new FeedStore(database);
            long a = feed(feeds, "a");
            for (int poll = 0; poll < 30; poll++) {
                List<ParsedEntry> document = new ArrayList<>();
                for (int n = 0; n < 10; n++) {
                    document.add(item("a-" + poll + "-" + n, "https://a.test/item/" + poll + "/" + n, "Item", "Comments",
                            at(-poll)));
                }
                feeds.recordPoll(a, Polls.ok(at(poll)), identified(document));
            }
            long rows = buffered(database);
            int entries = database.write("count", connection -> database.anchorBuffer().entries());
            assertThat(rows).as("no anchors: too little text").isZero();
            assertThat(entries).as("bounded by the threshold, not by what was stored").isLessThanOrEqualTo(10);
        }
    }

    /** Anchor rows in the writer's buffer. */
    private static long buffered(Database database) {
        return database.write("count", connection -> database.anchorBuffer().rows());
    }

    /** A figure of the committed database, as any reader sees it. */
    private static long committed(Database database, String sql) {
        return database.read("read", connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static long feed(FeedStore feeds, String name) {
        return feeds.register(URI.create("https://" + name + ".test/feed"), name).id();
    }

    private static void poll(FeedStore feeds, long feedId, Instant at, String guid, String link, Instant published) {
        feeds.recordPoll(feedId, Polls.ok(at), identified(item(guid, link, "Harbour bridge to close", TEXT, published)));
    }

    /** Rows of a table as the write connection sees it (the buffer is the write connection's own). */
    private static long rows(Database database, String table) {
        return longValue(database, "SELECT count(*) FROM " + table);
    }

    private static long longValue(Database database, String sql) {
        return database.write("count", connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
