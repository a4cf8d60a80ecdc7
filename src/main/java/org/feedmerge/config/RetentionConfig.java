package org.feedmerge.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long entries are kept. A daily cleanup deletes, in small batches, entries older than
 * {@code maxAge} and each feed's entries beyond its newest {@code maxEntriesPerFeed}; each deleted
 * entry leaves a tombstone for {@code tombstoneTtl} so a feed that still carries it cannot bring it
 * back as new.
 *
 * @param maxAge            entries first seen longer ago than this are deleted
 * @param maxEntriesPerFeed at most this many entries are kept per feed (the newest)
 * @param tombstoneTtl      how long the identity of a deleted entry is remembered
 */
public record RetentionConfig(Duration maxAge, int maxEntriesPerFeed, Duration tombstoneTtl) {
    public static final RetentionConfig DEFAULT = new RetentionConfig(Duration.ofDays(90), 500, Duration.ofDays(365));

    public RetentionConfig {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(tombstoneTtl, "tombstoneTtl");
        if (maxEntriesPerFeed < 1) {
            throw new IllegalArgumentException("maxEntriesPerFeed must be >= 1");
        }
    }
}
