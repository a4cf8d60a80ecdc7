package org.feedmerge.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.feedmerge.config.FeedConfig;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.poll.FeedPoller;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.NextPollPolicy;
import org.feedmerge.publish.MergedFeedPublisher;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.StoryRules;

/**
 * The stages wired together with {@code new}: database, stores, fetcher, parser, poller and
 * publisher. Shared by the daemon and the one-shot poll; owns the database and the HTTP client.
 */
final class Pipeline implements AutoCloseable {
    final Database database;
    final FeedStore feeds;
    final EntryStore entries;
    final FeedFetcher fetcher;
    final MergedFeedPublisher publisher;
    final FeedPoller poller;

    private Pipeline(FeedmergeConfig config, Clock clock) {
        this.database = Database.open(config.storage().databasePath());
        try {
            StoryRules rules = StoryRules.of(config.dedup(), config.output());
            this.feeds = new FeedStore(database, rules);
            this.entries = new EntryStore(database, rules);
            this.fetcher = new FeedFetcher(config.fetch());
            this.publisher = new MergedFeedPublisher(config.output(), entries::newest, clock);
            this.poller = new FeedPoller(fetcher, new FeedParser(), new EntryIdentity(), feeds,
                    new NextPollPolicy(config.poll().maxBackoff()), clock, publisher::invalidate);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static Pipeline open(FeedmergeConfig config, Clock clock) {
        return new Pipeline(config, clock);
    }

    /** Registers each configured feed (insert or update its row) and returns what to poll. */
    List<FeedSubscription> register(List<FeedConfig> configured, Duration defaultInterval) {
        List<FeedSubscription> subscriptions = new ArrayList<>(configured.size());
        for (int position = 0; position < configured.size(); position++) {
            FeedConfig feed = configured.get(position);
            FeedRow row = feeds.register(feed.url(), feed.title());
            feeds.configure(row.id(), feed.original(), position);
            subscriptions.add(new FeedSubscription(row.id(), feed.url(), feed.intervalOr(defaultInterval)));
        }
        return subscriptions;
    }

    @Override
    public void close() {
        fetcher.close();
        database.close();
    }
}
