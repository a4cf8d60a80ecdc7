package org.feedmerge.poll;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A configured feed bound to its stored row: what the scheduler hands to each poll.
 *
 * @param feedId   the feed's row id
 * @param url      the configured URL: the feed's identity in logs (the poller fetches from where the
 *                 row says the feed lives now, see {@link org.feedmerge.store.FeedRow#fetchUrl()})
 * @param interval the normal time between two polls
 */
public record FeedSubscription(long feedId, URI url, Duration interval) {
    public FeedSubscription {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
    }
}
