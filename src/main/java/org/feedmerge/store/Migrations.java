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

    private static final List<Migration> ALL = List.of(V1_FEEDS_AND_ENTRIES, V2_FEED_POLITENESS);

    private Migrations() {
    }

    /** The version a fully migrated database reports. */
    static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    /** Brings the database up to {@link #latestVersion()}; a no-op when it is already there. */
    static void apply(Connection connection) throws SQLException {
        int current = userVersion(connection);
        if (current > latestVersion()) {
            throw new SQLException("database schema version " + current
                    + " is newer than this feedmerge understands (" + latestVersion() + ")");
        }
        for (Migration migration : ALL) {
            if (migration.version() > current) {
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
