package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedmerge.store.Documents.identified;
import static org.feedmerge.store.Documents.item;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit runs its pieces without a savepoint each ({@link Database}): what happens when a piece,
 * or the commit, fails. Written by a review of that change.
 */
class GroupCommitFailureTest {

    private static final String TEXT = "<p>The city council voted on Tuesday to close the old harbour bridge for two"
            + " years of repairs, after engineers found cracks in three of its steel supports during a routine"
            + " inspection last month.</p><p>Ferries will run every ten minutes while the work goes on.</p>";

    @TempDir
    Path dir;

    /** A write that is alone in its group and fails needs no second run: the rollback undid only it. */
    @Test
    void aFailingWriteAloneInItsGroupRunsOnce() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            database.write("first", connection -> null);
            AtomicInteger runs = new AtomicInteger();
            assertThatThrownBy(() -> database.write("failing write", connection -> {
                runs.incrementAndGet();
                throw new SQLException("boom");
            })).isInstanceOf(StoreException.class).hasMessage("failing write: boom");
            assertThat(runs).as("runs of a lone failing write").hasValue(1);
            assertThat(database.anchorBuffer().isRecovered()).isTrue();
        }
    }

    /** A failing piece does not make the next attempt re-index what this process has buffered. */
    @Test
    void aFailedGroupDoesNotReindexTheBuffer() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            FeedStore feeds = new FeedStore(database);
            long a = feeds.register(URI.create("https://a.test/feed"), "a").id();
            feeds.recordPoll(a, Polls.ok(T0), identified(item("a-1", "https://a.test/bridge", "Harbour bridge", TEXT,
                    at(-60))));
            assertThat(database.anchorBuffer().rows()).isPositive();
            long generation = database.anchorBuffer().generation();
            assertThatThrownBy(() -> database.write("failing", connection -> {
                throw new SQLException("boom");
            })).isInstanceOf(StoreException.class);
            assertThat(count(database, "SELECT count(*) FROM story_anchors")).as("not re-indexed").isZero();
            assertThat(database.anchorBuffer().generation()).isEqualTo(generation);
            assertThat(database.anchorBuffer().isRecovered()).isTrue();
        }
    }

    /** The first write of a process fails: its recovery was rolled back, and a later write recovers. */
    @Test
    void whenTheFirstWriteOfAProcessFailsTheRetryStillRecoversTheLeftovers() {
        Path file = dir.resolve("db.sqlite");
        Database stopped = Database.open(file);
        try {
            FeedStore feeds = new FeedStore(stopped);
            long a = feeds.register(URI.create("https://a.test/feed"), "a").id();
            feeds.recordPoll(a, Polls.ok(T0), identified(item("a-1", "https://a.test/bridge", "Harbour bridge", TEXT,
                    at(-60))));
            try (Database next = Database.open(file)) {
                assertThat(next.anchorBuffer().isRecovered()).isFalse();
                assertThatThrownBy(() -> next.write("failing", connection -> {
                    throw new SQLException("boom");
                })).isInstanceOf(StoreException.class);
                assertThat(count(next, "SELECT count(*) FROM story_anchors")).as("buffered, not indexed").isZero();
                assertThat(next.anchorBuffer().rows()).as("recovered by the retry").isPositive();
                assertThat(next.anchorBuffer().isRecovered()).isTrue();
            }
        } finally {
            stopped.close();
        }
    }

    /** COMMIT failing in the first attempt (deferred FK) is not retried: nothing is committed, all fail. */
    @Test
    void aFailingCommitIsNotRetried() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            database.write("schema", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
                    statement.execute("CREATE TABLE child (parent INTEGER REFERENCES parent (id))");
                }
                return null;
            });
            AtomicInteger runs = new AtomicInteger();
            assertThatThrownBy(() -> database.write("deferred", connection -> {
                runs.incrementAndGet();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA defer_foreign_keys = ON");
                    statement.executeUpdate("INSERT INTO feeds (url) VALUES ('https://a.test/feed')");
                    statement.executeUpdate("INSERT INTO child VALUES (5)");
                }
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("rolled back");
            assertThat(runs).hasValue(1);
            assertThat(count(database, "SELECT count(*) FROM feeds")).isZero();
            assertThat(count(database, "SELECT count(*) FROM child")).isZero();
            int after = database.write("after", connection -> 1);
            assertThat(after).isEqualTo(1);
        }
    }

    private static long count(Database database, String sql) {
        return database.write("count", connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
