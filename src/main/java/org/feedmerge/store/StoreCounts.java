package org.feedmerge.store;

/** What one poll changed among a feed's entries. */
public record StoreCounts(int added, int updated, int unchanged) {
    public static final StoreCounts NONE = new StoreCounts(0, 0, 0);

    /** True when the merged feed must be rendered again. */
    public boolean changedAnything() {
        return added > 0 || updated > 0;
    }
}
