package org.feedmerge.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which anchors {@code story_anchors} may hold, so that the poll threads' search for a new entry's
 * copies ({@link StoryGrouper#storedMatches}) skips the anchors the index cannot hold. On the
 * benchmark farm four in five of the anchors searched for are in no other entry, and every one
 * costs a B-tree page read: a read connection's page cache starts empty after each commit of the
 * writer (SQLite drops it when the WAL has changed), so in a cold import these lookups were the
 * largest part of deduplication's cost (docs/performance.md).
 *
 * <p>A Bloom filter that grows by adding blocks, each twice as large as the one before: never a
 * false "absent", about 1% false "maybe" per block (up to about 5% with the seven blocks of a full
 * filter). It answers only while it is <em>complete</em> (every anchor in the index was added to
 * it), which it is from the start when the index was empty as the database opened: a first
 * import, the case where these lookups are most of the cost, until it would outgrow 16 MB (about
 * 13 million distinct anchors). For a database that already has an index it says "maybe" to
 * everything, and every anchor is searched for as before: reading the whole index to fill it
 * would cost a one-shot poll more than its few hundred new entries save.
 *
 * <p>Threads: the writer adds, under the write lock, before the anchors go into the index (a rolled
 * back insert leaves a false "maybe" only, as do deleted entries); poll threads ask concurrently.
 * Bits are only ever set, so a poll thread can at worst miss bits set while it reads; every writer
 * that inserts anchors moves {@link AnchorBuffer#generation()} after adding them here, and a lookup
 * that ran while the generation moved is done again under the write lock ({@link StoryLookup}).
 */
final class AnchorFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AnchorFilter.class);

    /** Bits in the first block (128 KB); each further block has twice as many. */
    private static final int FIRST_BLOCK_BITS = 1 << 20;
    /**
     * At most 16 MB: about 13 million anchors (the 10,000-feed benchmark's import takes 8 MB). A
     * filter that would grow past it stops answering; see {@link #add}.
     */
    private static final long MAX_BITS = 1L << 27;
    /** About 1% false "maybe" per block at 10 bits per anchor with 7 probes. */
    private static final int BITS_PER_ANCHOR = 10;
    private static final int PROBES = 7;

    /** One filter of a fixed size; full at {@code capacity} anchors. */
    private static final class Block {
        private final long[] words;
        private final int mask;
        private final int capacity;
        private int added;

        Block(int bits) {
            this.words = new long[bits / Long.SIZE];
            this.mask = bits - 1;
            this.capacity = bits / BITS_PER_ANCHOR;
        }

        void add(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32) | 1;
            for (int i = 0; i < PROBES; i++) {
                int bit = (h1 + i * h2) & mask;
                words[bit >>> 6] |= 1L << bit;
            }
            added++;
        }

        boolean mightHold(long hash) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32) | 1;
            for (int i = 0; i < PROBES; i++) {
                int bit = (h1 + i * h2) & mask;
                if ((words[bit >>> 6] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        boolean isFull() {
            return added >= capacity;
        }
    }

    /** No blocks: the filter does not know the index, and answers "maybe". */
    private volatile Block[] blocks;
    private final long maxBits;
    private long bits;

    private AnchorFilter(Block[] blocks, long maxBits) {
        this.blocks = blocks;
        this.maxBits = maxBits;
        this.bits = (long) blocks.length * FIRST_BLOCK_BITS;
    }

    /** A filter that answers "maybe" to every anchor (the index's contents are not known). */
    static AnchorFilter unknown() {
        return new AnchorFilter(new Block[0], 0);
    }

    /** A complete filter for an empty index. */
    static AnchorFilter forEmptyIndex() {
        return forEmptyIndex(MAX_BITS);
    }

    /** As {@link #forEmptyIndex()}, giving up past {@code maxBits} bits (tests: at most the default). */
    static AnchorFilter forEmptyIndex(long maxBits) {
        if (maxBits < FIRST_BLOCK_BITS || maxBits > MAX_BITS) {
            throw new IllegalArgumentException("maxBits " + maxBits + " outside " + FIRST_BLOCK_BITS + ".." + MAX_BITS);
        }
        return new AnchorFilter(new Block[] {new Block(FIRST_BLOCK_BITS)}, maxBits);
    }

    /**
     * For the index of this database, as it is now: complete if it is empty, else {@link #unknown()}.
     * Only for the one process that writes the database (the writer lock, {@link WriterLock}): a
     * second writer's anchors would not be in this filter.
     */
    static AnchorFilter forIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT 1 FROM story_anchors LIMIT 1")) {
            return row.next() ? unknown() : forEmptyIndex();
        }
    }

    /** Whether the filter answers; when not, {@link #mightHold} is always true. */
    boolean isComplete() {
        return blocks.length > 0;
    }

    /**
     * Under the write lock, before these anchors are inserted into the index. A filter that would
     * grow past its size limit (16 MB) stops answering (for the rest of the process): it never
     * forgets anchors, so a daemon that started on an empty index and runs for months, deleting
     * old entries, would otherwise grow without end. An anchor it already answers "maybe" to is
     * not added again (copies share most anchors, and a rolled back move is done again), so the
     * blocks fill with distinct anchors.
     */
    void add(int[] anchors) {
        Block[] current = blocks;
        if (current.length == 0) {
            return;
        }
        Block last = current[current.length - 1];
        for (int anchor : anchors) {
            if (mightHold(current, hash(anchor))) {
                continue;
            }
            if (last.isFull()) {
                long size = 2L * last.words.length * Long.SIZE;
                if (bits + size > maxBits) {
                    LOG.info("dedup anchor filter full at about {} anchors: copies are searched for under every"
                            + " anchor from now on, as for a database opened with an index", added(current));
                    blocks = new Block[0];
                    return;
                }
                last = new Block((int) size); // at most MAX_BITS, 2^27
                bits += size;
                current = Arrays.copyOf(current, current.length + 1);
                current[current.length - 1] = last;
                blocks = current; // published before the generation moves, see the class comment
            }
            last.add(hash(anchor));
        }
    }

    /** False only when the index holds no row under this anchor. Any thread. */
    boolean mightHold(int anchor) {
        Block[] current = blocks;
        return current.length == 0 || mightHold(current, hash(anchor));
    }

    private static boolean mightHold(Block[] blocks, long hash) {
        for (Block block : blocks) {
            if (block.mightHold(hash)) {
                return true;
            }
        }
        return false;
    }

    private static long added(Block[] blocks) {
        long added = 0;
        for (Block block : blocks) {
            added += block.added;
        }
        return added;
    }

    /**
     * Anchors are themselves hashes, but chosen by their low bits (docs/dedup.md), so they are
     * mixed again (the SplitMix64 finaliser) before their bits pick the filter's.
     */
    private static long hash(int anchor) {
        long z = anchor * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
