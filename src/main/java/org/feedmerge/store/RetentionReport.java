package org.feedmerge.store;

/**
 * What one retention run did.
 *
 * @param expired           entries deleted for being older than max-age
 * @param overLimit         entries deleted beyond a feed's max-entries-per-feed
 * @param tombstonesExpired tombstones removed after tombstone-ttl
 * @param pagesFreed        database pages given back to the file system
 * @param millis            how long the run took
 */
public record RetentionReport(int expired, int overLimit, int tombstonesExpired, long pagesFreed, long millis) {

    /** True when entries were deleted, so the merged feed must be rendered again. */
    public boolean deletedEntries() {
        return expired > 0 || overLimit > 0;
    }
}
