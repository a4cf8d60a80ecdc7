package org.feedmerge.store;

import java.util.List;

/**
 * Reads entries across all feeds. Effective publication time: the parsed date, or first-seen time
 * when the date is missing or lies in the future (so no item pins itself to the top).
 */
public final class EntryStore {

    public EntryStore(Database database) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The newest entries across all feeds, newest first (ties: newest first-seen, then highest id). */
    public List<MergedEntry> newest(int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Number of stored entries of one feed. */
    public int countForFeed(long feedId) {
        throw new UnsupportedOperationException("TODO");
    }
}
