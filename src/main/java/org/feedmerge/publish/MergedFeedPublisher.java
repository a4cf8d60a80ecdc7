package org.feedmerge.publish;

import java.time.Clock;
import java.util.List;
import java.util.function.IntFunction;
import org.feedmerge.config.OutputConfig;
import org.feedmerge.store.MergedEntry;

/**
 * Holds the rendered merged feed (RSS 2.0 and Atom 1.0) with its validators. Rendering happens
 * once after the entry set changes ({@link #invalidate()}), on the next request, never per request.
 * Thread-safe.
 */
public final class MergedFeedPublisher {

    /**
     * @param output the merged feed's metadata and item count
     * @param newest reads the newest N entries (wired to {@code EntryStore::newest})
     * @param clock  for the feed's own updated time when it has no entries
     */
    public MergedFeedPublisher(OutputConfig output, IntFunction<List<MergedEntry>> newest, Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Marks the rendered documents stale; the next request renders them again. */
    public void invalidate() {
        throw new UnsupportedOperationException("TODO");
    }
}
