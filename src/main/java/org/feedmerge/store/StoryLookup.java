package org.feedmerge.store;

import java.util.Set;
import org.feedmerge.dedup.StoryFingerprint;

/**
 * What a poll thread found out about a new entry before taking the write lock: its fingerprint,
 * and the committed entries of other feeds that are the same story (by canonical link or text),
 * found on a read connection when the anchor index was at {@code indexGeneration}
 * ({@link AnchorBuffer#generation()}). Under the write lock, if the generation is unchanged and
 * the entry is stored with the same {@code published} time, only the {@link AnchorBuffer} remains
 * to be searched; otherwise the writer looks again.
 *
 * @param storedMatches entry ids (their story is read under the write lock: stories merge)
 */
record StoryLookup(StoryFingerprint fingerprint, long published, long indexGeneration, Set<Long> storedMatches) {

    StoryLookup {
        storedMatches = Set.copyOf(storedMatches);
    }
}
