package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
    void everyFewDozenCommitsAreCopiedIntoTheDatabaseFileBesideTheWriter() throws Exception {
        Path file = dir.resolve("db.sqlite");
        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database);
            long before = Files.size(file);
            for (int i = 1; i < Checkpointer.COMMITS_PER_CHECKPOINT; i++) {
                feeds.register(URI.create("https://a.test/feed/" + i), null);
            }
            assertThat(database.checkpointsDone()).isZero();
            assertThat(Files.size(file)).as("all of it still in the WAL").isEqualTo(before);

            feeds.register(URI.create("https://a.test/feed/last"), null);

            awaitCheckpoints(database, 1);
            assertThat(database.checkpointsDone()).isEqualTo(1);
            // The writer's own checkpoint waits for 16,384 pages: these few were copied beside it.
            assertThat(Files.size(file)).isGreaterThan(before);
            assertThat(feeds.all()).hasSize(Checkpointer.COMMITS_PER_CHECKPOINT);
        }
    }

    @Test
    void noBackgroundCheckpointRunsDuringMaintenance() throws Exception {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            FeedStore feeds = new FeedStore(database);
            database.maintain("test", connection -> {
                for (int i = 0; i < Checkpointer.COMMITS_PER_CHECKPOINT; i++) {
                    feeds.register(URI.create("https://a.test/feed/" + i), null); // nested: commits at once
                }
                try {
                    Thread.sleep(300); // time enough for the checkpoint thread, were it free to run
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertThat(database.checkpointsDone()).as("waiting for maintenance").isZero();
                return null;
            });

            awaitCheckpoints(database, 1);
            assertThat(database.checkpointsDone()).as("it ran after").isEqualTo(1);
        }
    }

    private static void awaitCheckpoints(Database database, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (database.checkpointsDone() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void closingStopsTheCheckpointThread() {
        long before = checkpointThreads();
        Database database = Database.open(dir.resolve("db.sqlite"));
        assertThat(checkpointThreads()).isEqualTo(before + 1);

        database.close();

        assertThat(checkpointThreads()).isEqualTo(before);
    }

    private static long checkpointThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("feedmerge-checkpoint")).count();
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
    void aReadConnectionKeepsItsStatementsPreparedAndSeesEachCommit() {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            database.write("setup", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE t (v INTEGER)");
                }
                return null;
            });
            Set<PreparedStatement> prepared = new HashSet<>();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                database.write("insert", connection -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (1)")) {
                        return insert.executeUpdate();
                    }
                });
                database.read("count", connection -> {
                    try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM t");
                            ResultSet row = count.executeQuery()) {
                        prepared.add(count.unwrap(PreparedStatement.class));
                        row.next();
                        return counts.add(row.getLong(1));
                    }
                });
            }
            assertThat(counts).as("each read sees the commit before it").containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(prepared).as("prepared once per read connection").hasSizeLessThanOrEqualTo(2);
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

    @Test
    void writesQueuedMeanwhileShareOneTransactionAndAFailureUndoesOnlyItsOwnWork() throws Exception {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            CountDownLatch firstIsRunning = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            AtomicReference<Thread> ranFailing = new AtomicReference<>();
            AtomicReference<Thread> ranSecond = new AtomicReference<>();
            ExecutorService callers = Executors.newFixedThreadPool(3);
            try {
                Future<Integer> first = callers.submit(() -> database.write("first", connection -> {
                    firstIsRunning.countDown();
                    await(releaseFirst);
                    return insertFeed(connection, "https://a.test/first");
                }));
                await(firstIsRunning);
                Future<Integer> failing = callers.submit(() -> database.write("failing write", connection -> {
                    ranFailing.set(Thread.currentThread());
                    insertFeed(connection, "https://a.test/undone");
                    throw new java.sql.SQLException("boom");
                }));
                Future<Integer> second = callers.submit(() -> database.write("second", connection -> {
                    ranSecond.set(Thread.currentThread());
                    return insertFeed(connection, "https://a.test/second");
                }));
                waitUntilTwoCallersWait(database);
                releaseFirst.countDown();

                assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
                assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                        .cause().hasMessage("failing write: boom");
                assertThat(ranSecond.get()).as("both queued writes run by the one thread that committed them")
                        .isSameAs(ranFailing.get());
            } finally {
                callers.shutdownNow();
            }
            assertThat(new FeedStore(database).all()).extracting(feed -> feed.url().toString())
                    .containsExactlyInAnyOrder("https://a.test/first", "https://a.test/second");
        }
    }

    /**
     * A group runs without a savepoint per piece (each piece once); only when a piece fails is the
     * group rolled back and run again, each piece in a savepoint, so the others still commit.
     */
    @Test
    void aGroupRunsEachWriteOnceUnlessOneFailsThenTheRestRunAgainAndCommit() throws Exception {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            AtomicInteger quietRuns = new AtomicInteger();
            runGroup(database, "https://a.test/quiet", quietRuns, false);
            assertThat(quietRuns).as("a group without failures runs its work once").hasValue(1);

            AtomicInteger bystanderRuns = new AtomicInteger();
            runGroup(database, "https://a.test/bystander", bystanderRuns, true);
            assertThat(bystanderRuns).as("run again, in a savepoint, after another piece failed").hasValue(2);
            assertThat(new FeedStore(database).all()).extracting(feed -> feed.url().toString())
                    .contains("https://a.test/quiet", "https://a.test/bystander").doesNotContain("https://a.test/undone");
        }
    }

    /** Queues, behind a write that holds the lock, a counted write and (if asked) a failing one. */
    private static void runGroup(Database database, String url, AtomicInteger runs, boolean withFailure)
            throws Exception {
        CountDownLatch firstIsRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> first = callers.submit(() -> database.write("first", connection -> {
                firstIsRunning.countDown();
                await(releaseFirst);
                return 0;
            }));
            await(firstIsRunning);
            Future<Integer> counted = callers.submit(() -> database.write("counted", connection -> {
                runs.incrementAndGet();
                return insertFeed(connection, url);
            }));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (database.queuedWrites() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(1); // queued first, so it runs before the failing piece fails
            }
            Future<Integer> failing = callers.submit(() -> database.write("failing", connection -> {
                if (withFailure) {
                    insertFeed(connection, "https://a.test/undone");
                    throw new java.sql.SQLException("boom");
                }
                return 0;
            }));
            waitUntilTwoCallersWait(database);
            releaseFirst.countDown();

            first.get(10, TimeUnit.SECONDS);
            assertThat(counted.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            if (withFailure) {
                assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
            } else {
                failing.get(10, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anErrorInOneQueuedWriteRollsBackItsGroupAndReachesOnlyItsOwnCaller() throws Exception {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            CountDownLatch firstIsRunning = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            ExecutorService callers = Executors.newFixedThreadPool(3);
            try {
                Future<Integer> first = callers.submit(() -> database.write("first", connection -> {
                    firstIsRunning.countDown();
                    await(releaseFirst);
                    return insertFeed(connection, "https://a.test/first");
                }));
                await(firstIsRunning);
                Future<Integer> broken = callers.submit(() -> database.write("broken", connection -> {
                    insertFeed(connection, "https://a.test/broken");
                    throw new AssertionError("bug");
                }));
                Future<Integer> bystander = callers.submit(() -> database.write("bystander", connection ->
                        insertFeed(connection, "https://a.test/bystander")));
                waitUntilTwoCallersWait(database);
                releaseFirst.countDown();

                assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
                assertThatThrownBy(() -> broken.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AssertionError.class);
                assertThatThrownBy(() -> bystander.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                        .cause().hasMessageStartingWith("bystander: rolled back with the other writes");
            } finally {
                callers.shutdownNow();
            }
            assertThat(new FeedStore(database).all()).extracting(feed -> feed.url().toString())
                    .containsExactly("https://a.test/first");
            int inserted = database.write("after", connection -> insertFeed(connection, "https://a.test/after"));
            assertThat(inserted).as("the writer still works").isEqualTo(1);
        }
    }

    private static int insertFeed(java.sql.Connection connection, String url) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO feeds (url) VALUES (?)")) {
            insert.setString(1, url);
            return insert.executeUpdate();
        }
    }

    private static void await(CountDownLatch latch) throws java.sql.SQLException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new java.sql.SQLException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.sql.SQLException(e);
        }
    }

    /** Both later callers have queued their work and wait for the write lock (bounded wait). */
    private static void waitUntilTwoCallersWait(Database database) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (database.queuedWrites() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(database.queuedWrites()).isEqualTo(2);
    }
}
