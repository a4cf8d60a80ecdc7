package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.feedmerge.dedup.StoryFingerprint;
import org.feedmerge.dedup.Substance;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stories and entry prints migrations on a database that already holds entries. */
class StoryMigrationTest {

    @TempDir
    Path dir;

    @Test
    void entriesOfAVersionOneDatabaseBecomeOneStoryEach() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            Migrations.applyUpTo(connection, 1);
            statement.execute("INSERT INTO feeds (id, url) VALUES (1, 'https://a.test/feed')");
            statement.execute("""
                    INSERT INTO entries (feed_id, entry_key, public_id, title, published, first_seen, content_hash)
                    VALUES (1, 'guid:1', '1', 'Old one', 1000, 2000, 'h1'), (1, 'guid:2', '2', 'Old two', 3000, 4000, 'h2')""");
        }

        try (Database database = Database.open(file)) {
            assertThat(new EntryStore(database).newest(10)).extracting(MergedEntry::publicId, MergedEntry::title)
                    .containsExactly(tuple("2", "Old two"), tuple("1", "Old one"));
            assertThat(StoreStats.read(database).rows()).containsEntry("stories", 2L);
        }
    }

    @Test
    void aVersionFiveEntrysShinglesMoveToEntryPrintsAndACopyStillFindsIt() throws Exception {
        Path file = dir.resolve("v5.db");
        String text = "<p>The city council voted on Tuesday to close the old harbour bridge for two years of repairs,"
                + " after engineers found cracks in three of its steel supports during a routine inspection.</p>";
        StoryFingerprint original = StoryFingerprint.of("Harbour bridge to close", "https://a.test/bridge", null, text);
        long published = Polls.at(-60).toEpochMilli();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            Migrations.applyUpTo(connection, 5);
            statement.execute("INSERT INTO feeds (id, url) VALUES (1, 'https://a.test/feed')");
            statement.execute("INSERT INTO stories (id, public_id, sort_time, first_seen) VALUES (1, 'a-1', "
                    + published + ", " + published + ")");
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO entries (id, feed_id, entry_key, public_id, title, content, published, first_seen,
                                         content_hash, story_id, canonical_url, shingles, anchors)
                    VALUES (1, 1, 'guid:a-1', 'a-1', 'Harbour bridge to close', ?, ?, ?, 'h1', 1, ?, ?, ?)""")) {
                insert.setString(1, text);
                insert.setLong(2, published);
                insert.setLong(3, published);
                insert.setString(4, original.canonicalUrl());
                insert.setBytes(5, original.shingleBytes());
                insert.setBytes(6, StoryFingerprint.toBytes(original.anchors()));
                insert.executeUpdate();
            }
            try (PreparedStatement index = connection.prepareStatement(StoryGrouper.ADD_ANCHOR)) {
                index.setLong(1, 1);
                index.setLong(2, 1);
                index.setLong(3, published);
                index.setString(4, StoryGrouper.anchorList(original.anchors()));
                index.executeUpdate();
            }
            statement.execute("UPDATE anchor_index SET indexed_through = 1");
        }

        try (Database database = Database.open(file)) {
            assertThat(StoreStats.read(database).rows()).containsEntry("entry_prints", 1L);
            FeedStore feeds = new FeedStore(database);
            long b = feeds.register(URI.create("https://b.test/feed"), "b").id();
            feeds.recordPoll(b, Polls.ok(Polls.at(1)), Documents.identified(Documents.item("b-1",
                    "https://b.test/elsewhere", "Harbour bridge to close", text, Polls.at(-50))));
            assertThat(new EntryStore(database).newest(10)).singleElement()
                    .satisfies(story -> assertThat(story.otherSources()).hasSize(1));
            long shinglesLeft = database.read("shingles left in entries", connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT count(*) FROM entries WHERE shingles IS NOT NULL")) {
                    row.next();
                    return row.getLong(1);
                }
            });
            assertThat(shinglesLeft).isZero();
        }
    }

    /**
     * A database of schema version 7 holds entries as the parser kept them then: HTML sanitised,
     * its hash worked out from that. After the upgrade the feed gives the same items raw: nothing is
     * an update and nothing comes back twice, even for an item without a link whose guid changed.
     */
    @Test
    void aVersionSevenDatabaseSeesTheSameItemsRawAsUnchanged() throws Exception {
        Path file = dir.resolve("v7.db");
        String rss = """
                <rss version="2.0"><channel><title>A</title><link>https://a.test/</link>
                <item><guid>1</guid><link>https://a.test/1</link><title>Prices</title>
                <description><![CDATA[<p style="margin:0"><font face="x">Red</font>19<font face="x">cards</font>
                <a href="/more" onclick="x()">more</a></p>]]></description>
                <pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>
                <item><guid isPermaLink="false">new-2</guid><title>Notice</title>
                <description><![CDATA[<div>Closed<font color="red">to</font>day<script>x()</script></div>]]></description>
                <pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>
                </channel></rss>""";
        List<ParsedEntry> raw = new FeedParser().parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                URI.create("https://a.test/feed")).entries();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            Migrations.applyUpTo(connection, 7);
            statement.execute("INSERT INTO feeds (id, url) VALUES (1, 'https://a.test/feed')");
            String[] keys = {"guid:1", "guid:old-2"}; // the second item's guid has changed since
            for (int i = 0; i < raw.size(); i++) {
                ParsedEntry entry = raw.get(i);
                String link = entry.link() == null ? null : entry.link().toString();
                String sanitised = entry.safeSummary();
                String storedHash = Substance.hash(entry.title(), link, sanitised, null);
                assertThat(storedHash).as("raw and sanitised differ in spaces")
                        .isNotEqualTo(Documents.identified(entry).get(0).contentHash());
                long published = entry.published().toEpochMilli();
                statement.execute("INSERT INTO stories (id, public_id, sort_time, first_seen) VALUES (" + (i + 1)
                        + ", 'p" + i + "', " + published + ", " + published + ")");
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO entries (feed_id, entry_key, public_id, guid, link, title, summary, published,
                                             first_seen, content_hash, story_id, canonical_url)
                        VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setString(1, keys[i]);
                    insert.setString(2, "p" + i);
                    insert.setString(3, keys[i].substring("guid:".length()));
                    insert.setString(4, link);
                    insert.setString(5, entry.title());
                    insert.setString(6, sanitised);
                    insert.setLong(7, published);
                    insert.setLong(8, published);
                    insert.setString(9, storedHash);
                    insert.setLong(10, i + 1);
                    insert.setString(11, link);
                    insert.executeUpdate();
                }
            }
        }

        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database);
            StoreCounts counts = feeds.recordPoll(1, Polls.ok(Polls.at(1)), Documents.identified(raw));

            assertThat(counts).isEqualTo(new StoreCounts(0, 0, 2));
            assertThat(new EntryStore(database).newest(10)).extracting(MergedEntry::title, MergedEntry::updated)
                    .containsExactly(tuple("Prices", null), tuple("Notice", null));
        }
    }
}
