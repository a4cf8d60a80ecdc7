package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    private static String pragma(Database database, String name) {
        return database.read("test", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                row.next();
                return row.getString(1);
            }
        });
    }

    @Test
    void openCreatesFoldersAndMigrates() {
        Path file = dir.resolve("a/b/feedmerge.db");
        try (Database database = Database.open(file)) {
            assertThat(file).exists();
            assertThat(pragma(database, "user_version")).isEqualTo(String.valueOf(Migrations.latestVersion()));
            assertThat(pragma(database, "auto_vacuum")).as("INCREMENTAL on a new file").isEqualTo("2");
        }
    }

    @Test
    void walModeBusyTimeoutAndForeignKeysAreOn() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(database, "busy_timeout"))).isPositive();
            String synchronous = database.write("test", connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("PRAGMA synchronous")) {
                    row.next();
                    return row.getString(1);
                }
            });
            assertThat(synchronous).as("NORMAL").isEqualTo("1");
        }
    }

    @Test
    void reopeningIsIdempotentAndKeepsData() {
        Path file = dir.resolve("db.sqlite");
        try (Database database = Database.open(file)) {
            new FeedStore(database).register(URI.create("https://a.test/feed"), "A");
        }
        try (Database database = Database.open(file)) {
            assertThat(pragma(database, "user_version")).isEqualTo(String.valueOf(Migrations.latestVersion()));
            assertThat(new FeedStore(database).all()).extracting(FeedRow::configuredTitle).containsExactly("A");
        }
    }

    @Test
    void refusesADatabaseFromANewerVersion() {
        Path file = dir.resolve("db.sqlite");
        try (Database database = Database.open(file)) {
            database.write("test", connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.execute("PRAGMA user_version = 99");
                }
            });
        }
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class).hasMessageContaining("newer");
    }

    @Test
    void readConnectionsCannotWrite() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            assertThatThrownBy(() -> database.read("sneaky write", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO feeds (url) VALUES ('x')")) {
                    return insert.executeUpdate();
                }
            })).isInstanceOf(StoreException.class).hasMessageStartingWith("sneaky write");
        }
    }

    @Test
    void callsAfterCloseFailWithStoreException() {
        Database database = Database.open(dir.resolve("db.sqlite"));
        FeedStore feeds = new FeedStore(database);
        EntryStore entries = new EntryStore(database);
        long feedId = feeds.register(URI.create("https://a.test/feed"), null).id();
        database.close();
        database.close();

        assertThatThrownBy(() -> feeds.register(URI.create("https://b.test/feed"), null))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> feeds.recordPoll(feedId, Polls.ok(Polls.T0), List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("feed " + feedId);
        assertThatThrownBy(feeds::all).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> entries.newest(10)).isInstanceOf(StoreException.class);
    }
}
