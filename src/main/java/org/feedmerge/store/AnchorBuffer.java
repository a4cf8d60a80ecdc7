package org.feedmerge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.feedmerge.dedup.StoryFingerprint;
import org.feedmerge.dedup.StoryMatch;

/**
 * The dedup anchors (and canonical links) of newly inserted entries, held in the writer's memory
 * and moved into {@code story_anchors} in large sorted batches. Guarded by the database's write
 * lock, except {@link #generation()}.
 *
 * <p>Why: every anchor is a random key, so inserting one entry's dozen and a half anchors straight
 * into {@code story_anchors} dirtied about as many index pages, each written to the WAL at every
 * commit. Buffered, each index page is written once per {@value #FLUSH_ROWS} rows. Kept in Java
 * rather than in a temporary table, a buffered entry costs no SQL at all: {@link StoryGrouper}
 * finds its copies among the buffered entries by their shingles and titles in memory.
 *
 * <p>Transactions: every change is logged, so that a rolled back savepoint (one poll of a group
 * commit) or transaction undoes its own changes here too ({@link #mark}, {@link #undoTo},
 * {@link #transactionEnded}); a flush empties the buffer only once its transaction committed.
 *
 * <p>Generation: a counter that moves whenever the index changes other than by buffering (a flush,
 * an edited or deleted entry), once when it changes and once when its transaction ends.
 * A poll thread reads it before it looks for copies in the committed index on a read connection
 * ({@link StoryLookup}); if it is the same under the write lock, what it found still holds and the
 * entries inserted since are all here, so the writer only searches this buffer.
 *
 * <p>Durability: the buffer is not durable, and a small one is not moved when the database
 * closes; {@code anchor_index.indexed_through} says up to which entry id every entry's anchors are
 * in {@code story_anchors}. Every entry stores its own anchors ({@code entries.anchors}), and its
 * shingles and title are in {@code entry_prints}, so a process's first write transaction buffers
 * again, from there, the entries after that id ({@link #recoverOnce}): whatever the last process
 * left buffered, whether it closed or was killed. So a one-shot poll that adds a few hundred
 * entries does not rewrite the index pages their anchors fall on (most of the index, for a few
 * thousand anchors) every time it runs; the buffer grows over several runs, and moves when the
 * database closes once it holds a quarter of its bound ({@link #worthMovingAtClose}), which
 * bounds what the next process reads back. Anchors of an edited entry go straight to
 * {@code story_anchors}, so the mark covers them too; deleting entries lowers the mark to the
 * newest remaining id, since SQLite reuses the ids above it.
 */
final class AnchorBuffer {

    /** Anchor rows buffered before they are moved: about 18,000 entries, 20-25 MB of heap. */
    static final int FLUSH_ROWS = 200_000;
    /**
     * Most rows per statement when moving (4 parameters each, well under SQLite's limit of
     * 32,766). Chunks are powers of two, so a move prepares at most ten statements, whatever the
     * buffer's size.
     */
    private static final int MOVE_CHUNK = 512;
    /** At close, the buffer moves once it holds this fraction of {@link #FLUSH_ROWS}: see {@link #worthMovingAtClose}. */
    private static final int CLOSE_FLUSH_DIVISOR = 4;
    private static final String MARK = "UPDATE anchor_index SET indexed_through = (SELECT coalesce(max(id), 0) FROM entries)";
    private static final String LOWER_MARK = """
            UPDATE anchor_index SET indexed_through = min(indexed_through, (SELECT coalesce(max(id), 0) FROM entries))""";
    /** Entries whose anchors may not be in story_anchors, with what the buffer keeps of them. */
    private static final String UNINDEXED = """
            SELECT e.id, e.feed_id, e.published, e.anchors, p.shingles, p.title FROM entries e
            LEFT JOIN entry_prints p ON p.entry_id = e.id
            WHERE e.id > (SELECT indexed_through FROM anchor_index) AND e.anchors IS NOT NULL ORDER BY e.id""";

    /** Undo log entries: a slot number for an add, {@code REMOVED - slot} for a removal, FLUSHED. */
    private static final int FLUSHED = -1;
    private static final int REMOVED = -2;

    /**
     * A buffered entry: what finding its copies needs, compactly (the shingles as stored, the
     * title; its fingerprint is rebuilt only for the few candidates that get verified).
     *
     * @param canonicalUrl null unless it names an article
     */
    private record Buffered(long entryId, long feedId, long published, String canonicalUrl, int[] anchors,
            byte[] shingles, String title) {

        StoryFingerprint fingerprint() {
            return StoryFingerprint.stored(canonicalUrl, shingles, title);
        }
    }

    /**
     * Anchor to slots, as chained int arrays (about 12 bytes a row, where boxed maps took about
     * 100): rows are appended slot by slot, each row prepended to its bucket's chain, so undoing
     * the last slot pops its rows from the heads of their chains, newest first.
     */
    private static final class Postings {
        private static final int BUCKETS = 1 << 18;
        private final int[] head = new int[BUCKETS];
        private int[] anchor = new int[1024];
        private int[] slot = new int[1024];
        private int[] next = new int[1024];
        private int size;

        Postings() {
            Arrays.fill(head, -1);
        }

        void add(int anchorValue, int slotNumber) {
            if (size == anchor.length) {
                anchor = Arrays.copyOf(anchor, size * 2);
                slot = Arrays.copyOf(slot, size * 2);
                next = Arrays.copyOf(next, size * 2);
            }
            int bucket = bucket(anchorValue);
            anchor[size] = anchorValue;
            slot[size] = slotNumber;
            next[size] = head[bucket];
            head[bucket] = size++;
        }

        /** Removes the {@code count} newest rows (the last slot's, when it is undone). */
        void removeNewest(int count) {
            for (int i = 0; i < count; i++) {
                int row = --size;
                head[bucket(anchor[row])] = next[row];
            }
        }

        /** The first row of the chain that may hold {@code anchorValue}; follow with {@link #next}. */
        int first(int anchorValue) {
            return head[bucket(anchorValue)];
        }

        int next(int row) {
            return next[row];
        }

        int anchor(int row) {
            return anchor[row];
        }

        int slot(int row) {
            return slot[row];
        }

        void clear() {
            Arrays.fill(head, -1);
            size = 0;
        }

        private static int bucket(int anchorValue) {
            return (anchorValue * 0x9E3779B9 >>> 14) & (BUCKETS - 1);
        }
    }

    /** Slot numbers in ascending order (the order they were added); a growable int array. */
    private static final class Slots {
        private int[] slots = new int[2];
        private int size;

        void add(int slot) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = slot;
        }

        /** Removes the last slot, which must be {@code slot} (undo runs in reverse order); true when empty. */
        boolean removeLast(int slot) {
            assert slots[size - 1] == slot;
            size--;
            return size == 0;
        }
    }

    private final int flushRows;
    private final AnchorFilter filter;
    private final List<Buffered> slots = new ArrayList<>();
    private final BitSet removed = new BitSet();
    private final Map<Long, Integer> slotOfEntry = new HashMap<>();
    private final Postings byAnchor = new Postings();
    private final Map<String, Slots> byLink = new HashMap<>();
    private final List<Integer> undoLog = new ArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private long rows;
    /** Slots up to here were moved into story_anchors in the open transaction; -1: none. */
    private int flushedThrough = -1;
    /** flushedThrough before each flush of the open transaction, for undo. */
    private final Deque<Integer> earlierFlushes = new ArrayDeque<>();
    private boolean indexChanged;
    private boolean recovered;
    /** Whether {@link #recoverOnce} ran in this process (then anything buffered may be stale). */
    private boolean everRecovered;

    /**
     * An empty buffer that moves into the index once it holds {@code flushRows} anchor rows, and
     * adds every anchor it puts into the index to {@code filter}.
     */
    AnchorBuffer(int flushRows, AnchorFilter filter) {
        this.flushRows = flushRows;
        this.filter = filter;
    }

    /** Which anchors the index may hold; readable by any thread (see {@link AnchorFilter}). */
    AnchorFilter filter() {
        return filter;
    }

    /** Readable by any thread: see the class comment. */
    long generation() {
        return generation.get();
    }

    /** Whether nothing but buffering changed the index since {@code generation} was read. */
    boolean unchangedSince(long generation) {
        return this.generation.get() == generation;
    }

    /** Anchor rows buffered (for tests and the flush threshold). */
    long rows() {
        return rows;
    }

    /** Entries buffered, removed ones included until the next move (for tests). */
    int entries() {
        return slots.size();
    }

    /** A new entry's anchors and canonical link (when it names an article), until the next flush. */
    void add(long entryId, long feedId, long published, String title, StoryFingerprint fingerprint) {
        int[] anchors = fingerprint.anchors();
        boolean linked = fingerprint.linkNamesAnArticle();
        if (anchors.length == 0 && !linked) {
            return;
        }
        undoLog.add(put(new Buffered(entryId, feedId, published, linked ? fingerprint.canonicalUrl() : null, anchors,
                fingerprint.shingleBytes(), title)));
    }

    private int put(Buffered entry) {
        int slot = slots.size();
        slots.add(entry);
        slotOfEntry.put(entry.entryId(), slot);
        for (int anchor : entry.anchors()) {
            byAnchor.add(anchor, slot);
        }
        if (entry.canonicalUrl() != null) {
            byLink.computeIfAbsent(entry.canonicalUrl(), key -> new Slots()).add(slot);
        }
        rows += entry.anchors().length;
        return slot;
    }

    /** An edited or deleted entry leaves the buffer (if it is there). */
    void remove(long entryId) {
        Integer slot = slotOfEntry.get(entryId);
        if (slot == null || removed.get(slot)) {
            return;
        }
        removed.set(slot);
        rows -= slots.get(slot).anchors().length;
        undoLog.add(REMOVED - slot);
    }

    /**
     * Buffered entries of other feeds, published between {@code from} and {@code to}, that are the
     * same story as {@code fingerprint}: the {@code limit} sharing the most anchors with it
     * (ties: the older entry), verified by {@link StoryMatch}.
     */
    Set<Long> nearDuplicates(long feedId, StoryFingerprint fingerprint, long from, long to, int limit) {
        Map<Integer, Integer> shared = new HashMap<>();
        for (int anchor : fingerprint.anchors()) {
            for (int row = byAnchor.first(anchor); row >= 0; row = byAnchor.next(row)) {
                int slot = byAnchor.slot(row);
                if (byAnchor.anchor(row) == anchor && isCandidate(slot, feedId, from, to)) {
                    shared.merge(slot, 1, Integer::sum);
                }
            }
        }
        Set<Long> matches = new HashSet<>();
        shared.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(candidate -> {
                    Buffered other = slots.get(candidate.getKey());
                    if (StoryMatch.score(fingerprint, other.fingerprint()) > 0) {
                        matches.add(other.entryId());
                    }
                });
        return matches;
    }

    private boolean isCandidate(int slot, long feedId, long from, long to) {
        Buffered entry = slots.get(slot);
        return !removed.get(slot) && entry.feedId() != feedId && entry.published() >= from && entry.published() <= to;
    }

    /** Buffered entries of other feeds with this canonical link. */
    Set<Long> sameLink(long feedId, String canonicalUrl) {
        Slots posting = byLink.get(canonicalUrl);
        Set<Long> entries = new HashSet<>();
        for (int i = 0; posting != null && i < posting.size; i++) {
            int slot = posting.slots[i];
            if (!removed.get(slot) && slots.get(slot).feedId() != feedId) {
                entries.add(slots.get(slot).entryId());
            }
        }
        return entries;
    }

    /** The index changed other than by buffering (moves the generation now and at the transaction's end). */
    void indexChanged() {
        generation.incrementAndGet();
        indexChanged = true;
    }

    /** A position in the undo log, for {@link #undoTo}. */
    int mark() {
        return undoLog.size();
    }

    /** Undoes every change since {@code mark}: its savepoint or transaction was rolled back. */
    void undoTo(int mark) {
        while (undoLog.size() > mark) {
            int change = undoLog.remove(undoLog.size() - 1);
            if (change == FLUSHED) {
                flushedThrough = earlierFlushes.pop();
            } else if (change <= REMOVED) {
                int slot = REMOVED - change;
                removed.clear(slot);
                slotOfEntry.put(slots.get(slot).entryId(), slot); // an add undone before may have unmapped it
                rows += slots.get(slot).anchors().length;
            } else {
                unadd(change);
            }
        }
    }

    private void unadd(int slot) {
        Buffered entry = slots.remove(slot);
        assert slot == slots.size() : "adds are undone last first";
        slotOfEntry.remove(entry.entryId(), slot); // the id may map to an older, removed slot: its undo restores that
        byAnchor.removeNewest(entry.anchors().length);
        if (entry.canonicalUrl() != null && byLink.get(entry.canonicalUrl()).removeLast(slot)) {
            byLink.remove(entry.canonicalUrl());
        }
        rows -= entry.anchors().length;
    }

    /**
     * The write transaction ended: committed, its changes stay (and a flush in it empties the
     * buffer); rolled back, they are undone.
     */
    void transactionEnded(boolean committed) {
        if (!committed) {
            undoTo(0);
            // A COMMIT can fail after its changes became durable: recovery, in the next write,
            // reads the buffer back from the entries above the mark, whatever they are now.
            recovered = false;
        } else if (flushedThrough >= 0) {
            dropFlushed();
        }
        undoLog.clear();
        earlierFlushes.clear();
        flushedThrough = -1;
        if (indexChanged) {
            generation.incrementAndGet();
            indexChanged = false;
        }
    }

    /** Keeps only what was buffered after the (committed) flush. */
    private void dropFlushed() {
        List<Buffered> later = new ArrayList<>();
        for (int slot = flushedThrough; slot < slots.size(); slot++) {
            if (!removed.get(slot)) {
                later.add(slots.get(slot));
            }
        }
        clear();
        later.forEach(this::put);
    }

    /** Empties the buffer; only where the undo log has nothing left to undo (a transaction's end or start). */
    private void clear() {
        slots.clear();
        removed.clear();
        slotOfEntry.clear();
        byAnchor.clear();
        byLink.clear();
        rows = 0;
    }

    /**
     * Inside this process's first write transaction: buffers again what an earlier process left
     * buffered (entries after the mark, with anchors), from their stored anchors, shingles and
     * title; they move into story_anchors with the next flush. Run by the first write rather than
     * by opening, so that opening the database to read (feedmerge status) reads nothing more.
     * Leaves the index and the filter alone. A rolled back attempt is undone with its transaction
     * and repeated by the next write.
     *
     * <p>Canonical links are not buffered again: the previous process committed these entries
     * before this one's poll threads looked for copies by link in {@code entries}.
     *
     * <p>Run again after a COMMIT that failed, whose changes may have become durable all the same,
     * it starts from the database: the buffer may name entries that were deleted, or ids that are
     * now other entries, and lookups made before that COMMIT did not see its entries' links. So the
     * buffer is emptied and read back whole, and the generation moves: every such lookup is done
     * again.
     */
    void recoverOnce(Connection connection) throws SQLException {
        if (recovered) {
            return;
        }
        if (everRecovered) {
            clear();
            indexChanged();
        }
        everRecovered = true;
        try (Statements statements = new Statements(connection);
                ResultSet unindexed = statements.prepare(UNINDEXED).executeQuery()) {
            while (unindexed.next()) {
                long entryId = unindexed.getLong("id");
                int[] anchors = StoryFingerprint.fromBytes(unindexed.getBytes("anchors"));
                if (anchors.length > 0) {
                    undoLog.add(put(new Buffered(entryId, unindexed.getLong("feed_id"), unindexed.getLong("published"),
                            null, anchors, unindexed.getBytes("shingles"), unindexed.getString("title"))));
                }
            }
        }
    }

    /**
     * After the transaction that ran {@link #recoverOnce} committed; or after one that rolled back
     * before its COMMIT, when no recovery was due before it (nothing of it became durable).
     */
    void recovered() {
        recovered = true;
    }

    /** Whether the entries above the durable mark are known to be buffered (no recovery is due). */
    boolean isRecovered() {
        return recovered;
    }

    /**
     * Inside a write transaction, outside any savepoint: moves the buffer once it holds about
     * flushRows rows, or a fifth as many entries (entries with a link but too little text for
     * anchors add entries, not rows).
     */
    void flushIfFull(Connection connection) throws SQLException {
        if (rows >= flushRows || slots.size() >= Math.max(1, flushRows / 5)) {
            flush(connection);
        }
    }

    /**
     * Whether the buffer should move when the database closes: when it holds a quarter of its
     * bound or more. A smaller one is left for the next process to read back (see the class
     * comment), which then costs that process at most about 35 ms.
     */
    boolean worthMovingAtClose() {
        return rows >= Math.max(1, flushRows / CLOSE_FLUSH_DIVISOR);
    }

    /**
     * Inside a write transaction: moves every buffered row into story_anchors, in index order
     * (each index page written once), and marks every stored entry as indexed. The buffer empties
     * when the transaction commits.
     */
    void flush(Connection connection) throws SQLException {
        long[] order = new long[Math.toIntExact(rows)];
        int count = 0;
        for (int slot = 0; slot < slots.size(); slot++) {
            if (!removed.get(slot)) {
                filter.add(slots.get(slot).anchors());
                for (int anchor : slots.get(slot).anchors()) {
                    order[count++] = ((long) anchor << 32) | slot; // by anchor, then slot (= entry id order)
                }
            }
        }
        Arrays.sort(order, 0, count);
        for (int start = 0; start < count; ) {
            int chunk = Math.min(MOVE_CHUNK, Integer.highestOneBit(count - start));
            int whole = start + (count - start) / chunk * chunk;
            move(connection, order, start, whole, chunk);
            start = whole;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(MARK);
        }
        indexChanged();
        earlierFlushes.push(flushedThrough);
        flushedThrough = slots.size();
        undoLog.add(FLUSHED);
    }

    /** Inserts rows {@code from} to {@code to} of {@code order} ({@code chunk} divides their number), chunk by chunk. */
    private void move(Connection connection, long[] order, int from, int to, int chunk) throws SQLException {
        String sql = "INSERT OR IGNORE INTO story_anchors (anchor, entry_id, feed_id, published) VALUES "
                + String.join(",", Collections.nCopies(chunk, "(?,?,?,?)"));
        // Prepared on the connection itself, not lent by StatementCache: a move binds hundreds of
        // thousands of parameters, and runs a few times a cycle, so nothing is gained by keeping
        // its statements prepared, and the call goes straight to the driver.
        try (PreparedStatement move = connection.unwrap(Connection.class).prepareStatement(sql)) {
            for (int start = from; start < to; start += chunk) {
                for (int i = 0; i < chunk; i++) {
                    Buffered entry = slots.get((int) order[start + i]);
                    move.setInt(4 * i + 1, (int) (order[start + i] >> 32));
                    move.setLong(4 * i + 2, entry.entryId());
                    move.setLong(4 * i + 3, entry.feedId());
                    move.setLong(4 * i + 4, entry.published());
                }
                move.executeUpdate();
            }
        }
    }

    /**
     * Inside the transaction that deleted entries: entry ids are reused once the newest entry is
     * deleted (INTEGER PRIMARY KEY without AUTOINCREMENT), so the mark must not stay above the
     * newest id, or a reused id's buffered anchors would count as indexed after a crash. The
     * generation moves too: what a poll thread found may name an id that now is another entry.
     */
    void afterDeletes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(LOWER_MARK);
        }
        indexChanged();
    }
}
