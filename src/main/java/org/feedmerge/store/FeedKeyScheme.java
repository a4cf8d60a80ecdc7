package org.feedmerge.store;

import java.time.Instant;
import java.util.Objects;
import org.feedmerge.dedup.KeyScheme;

/**
 * How a feed's entries are identified, when that is not by guid: for {@code feedmerge status}.
 *
 * @param feedId    the feed's row id
 * @param scheme    the key scheme the feed fell back to
 * @param reason    why, e.g. "guid repeated across different items"
 * @param decidedAt when the store decided
 */
public record FeedKeyScheme(long feedId, KeyScheme scheme, String reason, Instant decidedAt) {
    public FeedKeyScheme {
        Objects.requireNonNull(scheme, "scheme");
    }
}
