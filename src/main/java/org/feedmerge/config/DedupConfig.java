package org.feedmerge.config;

import java.util.Objects;

/**
 * Deduplication of the same story across feeds.
 *
 * @param crossFeed whether items from different feeds that are the same story (same canonical
 *                  link, or near-identical text) are shown once
 * @param winner    which copy is shown
 */
public record DedupConfig(boolean crossFeed, WinnerRule winner) {
    public static final DedupConfig DEFAULT = new DedupConfig(true, WinnerRule.ORIGINAL_THEN_EARLIEST);

    public DedupConfig {
        Objects.requireNonNull(winner, "winner");
    }
}
