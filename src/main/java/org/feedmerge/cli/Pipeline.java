package org.feedmerge.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.feedmerge.config.FeedConfig;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.config.FetchConfig;
import org.feedmerge.config.PollConfig;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.poll.FeedPoller;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.HostGate;
import org.feedmerge.poll.NetworkWatch;
import org.feedmerge.poll.NextPollPolicy;
import org.feedmerge.poll.Sleeper;
import org.feedmerge.publish.MergedFeedPublisher;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.Retention;
import org.feedmerge.store.RetentionReport;
import org.feedmerge.store.StoryRules;
import org.feedmerge.store.WriterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages wired together with {@code new}: database, stores, fetcher, parser, politeness
 * (policy, host gate, network watch), poller and publisher. Shared by the daemon and the one-shot
 * poll; owns the database and the HTTP client.
 */
final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** Held while the pipeline is open: no other process writes the database meanwhile. */
    private final WriterLock lock;
    final Database database;
    final FeedStore feeds;
    final EntryStore entries;
    final FeedFetcher fetcher;
    final MergedFeedPublisher publisher;
    final FeedPoller poller;
    private final Retention retention;
    private final Clock clock;

    /** The parts that need no database: built on a thread of their own while the database opens. */
    private record Network(FeedFetcher fetcher, FeedParser parser, EntryIdentity identity) {
    }

    private Pipeline(FeedmergeConfig config, Clock clock, WriterLock lock, Database database, Network network) {
        this.clock = clock;
        this.lock = lock;
        this.database = database;
        this.fetcher = network.fetcher();
        StoryRules rules = StoryRules.of(config.dedup(), config.output());
        this.feeds = new FeedStore(database, rules);
        this.entries = new EntryStore(database, rules);
        this.retention = new Retention(database, config.retention());
        this.publisher = new MergedFeedPublisher(config.output(), entries::newest, clock);
        this.poller = new FeedPoller(fetcher, network.parser(), network.identity(), feeds,
                policy(config.poll()), gate(config.fetch(), clock), new NetworkWatch(clock), clock,
                publisher::invalidate);
    }

    /** Deletes entries past the retention limits (leaving tombstones); re-renders if any went. */
    void runRetention() {
        RetentionReport report = retention.runOnce(clock.instant());
        if (report.deletedEntries()) {
            publisher.invalidate();
        }
        LOG.info("retention: {} entries expired, {} over the per-feed limit, {} tombstones expired, {} pages freed, ms={}",
                report.expired(), report.overLimit(), report.tombstonesExpired(), report.pagesFreed(), report.millis());
    }

    /**
     * Locks the database for this process ({@link WriterLock}; {@link WriterLock.Unavailable} when
     * another process writes it), opens it and builds the stages. The HTTP client, the parser and
     * the identity stage load and set up several hundred classes (OkHttp, Rome, Xerces, jsoup):
     * about 0.15 s of a one-shot poll's start, which a second thread does while this one opens and
     * migrates the database (docs/performance.md).
     */
    static Pipeline open(FeedmergeConfig config, Clock clock) {
        CompletableFuture<Network> network = CompletableFuture.supplyAsync(
                () -> new Network(new FeedFetcher(config.fetch(), clock), new FeedParser(), new EntryIdentity()),
                Pipeline::startDaemonThread);
        WriterLock lock;
        try {
            lock = WriterLock.acquire(config.storage().databasePath(), clock);
        } catch (RuntimeException e) {
            network.thenAccept(built -> built.fetcher().close());
            throw e;
        }
        Database database = null;
        try {
            database = Database.open(config.storage().databasePath());
            return new Pipeline(config, clock, lock, database, joined(network));
        } catch (RuntimeException e) {
            network.thenAccept(built -> built.fetcher().close());
            closeAfterFailure(database, lock, e);
            throw e;
        }
    }

    /** The database (if it opened), then the lock, keeping whatever they throw with {@code failure}. */
    private static void closeAfterFailure(Database database, WriterLock lock, RuntimeException failure) {
        try {
            if (database != null) {
                database.close();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            try {
                lock.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void startDaemonThread(Runnable work) {
        Thread thread = new Thread(work, "feedmerge-startup");
        thread.setDaemon(true);
        thread.start();
    }

    /** The built parts, or what building them threw (unchecked, as if built on this thread). */
    private static Network joined(CompletableFuture<Network> network) {
        try {
            return network.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** java.util.Random is safe for the poll workers to share. */
    private static NextPollPolicy policy(PollConfig poll) {
        return new NextPollPolicy(poll.minInterval(), poll.maxInterval(), poll.maxBackoff(), new Random());
    }

    private static HostGate gate(FetchConfig fetch, Clock clock) {
        return new HostGate(fetch.perHostConnections(), fetch.perHostSpacing(), clock, Sleeper.THREAD);
    }

    /**
     * Registers each configured feed (insert or update its row) and returns what to poll, retired
     * feeds included (callers skip them; status shows them). Feeds stored earlier but no longer
     * configured are unsubscribed: their entries leave the merged feed.
     */
    List<FeedSubscription> register(List<FeedConfig> configured, Duration defaultInterval) {
        List<FeedRow> rows = feeds.registerAll(configured.stream()
                .map(feed -> new FeedStore.Registration(feed.url(), feed.title(), fingerprint(feed), feed.original()))
                .toList());
        List<FeedSubscription> subscriptions = new ArrayList<>(configured.size());
        for (int position = 0; position < configured.size(); position++) {
            FeedConfig feed = configured.get(position);
            subscriptions.add(new FeedSubscription(rows.get(position).id(), feed.url(),
                    feed.intervalOr(defaultInterval)));
        }
        feeds.keepSubscribed(subscriptions.stream().map(FeedSubscription::feedId).toList());
        publisher.invalidate();
        return subscriptions;
    }

    /** The feeds that are not retired. */
    List<FeedSubscription> active(List<FeedSubscription> registered) {
        Set<Long> retired = feeds.all().stream().filter(FeedRow::retired).map(FeedRow::id)
                .collect(Collectors.toSet());
        return registered.stream().filter(s -> !retired.contains(s.feedId())).toList();
    }

    /**
     * Stands for the whole config entry: when any of it changes, the store forgets what feedmerge
     * learned about the feed on its own (retirement after 410, a move after permanent redirects).
     */
    static String fingerprint(FeedConfig feed) {
        return String.join("\n", feed.url().toString(), String.valueOf(feed.title()), String.valueOf(feed.interval()),
                String.join(",", feed.tags()), Boolean.toString(feed.original()));
    }

    /** The HTTP client, then the database, then (whatever they threw) the lock: it is the last to go. */
    @Override
    public void close() {
        try {
            fetcher.close();
        } finally {
            try {
                database.close();
            } finally {
                lock.close();
            }
        }
    }
}
