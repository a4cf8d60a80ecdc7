package org.feedmerge.dedup;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value worked out on first use, once, on whichever thread asks first: entry keys that most
 * feeds never need ({@link EntryKeys}) are made on a poll thread and may be read by the store's
 * writer on another.
 */
final class Lazily<T> implements Supplier<T> {

    private Supplier<T> work;
    private T value;

    Lazily(Supplier<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public synchronized T get() {
        if (work != null) {
            value = work.get();
            work = null;
        }
        return value;
    }
}
