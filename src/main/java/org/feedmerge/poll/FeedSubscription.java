package org.feedmerge.poll;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A configured feed bound to its stored row: what the scheduler hands to each poll.
 *
 * @param feedId   the feed's row id
 * @param url      the URL to fetch
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
