package org.feedmerge.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured source feed.
 *
 * @param url      absolute http(s) URL of the feed document
 * @param title    title to show instead of the feed's own, or null
 * @param interval poll interval for this feed, or null for the default
 * @param tags     free-form labels, possibly empty
 * @param original true for a publisher's own feed: its copy of a story wins over aggregators' copies
 */
public record FeedConfig(URI url, String title, Duration interval, List<String> tags, boolean original) {
    public FeedConfig {
        Objects.requireNonNull(url, "url");
        tags = List.copyOf(tags);
    }

    /** A feed not marked original. */
    public FeedConfig(URI url, String title, Duration interval, List<String> tags) {
        this(url, title, interval, tags, false);
    }

    /** The interval for this feed, falling back to {@code defaultInterval}. */
    public Duration intervalOr(Duration defaultInterval) {
        return interval != null ? interval : defaultInterval;
    }
}
