package org.feedmerge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.feedmerge.dedup.StoryFingerprint;

/**
 * The anchor rows of newly inserted entries, held in an in-memory table of the write connection
 * ({@code temp.pending_anchors}) and moved into {@code story_anchors} in large sorted batches.
 *
 * <p>Why: every anchor is a random key, so inserting one entry's dozen and a half anchors straight
 * into {@code story_anchors} dirtied about as many index pages, each written to the WAL at every
 * commit: the anchor index was most of what a cold start wrote (gigabytes for a database of a few
 * hundred megabytes). Buffered, each index page is written once per {@value #FLUSH_ROWS} rows.
 * Candidate lookups ({@link StoryGrouper}) read both tables, so nothing is missed meanwhile.
 *
 * <p>Durability: the buffer is not; {@code anchor_index.indexed_through} says up to which entry id
 * every entry's anchors are in {@code story_anchors}. Every entry stores its own anchors
 * ({@code entries.anchors}), so a process's first write transaction indexes again, from there, the
 * anchors of entries after that id (buffered when an earlier process stopped without flushing);
 * opening the database to read never writes. Anchors of an edited entry go straight to
 * {@code story_anchors}, so the mark covers them too; deleting entries lowers the mark to the
 * newest remaining id, since SQLite reuses the ids above it.
 */
final class AnchorBuffer {

    /** Rows buffered before they are moved: about 6,000 entries, a few MB of memory. */
    static final int FLUSH_ROWS = 100_000;

    /** Parameters as {@link StoryGrouper}'s: entry id, feed id, published, the anchors as a JSON array. */
    static final String BUFFER = """
            INSERT OR IGNORE INTO temp.pending_anchors (anchor, entry_id, feed_id, published)
            SELECT value, ?, ?, ? FROM json_each(?)""";
    static final String UNBUFFER =
            "DELETE FROM temp.pending_anchors WHERE anchor IN (SELECT value FROM json_each(?)) AND entry_id = ?";
    private static final String COUNT = "SELECT count(*) FROM temp.pending_anchors";
    private static final String CREATE = """
            CREATE TEMP TABLE IF NOT EXISTS pending_anchors (
                anchor    INTEGER NOT NULL,
                entry_id  INTEGER NOT NULL,
                feed_id   INTEGER NOT NULL,
                published INTEGER NOT NULL,
                PRIMARY KEY (anchor, entry_id)
            ) WITHOUT ROWID""";
    private static final String MOVE = """
            INSERT OR IGNORE INTO story_anchors (anchor, entry_id, feed_id, published)
            SELECT anchor, entry_id, feed_id, published FROM temp.pending_anchors ORDER BY anchor, entry_id""";
    private static final String MARK = "UPDATE anchor_index SET indexed_through = (SELECT coalesce(max(id), 0) FROM entries)";
    private static final String LOWER_MARK = """
            UPDATE anchor_index SET indexed_through = min(indexed_through, (SELECT coalesce(max(id), 0) FROM entries))""";
    private static final String UNINDEXED = """
            SELECT id, feed_id, published, anchors FROM entries
            WHERE id > (SELECT indexed_through FROM anchor_index) AND anchors IS NOT NULL ORDER BY id""";

    /**
     * Rows buffered since the last flush, as reported to {@link #added}: approximate (a rolled
     * back poll's rows stay counted, a rolled back flush is not undone), which only moves the
     * next flush a little. Guarded by the database's write lock.
     */
    private long buffered;
    private boolean recovered;

    private AnchorBuffer() {
    }

    /** Sets up the write connection's (empty) buffer. Writes nothing to the database. */
    static AnchorBuffer open(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute(CREATE);
        }
        return new AnchorBuffer();
    }

    /**
     * Inside this process's first write transaction: indexes what an earlier process left
     * buffered (entries after the mark), so that opening the database for reading (feedmerge
     * status) never writes. Idempotent; a rolled back attempt is repeated by the next write.
     */
    void recoverOnce(Connection connection) throws SQLException {
        if (recovered) {
            return;
        }
        try (Statements statements = new Statements(connection)) {
            PreparedStatement add = statements.prepare(StoryGrouper.ADD_ANCHOR);
            try (ResultSet rows = statements.prepare(UNINDEXED).executeQuery()) {
                while (rows.next()) {
                    add.setLong(1, rows.getLong("id"));
                    add.setLong(2, rows.getLong("feed_id"));
                    add.setLong(3, rows.getLong("published"));
                    add.setString(4, StoryGrouper.anchorList(StoryFingerprint.fromBytes(rows.getBytes("anchors"))));
                    add.executeUpdate();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(MARK); // first in the first write: nothing of ours is buffered yet
            }
        }
    }

    /** After the transaction that ran {@link #recoverOnce} committed. */
    void recovered() {
        recovered = true;
    }

    /** Outside a transaction, before the write connection closes: flushes what is buffered, if anything. */
    static void close(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement(); ResultSet count = statement.executeQuery(COUNT)) {
            if (!count.next() || count.getLong(1) == 0) {
                return;
            }
        }
        Transaction.run(writer, connection -> {
            flush(connection);
            return null;
        });
    }

    /** A poll buffered {@code rows} anchor rows (counted for {@link #flushIfFull}). */
    void added(long rows) {
        buffered += rows;
    }

    /**
     * Inside a write transaction, outside any savepoint (a savepoint would keep a copy of every
     * index page the move touches): moves the buffer into story_anchors once it holds about
     * FLUSH_ROWS rows.
     */
    void flushIfFull(Connection connection) throws SQLException {
        if (buffered >= FLUSH_ROWS) {
            flush(connection);
            buffered = 0;
        }
    }

    /**
     * Inside the transaction that deleted entries: entry ids are reused once the newest entry is
     * deleted (INTEGER PRIMARY KEY without AUTOINCREMENT), so the mark must not stay above the
     * newest id, or a reused id's buffered anchors would count as indexed after a crash.
     */
    static void afterDeletes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(LOWER_MARK);
        }
    }

    /**
     * Inside a write transaction: moves every buffered row into story_anchors, in index order
     * (each index page written once), and marks every stored entry as indexed.
     */
    static void flush(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(MOVE);
            statement.executeUpdate("DELETE FROM temp.pending_anchors");
            statement.executeUpdate(MARK);
        }
    }
}
