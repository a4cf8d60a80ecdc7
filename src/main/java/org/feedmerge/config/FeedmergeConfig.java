package org.feedmerge.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole validated configuration. Each component receives only its own section.
 *
 * @param server    where the merged feed is served
 * @param storage   where the database lives
 * @param poll      scheduling defaults
 * @param fetch     HTTP client settings shared by every feed
 * @param output    the merged feed's own metadata
 * @param retention how long entries are kept
 * @param dedup     cross-feed deduplication
 * @param feeds     the feeds to merge, in config order, unique by URL
 */
public record FeedmergeConfig(
        ServerConfig server,
        StorageConfig storage,
        PollConfig poll,
        FetchConfig fetch,
        OutputConfig output,
        RetentionConfig retention,
        DedupConfig dedup,
        List<FeedConfig> feeds) {

    public FeedmergeConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(dedup, "dedup");
        feeds = List.copyOf(feeds);
    }

    /** With default retention and deduplication. */
    public FeedmergeConfig(ServerConfig server, StorageConfig storage, PollConfig poll, FetchConfig fetch,
            OutputConfig output, List<FeedConfig> feeds) {
        this(server, storage, poll, fetch, output, RetentionConfig.DEFAULT, DedupConfig.DEFAULT, feeds);
    }
}
