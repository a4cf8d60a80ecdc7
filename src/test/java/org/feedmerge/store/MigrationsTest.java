package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    /** The schema as release 1 created it (migration 1, verbatim). */
    @Test
    void aVersionOneDatabaseGainsThePolitenessColumnsAndKeepsItsRows() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, configured_title TEXT,
                        source_title TEXT, source_link TEXT, etag TEXT, last_modified TEXT, last_status TEXT,
                        last_http_status INTEGER NOT NULL DEFAULT 0, last_error TEXT,
                        consecutive_failures INTEGER NOT NULL DEFAULT 0, last_checked INTEGER, last_success INTEGER,
                        next_poll INTEGER)""");
            statement.execute("""
                    CREATE TABLE entries (id INTEGER PRIMARY KEY,
                        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
                        entry_key TEXT NOT NULL CHECK (entry_key <> ''),
                        public_id TEXT NOT NULL UNIQUE CHECK (public_id <> ''), guid TEXT, link TEXT, title TEXT,
                        summary TEXT, content TEXT, author TEXT, published INTEGER NOT NULL, updated_at INTEGER,
                        first_seen INTEGER NOT NULL, content_hash TEXT NOT NULL CHECK (content_hash <> ''),
                        UNIQUE (feed_id, entry_key))""");
            statement.execute("CREATE INDEX entries_newest ON entries (published DESC, first_seen DESC, id DESC)");
            statement.execute("""
                    INSERT INTO feeds (url, configured_title, last_status, consecutive_failures, next_poll)
                    VALUES ('https://old.test/rss', 'Old', 'HTTP_ERROR', 3, 1700000000000)""");
            statement.execute("PRAGMA user_version = 1");
        }

        try (Database database = Database.open(file)) {
            FeedRow row = new FeedStore(database).all().get(0);

            assertThat(row.url()).isEqualTo(URI.create("https://old.test/rss"));
            assertThat(row.consecutiveFailures()).isEqualTo(3);
            assertThat(row.location()).isEqualTo(FeedLocation.ORIGINAL);
            assertThat(row.retired()).isFalse();
            assertThat(row.nextPollRule()).isNull();
        }
    }
}
