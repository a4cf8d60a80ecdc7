package org.feedmerge.store;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Feed rows, and the one transaction that records a poll. Thread-safe. */
public final class FeedStore {

    public FeedStore(Database database) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Inserts the feed if new (keyed by URL), updates its configured title, returns its row. */
    public FeedRow register(URI url, String configuredTitle) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<FeedRow> find(long feedId) {
        throw new UnsupportedOperationException("TODO");
    }

    public List<FeedRow> all() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * In one transaction: stores the entries (insert new keys, update changed ones in place,
     * leave unchanged ones) and writes the poll's outcome on the feed's row.
     */
    public StoreCounts recordPoll(long feedId, PollRecord poll, List<NewEntry> entries) {
        throw new UnsupportedOperationException("TODO");
    }
}
