package org.feedmerge.dedup;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value worked out on first use, once, on whichever thread asks first: entry keys that most
 * feeds never need ({@link EntryKeys}) are made on a poll thread and may be read by the store's
 * writer on another; the store's hash of an entry's sanitised HTML is asked for by two lookups.
 */
public final class Lazily<T> implements Supplier<T> {

    private Supplier<T> work;
    private T value;

    public Lazily(Supplier<T> work) {
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
