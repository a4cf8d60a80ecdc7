package org.feedmerge.publish;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.feedmerge.store.MergedEntry;

/** Stands in for {@code EntryStore::newest}: returns what the test set, counts the calls. */
final class CountingEntries implements IntFunction<List<MergedEntry>> {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile List<MergedEntry> entries;
    private volatile RuntimeException failure;
    private volatile int lastLimit;

    CountingEntries(List<MergedEntry> entries) {
        this.entries = entries;
    }

    void set(List<MergedEntry> entries) {
        this.entries = entries;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    int calls() {
        return calls.get();
    }

    int lastLimit() {
        return lastLimit;
    }

    @Override
    public List<MergedEntry> apply(int limit) {
        calls.incrementAndGet();
        lastLimit = limit;
        if (failure != null) {
            throw failure;
        }
        return entries;
    }
}
