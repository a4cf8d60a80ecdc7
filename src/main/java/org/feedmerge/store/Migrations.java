package org.feedmerge.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema's history. Append-only: a released migration is never edited, a change is a new
 * number. Each migration runs in its own transaction together with the {@code PRAGMA user_version}
 * bump, so a crash leaves the database at a whole version.
 */
final class Migrations {

    private record Migration(int version, List<String> statements) {
    }

    /** Times are epoch milliseconds. {@code entries.published} is the effective (clamped) date. */
    private static final Migration V1_FEEDS_AND_ENTRIES = new Migration(1, List.of("""
            CREATE TABLE feeds (
                id                   INTEGER PRIMARY KEY,
                url                  TEXT    NOT NULL UNIQUE,
                configured_title     TEXT,
                source_title         TEXT,
                source_link          TEXT,
                etag                 TEXT,
                last_modified        TEXT,
                last_status          TEXT,
                last_http_status     INTEGER NOT NULL DEFAULT 0,
                last_error           TEXT,
                consecutive_failures INTEGER NOT NULL DEFAULT 0,
                last_checked         INTEGER,
                last_success         INTEGER,
                next_poll            INTEGER
            )""", """
            CREATE TABLE entries (
                id           INTEGER PRIMARY KEY,
                feed_id      INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
                entry_key    TEXT    NOT NULL CHECK (entry_key <> ''),
                public_id    TEXT    NOT NULL UNIQUE CHECK (public_id <> ''),
                guid         TEXT,
                link         TEXT,
                title        TEXT,
                summary      TEXT,
                content      TEXT,
                author       TEXT,
                published    INTEGER NOT NULL,
                updated_at   INTEGER,
                first_seen   INTEGER NOT NULL,
                content_hash TEXT    NOT NULL CHECK (content_hash <> ''),
                UNIQUE (feed_id, entry_key)
            )""", """
            CREATE INDEX entries_newest ON entries (published DESC, first_seen DESC, id DESC)
            """));

    /**
     * Polite polling: why the next poll is when it is, where a permanently redirected feed lives now
     * (the configured URL stays in {@code url}), retirement after 410 Gone, the publisher's polling
     * hints kept across 304s, and a fingerprint of the config entry (editing it forgets retirement
     * and moves).
     */
    private static final Migration V2_FEED_POLITENESS = new Migration(2, List.of(
            "ALTER TABLE feeds ADD COLUMN next_poll_rule TEXT",
            "ALTER TABLE feeds ADD COLUMN current_url TEXT",
            "ALTER TABLE feeds ADD COLUMN moved_at INTEGER",
            "ALTER TABLE feeds ADD COLUMN redirect_target TEXT",
            "ALTER TABLE feeds ADD COLUMN redirect_streak INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE feeds ADD COLUMN retired_at INTEGER",
            "ALTER TABLE feeds ADD COLUMN publisher_hints TEXT",
            "ALTER TABLE feeds ADD COLUMN config_fingerprint TEXT"));

    /**
     * Stories (the same story from several feeds, shown once), the text fingerprints and the anchor
     * index that finds them, tombstones of deleted entries, and each feed's key scheme. Entries that
     * exist already become one story each; they have no fingerprint, so only entries stored from
     * now on are grouped (docs/dedup.md).
     */
    private static final Migration V3_STORIES_TOMBSTONES_KEY_SCHEMES = new Migration(3, List.of("""
            ALTER TABLE feeds ADD COLUMN original INTEGER NOT NULL DEFAULT 0
            """, """
            ALTER TABLE feeds ADD COLUMN position INTEGER
            """, """
            CREATE TABLE stories (
                id         INTEGER PRIMARY KEY,
                public_id  TEXT    NOT NULL UNIQUE CHECK (public_id <> ''),
                sort_time  INTEGER NOT NULL,
                first_seen INTEGER NOT NULL
            )""", """
            CREATE INDEX stories_newest ON stories (sort_time DESC, first_seen DESC, id DESC)
            """, """
            ALTER TABLE entries ADD COLUMN story_id INTEGER REFERENCES stories (id)
            """, """
            ALTER TABLE entries ADD COLUMN canonical_url TEXT
            """, """
            ALTER TABLE entries ADD COLUMN shingles BLOB
            """, """
            ALTER TABLE entries ADD COLUMN anchors BLOB
            """, """
            CREATE INDEX entries_story ON entries (story_id)
            """, """
            CREATE INDEX entries_canonical_url ON entries (canonical_url) WHERE canonical_url IS NOT NULL
            """, """
            CREATE INDEX entries_feed_newest ON entries (feed_id, published DESC, first_seen DESC, id DESC)
            """, """
            CREATE TABLE story_anchors (
                anchor    INTEGER NOT NULL,
                entry_id  INTEGER NOT NULL,
                feed_id   INTEGER NOT NULL,
                published INTEGER NOT NULL,
                PRIMARY KEY (anchor, entry_id)
            ) WITHOUT ROWID""", """
            CREATE TABLE tombstones (
                feed_id       INTEGER NOT NULL,
                entry_key     TEXT    NOT NULL,
                canonical_url TEXT,
                content_hash  TEXT,
                deleted_at    INTEGER NOT NULL,
                PRIMARY KEY (feed_id, entry_key)
            )""", """
            CREATE INDEX tombstones_canonical_url ON tombstones (canonical_url) WHERE canonical_url IS NOT NULL
            """, """
            CREATE INDEX tombstones_deleted_at ON tombstones (deleted_at)
            """, """
            CREATE TABLE feed_key_schemes (
                feed_id           INTEGER PRIMARY KEY REFERENCES feeds (id) ON DELETE CASCADE,
                scheme            TEXT    NOT NULL,
                reason            TEXT,
                decided_at        INTEGER,
                guid_change_polls INTEGER NOT NULL DEFAULT 0
            )""", """
            INSERT INTO stories (id, public_id, sort_time, first_seen)
            SELECT id, public_id, published, first_seen FROM entries
            """, """
            UPDATE entries SET story_id = id
            """));

    /** Feeds the config no longer lists stay stored (status, tombstones) but leave the merged feed. */
    private static final Migration V4_FEED_SUBSCRIBED = new Migration(4, List.of(
            "ALTER TABLE feeds ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 1"));

    /**
     * New entries' anchors are buffered in memory and indexed in batches ({@link AnchorBuffer});
     * this one-row table says up to which entry id they all are in story_anchors. Entries stored
     * before this version were indexed one by one, so all of them are.
     */
    private static final Migration V5_ANCHOR_INDEX_MARK = new Migration(5, List.of("""
            CREATE TABLE anchor_index (indexed_through INTEGER NOT NULL)""", """
            INSERT INTO anchor_index (indexed_through) SELECT coalesce(max(id), 0) FROM entries"""));

    /**
     * What verifying a dedup candidate reads (title and shingles), in a narrow table of its own:
     * in {@code entries} the shingles come after the content, so reading them followed the row's
     * overflow pages, several per candidate, and poll threads read thousands of candidates.
     * {@code entries.shingles} is no longer written.
     */
    private static final Migration V6_ENTRY_PRINTS = new Migration(6, List.of("""
            CREATE TABLE entry_prints (
                entry_id INTEGER PRIMARY KEY,
                title    TEXT,
                shingles BLOB NOT NULL
            )""", """
            INSERT INTO entry_prints (entry_id, title, shingles)
            SELECT id, title, shingles FROM entries WHERE shingles IS NOT NULL""", """
            UPDATE entries SET shingles = NULL WHERE shingles IS NOT NULL"""));

    /**
     * Nothing reads entries in date order across feeds any more (the merged feed walks
     * stories_newest; retention looks for old entries feed by feed, in entries_feed_newest), so
     * entries_newest only cost every insert a page write in a date-ordered index.
     */
    private static final Migration V7_NO_ENTRIES_NEWEST = new Migration(7, List.of(
            "DROP INDEX IF EXISTS entries_newest"));

    /**
     * Entries keep their HTML as the feed gave it, and the merged feed sanitises what it shows; the
     * base relative URLs in it resolve against is kept with it. Rows written before hold sanitised
     * HTML with absolute URLs and no base, which sanitising again leaves with the same text and
     * links (see {@code HtmlSanitizer.clean} for the nestings it splits).
     */
    private static final Migration V8_ENTRY_HTML_BASE = new Migration(8, List.of(
            "ALTER TABLE entries ADD COLUMN html_base TEXT"));

    private static final List<Migration> ALL = List.of(V1_FEEDS_AND_ENTRIES, V2_FEED_POLITENESS,
            V3_STORIES_TOMBSTONES_KEY_SCHEMES, V4_FEED_SUBSCRIBED, V5_ANCHOR_INDEX_MARK, V6_ENTRY_PRINTS,
            V7_NO_ENTRIES_NEWEST, V8_ENTRY_HTML_BASE);

    private Migrations() {
    }

    /** The version a fully migrated database reports. */
    static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    /** Brings the database up to {@link #latestVersion()}; a no-op when it is already there. */
    static void apply(Connection connection) throws SQLException {
        applyUpTo(connection, latestVersion());
    }

    /** Brings the database up to {@code version} (tests build databases of older versions with it). */
    static void applyUpTo(Connection connection, int version) throws SQLException {
        int current = userVersion(connection);
        if (current > latestVersion()) {
            throw new SQLException("database schema version " + current
                    + " is newer than this feedmerge understands (" + latestVersion() + ")");
        }
        for (Migration migration : ALL) {
            if (migration.version() > current && migration.version() <= version) {
                applyOne(connection, migration);
            }
        }
    }

    private static void applyOne(Connection connection, Migration migration) throws SQLException {
        Transaction.run(connection, c -> {
            // Re-read inside the (IMMEDIATE) transaction: another process may have migrated meanwhile.
            if (userVersion(c) < migration.version()) {
                try (Statement statement = c.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + migration.version());
                }
            }
            return null;
        });
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}
