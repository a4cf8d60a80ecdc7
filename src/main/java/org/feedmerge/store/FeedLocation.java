package org.feedmerge.store;

import java.net.URI;
import java.time.Instant;

/**
 * Where a feed is fetched from, and the permanent redirect that may move it there.
 *
 * @param currentUrl     where the feed lives now after a permanent move, or null while it is
 *                       fetched from its configured URL (which is kept either way)
 * @param movedAt        when it moved, or null
 * @param redirectTarget the permanent-redirect target seen on the latest successful polls, or null
 * @param redirectStreak on how many successful polls in a row that target was seen (0 without one)
 */
public record FeedLocation(URI currentUrl, Instant movedAt, URI redirectTarget, int redirectStreak) {

    /** Fetched from the configured URL, no redirect pending. */
    public static final FeedLocation ORIGINAL = new FeedLocation(null, null, null, 0);

    public FeedLocation {
        if (redirectStreak < 0) {
            throw new IllegalArgumentException("redirectStreak must be >= 0");
        }
        if ((redirectTarget == null) != (redirectStreak == 0)) {
            throw new IllegalArgumentException("a redirect target needs a streak and vice versa");
        }
    }

    /** The same place, with no redirect pending. */
    public FeedLocation withoutPendingRedirect() {
        return new FeedLocation(currentUrl, movedAt, null, 0);
    }
}
