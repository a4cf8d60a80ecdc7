package org.feedmerge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database: opened once, WAL mode, busy timeout, migrations applied at open
 * ({@code PRAGMA user_version}). Thread-safe; close once at shutdown.
 *
 * <p>One write connection, used under a lock, so write transactions are serialized in the process
 * (SQLite admits one writer at a time anyway, and queueing on a Java lock is cheaper and fairer
 * than spinning on SQLITE_BUSY). Writes are group-committed: work that queues while another
 * thread's transaction runs is done by the next thread to take the lock, all of it in one
 * transaction (see {@link #write}). Reads use a small pool
 * of separate connections, each keeping its statements prepared ({@link StatementCache}): in WAL
 * mode a reader sees the last committed state and never waits for a writer, so the HTTP endpoint
 * is not held up by polls. After {@link #close()} every call fails with {@link StoreException}.
 */
public final class Database implements AutoCloseable {

    /** How long a connection waits on a lock held by another process before SQLITE_BUSY. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READERS = 2;
    /** At most this many callers' work shares one transaction, which bounds its size and latency. */
    static final int MAX_GROUP = 32;
    /**
     * Pages of WAL between automatic checkpoints (SQLite's default is 1,000, 4 MB). A checkpoint
     * copies the newest version of every page in the WAL into the database file and syncs both, so
     * the longer the stretch, the more often one page (an index leaf written by poll after poll) is
     * copied once for many commits: a cold start of 2,000 feeds writes about a third less. The WAL
     * file grows to about 64 MB under heavy ingest; {@link #WAL_SIZE_LIMIT_BYTES} trims it after.
     * Most of each checkpoint's copying and syncing is done beforehand, beside the writer, by the
     * {@link Checkpointer}; the writer's own checkpoint at this threshold copies the rest, so the WAL
     * starts over even when the writer never pauses.
     */
    private static final int WAL_CHECKPOINT_PAGES = 16_384;
    private static final long WAL_SIZE_LIMIT_BYTES = 64L * 1024 * 1024;
    /** The writer's page cache in KiB (SQLite's default is 2,000): it holds the hot index pages. */
    private static final int WRITER_CACHE_KIB = 32 * 1024;
    private static final int READER_CACHE_KIB = 16 * 1024;
    private static final int HEADER_BYTES = 100;
    private static final int USER_VERSION_OFFSET = 60;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** How long {@link #close()} waits for borrowed read connections to come back. */
    private static final long READER_RETURN_MILLIS = 1_000;

    private final Path file;
    /** Fair, so a thread whose queued work another thread committed gets its turn to return promptly. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Queue<QueuedWrite<?>> queuedWrites = new ConcurrentLinkedQueue<>();
    private final Connection writer;
    private final StatementCache writerStatements;
    private final AnchorBuffer anchorBuffer;
    private final Checkpointer checkpointer;
    private final List<Connection> readers;
    /**
     * The pool: each reader with its statements kept prepared (a poll reads its feed's row, its
     * stored keys and its copies), lent whole to one thread at a time.
     */
    private final BlockingQueue<StatementCache> idleReaders;
    private volatile boolean closed;
    /** Whether a write transaction is open on the write connection; guarded by the write lock. */
    private boolean inTransaction;

    private Database(Path file, Connection writer, AnchorBuffer anchorBuffer, Checkpointer checkpointer,
            List<Connection> readers) {
        this.file = file;
        this.checkpointer = checkpointer;
        this.writer = writer;
        this.writerStatements = new StatementCache(writer);
        this.anchorBuffer = anchorBuffer;
        this.readers = List.copyOf(readers);
        this.idleReaders = new ArrayBlockingQueue<>(readers.size(), false,
                readers.stream().map(StatementCache::new).toList());
    }

    /** Opens (creating parent folders and the file if needed) and migrates to the current schema. */
    public static Database open(Path file) {
        return open(file, AnchorBuffer.FLUSH_ROWS);
    }

    /** As {@link #open(Path)}, moving buffered anchors into the index every {@code anchorFlushRows} rows (tests). */
    static Database open(Path file, int anchorFlushRows) {
        Path absolute = file.toAbsolutePath();
        List<Connection> opened = new ArrayList<>();
        try {
            createParentFolders(absolute);
            Connection writer = connect(absolute, writerConfig());
            opened.add(writer);
            tuneWriter(writer);
            enableIncrementalVacuumIfNew(writer);
            Migrations.apply(writer);
            AnchorBuffer anchorBuffer = new AnchorBuffer(anchorFlushRows, AnchorFilter.forIndex(writer));
            List<Connection> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add(openReader(absolute));
                opened.add(readers.get(i));
            }
            Connection checkpoints = connect(absolute, checkpointerConfig());
            opened.add(checkpoints);
            Checkpointer checkpointer = new Checkpointer(checkpoints, "feedmerge-checkpoint");
            return new Database(absolute, writer, anchorBuffer, checkpointer, readers);
        } catch (SQLException | IOException e) {
            StoreException failure = new StoreException("Could not open database " + absolute + ": " + e.getMessage(), e);
            closeAll(opened, failure);
            throw failure;
        }
    }

    /**
     * The schema version of an existing database file, read without changing anything: from the
     * file's header when there is no WAL file beside it (then the file is the whole database, and
     * even a read-only SQLite connection would create {@code -wal} and {@code -shm} files), else on
     * a read-only connection ({@code feedmerge status} checks it before it opens the file).
     */
    public static int schemaVersionOf(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (!Files.exists(Path.of(absolute + "-wal"))) {
                return headerUserVersion(absolute);
            }
        } catch (IOException e) {
            throw new StoreException("Could not read the schema version of " + absolute + ": " + e, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try (Connection connection = connect(absolute, config)) {
            return Migrations.userVersion(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not read the schema version of " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * From SQLite's file header: "SQLite format 3\0", then user_version big-endian at offset 60.
     * An empty file is version 0.
     */
    private static int headerUserVersion(Path file) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, HEADER_BYTES);
        }
        if (read == 0) {
            return 0;
        }
        if (read < HEADER_BYTES || !Arrays.equals(header, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
            throw new IOException("not a SQLite database (its first bytes are not the SQLite header)");
        }
        return ByteBuffer.wrap(header, USER_VERSION_OFFSET, Integer.BYTES).getInt();
    }

    /** The schema version this code migrates every database it opens to. */
    public static int currentSchemaVersion() {
        return Migrations.latestVersion();
    }

    private static void createParentFolders(Path file) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /**
     * auto_vacuum can only be chosen before the first table exists, so only a new file gets it;
     * with INCREMENTAL, pages freed by retention go back to the file system in small steps
     * ({@code PRAGMA incremental_vacuum}) instead of a VACUUM that rewrites the whole database.
     */
    private static void enableIncrementalVacuumIfNew(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement();
                ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            if (tables.next() && tables.getInt(1) > 0) {
                return;
            }
        }
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA auto_vacuum = INCREMENTAL");
            // Opening in WAL mode has already written the header; VACUUM of an empty file applies the mode.
            statement.execute("VACUUM");
        }
    }

    private static SQLiteConfig writerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable in WAL mode except for the last commits before a power loss, and it
        // skips an fsync per commit: one poll = one commit, so this is what makes polls cheap.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        // Else the driver runs "SELECT last_insert_rowid()" after every INSERT, prepared anew each
        // time (a sixth of the writer's time in a cold poll); inserts that need their id ask for it
        // with a reused statement (Statements.lastInsertRowid).
        config.setGetGeneratedKeys(false);
        return config;
    }

    /** The background checkpoint's connection: it writes the database file, so it syncs as the writer does. */
    private static SQLiteConfig checkpointerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private static void tuneWriter(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
            statement.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
            statement.execute("PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT_BYTES);
            // In memory, not temporary files: the statement journal of a savepoint (a group run again
            // after a piece failed, or a nested write; a few MB at most: one poll's pages).
            statement.execute("PRAGMA temp_store = MEMORY");
        }
    }

    private static Connection openReader(Path file) throws SQLException {
        // journal_mode is persistent in the file (set by the writer); readers only need the rest.
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        Connection reader = connect(file, config);
        try (Statement statement = reader.createStatement()) {
            statement.execute("PRAGMA query_only = ON");
            // 16 MB, not SQLite's 2 MB: poll threads search the anchor index here before they write.
            statement.execute("PRAGMA cache_size = -" + READER_CACHE_KIB);
        }
        return reader;
    }

    private static Connection connect(Path file, SQLiteConfig config) throws SQLException {
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /**
     * Runs the work in a write transaction, as one unit: when it throws, none of its changes stay,
     * and the caller gets a {@link StoreException} whose message starts with {@code what}.
     *
     * <p>Group commit: the work is queued, then the caller waits for the write lock. Whoever holds
     * it next runs every queued piece of work (up to {@value #MAX_GROUP}) in one transaction and
     * commits once (a piece that fails undoes only its own changes: {@link #runWithoutSavepoints});
     * callers whose work was run that way find it done when they get the lock and return at once.
     * Concurrent polls thus share commits: each commit writes every page it dirtied to the WAL, and
     * polls that insert into the same index pages (anchors, dates, ids) write them once instead of
     * once each. Nothing is acknowledged before it is
     * committed; if the commit itself fails, every piece of work in it fails.
     */
    <T> T write(String what, SqlWork<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            // Nested in write or maintain work: never drag other callers' queued work into it.
            return writeNested(what, work);
        }
        QueuedWrite<T> mine = new QueuedWrite<>(what, work);
        queuedWrites.add(mine);
        writeLock.lock();
        try {
            while (!mine.isDone()) {
                commitQueued();
            }
        } finally {
            writeLock.unlock();
        }
        return mine.result();
    }

    private <T> T writeNested(String what, SqlWork<T> work) {
        try {
            ensureOpen(what);
            if (inTransaction) {
                int mark = anchorBuffer.mark();
                try {
                    return Transaction.savepoint(writerStatements.connection(), work);
                } catch (SQLException | RuntimeException e) {
                    anchorBuffer.undoTo(mark);
                    throw e;
                }
            }
            return transaction(work);
        } catch (SQLException | RuntimeException e) {
            throw wrap(what, e);
        }
    }

    /** Under the write lock: one transaction, with the anchor buffer kept in step with it. */
    private <T> T transaction(SqlWork<T> work) throws SQLException {
        boolean committed = false;
        inTransaction = true;
        try {
            T result = Transaction.run(writerStatements.connection(), work);
            committed = true;
            checkpointer.committed();
            return result;
        } finally {
            inTransaction = false;
            anchorBuffer.transactionEnded(committed);
        }
    }

    /**
     * Runs the group in one transaction with no savepoint per piece, and commits it; true too when
     * the group's only piece failed (its failure kept: the rollback undid just its changes); false,
     * with nothing kept, when a piece of a larger group failed: then the caller runs the group
     * again, each piece in a savepoint, so that only the failing one's changes are undone. Failures
     * are rare, and a savepoint is not free: SQLite copies every existing page a piece first changes
     * inside it into a statement journal (the store alone measured 2–8% faster without them). Work
     * that runs twice this way logs twice what it logs.
     */
    private boolean runWithoutSavepoints(List<QueuedWrite<?>> group) throws SQLException {
        boolean recoveredBefore = anchorBuffer.isRecovered();
        try {
            runGroup(group, (queued, connection) -> queued.runWithoutSavepoint(connection));
            return true;
        } catch (QueuedWrite.Failed e) {
            // Rolled back before COMMIT, so nothing of it became durable: no recovery is due on its
            // account (a rolled back transaction otherwise reads the whole buffer back).
            if (recoveredBefore) {
                anchorBuffer.recovered();
            }
            group.forEach(QueuedWrite::forget);
            if (group.size() == 1) {
                // The rollback undid exactly this piece's changes, as its savepoint would have:
                // its failure is final, and the work need not run (and log) a second time.
                QueuedWrite<?> only = group.get(0);
                only.fail(wrap(only.what(), e.getCause()));
                return true;
            }
            return false;
        }
    }

    /** How one piece of a group runs inside the group's transaction. */
    private interface PieceRun {
        void run(QueuedWrite<?> queued, Connection connection) throws SQLException;
    }

    /**
     * One transaction for the group: recovery first (once per process), then each piece as
     * {@code run} says, then a move of the anchor buffer if it is full; committed, then the
     * recovery counts as done.
     */
    private void runGroup(List<QueuedWrite<?>> group, PieceRun run) throws SQLException {
        transaction(connection -> {
            anchorBuffer.recoverOnce(connection);
            for (QueuedWrite<?> queued : group) {
                run.run(queued, connection);
            }
            anchorBuffer.flushIfFull(connection);
            return null;
        });
        anchorBuffer.recovered();
    }

    /** How many background checkpoints have copied all they could (for tests). */
    int checkpointsDone() {
        return checkpointer.checkpointsDone();
    }

    /** How many callers' work waits for the next commit (for tests). */
    int queuedWrites() {
        return queuedWrites.size();
    }

    /**
     * Under the write lock: runs up to MAX_GROUP queued pieces of work in one transaction. Never
     * throws: every piece it took is finished, with its result or its failure, whatever happens
     * (an Error in one piece rolls back the whole group and reaches that piece's owner).
     */
    private void commitQueued() {
        List<QueuedWrite<?>> group = new ArrayList<>();
        for (QueuedWrite<?> next; group.size() < MAX_GROUP && (next = queuedWrites.poll()) != null; ) {
            group.add(next);
        }
        try {
            if (closed) {
                for (QueuedWrite<?> queued : group) {
                    queued.fail(new StoreException(queued.what() + ": database " + file + " is closed", null));
                }
                return;
            }
            if (!runWithoutSavepoints(group)) {
                runGroup(group, (queued, connection) -> {
                    int mark = anchorBuffer.mark();
                    queued.runIn(connection);
                    if (queued.failed()) {
                        anchorBuffer.undoTo(mark); // its savepoint was rolled back
                    }
                });
            }
        } catch (Throwable e) {
            for (QueuedWrite<?> queued : group) {
                if (!queued.failed()) {
                    queued.fail(new StoreException(queued.what()
                            + ": rolled back with the other writes of its transaction: " + e.getMessage(), e));
                }
            }
        } finally {
            group.forEach(QueuedWrite::finish);
        }
    }

    /**
     * Runs the work on the write connection outside any transaction, for statements SQLite refuses
     * inside one or that should commit step by step (incremental vacuum, WAL checkpoint). No
     * background checkpoint runs meanwhile: a {@code wal_checkpoint(TRUNCATE)} would otherwise find
     * SQLite's checkpoint lock taken and do nothing.
     */
    <T> T maintain(String what, SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen(what);
            return checkpointer.paused(work, writer);
        } catch (SQLException | RuntimeException e) {
            throw wrap(what, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The write connection's buffer of new entries' anchors; use only inside {@link #write}. */
    AnchorBuffer anchorBuffer() {
        return anchorBuffer;
    }

    /** The database file (absolute). */
    Path file() {
        return file;
    }

    /** Runs read-only work on a pooled read connection (auto-commit: each query sees the latest commit). */
    <T> T read(String what, SqlWork<T> work) {
        ensureOpen(what);
        StatementCache reader = borrowReader(what);
        try {
            return work.run(reader.connection());
        } catch (SQLException | RuntimeException e) {
            throw wrap(what, e);
        } finally {
            idleReaders.add(reader);
        }
    }

    private StatementCache borrowReader(String what) {
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + ": interrupted waiting for a database connection", e);
        }
    }

    private void ensureOpen(String what) {
        if (closed) {
            throw new StoreException(what + ": database " + file + " is closed", null);
        }
    }

    static StoreException wrap(String what, Throwable e) {
        if (e instanceof StoreException storeException) {
            return storeException;
        }
        return new StoreException(what + ": " + e.getMessage(), e);
    }

    /** Waits for a running write transaction to finish, then closes every connection. Idempotent. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            List<Connection> all = new ArrayList<>(readers);
            all.add(writer);
            StoreException failure = new StoreException("Could not close database " + file, null);
            try {
                // A small buffer stays: the next process's first write reads it back from the
                // entries' stored anchors (AnchorBuffer.recoverOnce) rather than this one
                // rewriting most of the index's pages for it.
                if (anchorBuffer.worthMovingAtClose()) {
                    transaction(connection -> {
                        anchorBuffer.flush(connection);
                        return null;
                    });
                }
            } catch (SQLException | RuntimeException e) {
                // Not lost: the next process's first write reads the buffer back.
                failure.addSuppressed(e);
            }
            for (StatementCache reader : takeBackReaders()) {
                try {
                    reader.closeAll();
                } catch (SQLException e) {
                    failure.addSuppressed(e);
                }
                // Back in the pool: a read that got past ensureOpen meanwhile fails on the closed
                // connection instead of waiting for a reader for ever.
                idleReaders.add(reader);
            }
            try {
                checkpointer.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            try {
                writerStatements.closeAll();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            closeAll(all, failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The read connections, taken out of the pool as they come back: a statement cache is only
     * ever used by the thread that borrowed it. A read that has not finished within
     * {@link #READER_RETURN_MILLIS} (the daemon abandons polls that outlast its shutdown grace)
     * keeps its reader; closing the connection finalizes its statements anyway, and the read
     * fails with a StoreException.
     */
    private List<StatementCache> takeBackReaders() {
        List<StatementCache> idle = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READER_RETURN_MILLIS);
        try {
            while (idle.size() < readers.size()) {
                StatementCache reader = idleReaders.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (reader == null) {
                    break;
                }
                idle.add(reader);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return idle;
    }

    private static void closeAll(List<Connection> connections, Exception failure) {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
