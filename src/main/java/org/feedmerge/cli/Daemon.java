package org.feedmerge.cli;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.FirstPollPlanner;
import org.feedmerge.publish.FeedEndpoint;
import org.feedmerge.schedule.PollScheduler;
import org.feedmerge.store.FeedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: scheduler polling every configured feed, endpoint serving the merged feed.
 * {@link #close()} shuts down in dependency order: stop scheduling and let polls finish within the
 * grace, close the endpoint, then the HTTP client and the database.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Pipeline pipeline;
    private final PollScheduler scheduler;
    private final FeedEndpoint endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Daemon(Pipeline pipeline, PollScheduler scheduler, FeedEndpoint endpoint) {
        this.pipeline = pipeline;
        this.scheduler = scheduler;
        this.endpoint = endpoint;
    }

    /** Opens the database, binds the endpoint, schedules every feed and starts polling. */
    public static Daemon start(FeedmergeConfig config, Clock clock) {
        Pipeline pipeline = Pipeline.open(config, clock);
        PollScheduler scheduler = null;
        try {
            List<FeedSubscription> feeds = pipeline.register(config.feeds(), config.poll().defaultInterval());
            FeedEndpoint endpoint = FeedEndpoint.start(config.server(), pipeline.publisher);
            scheduler = new PollScheduler(config.poll(), pipeline.poller, clock);
            FirstPollPlanner planner = new FirstPollPlanner(config.poll().startupSpread(), new SplittableRandom());
            Instant now = clock.instant();
            for (FeedSubscription feed : feeds) {
                Instant stored = pipeline.feeds.find(feed.feedId()).map(FeedRow::nextPoll).orElse(null);
                scheduler.schedule(feed, planner.firstPoll(now, stored, feed.interval()));
            }
            scheduler.start();
            LOG.info("feedmerge started: {} feeds, serving http://{}:{}/feed.xml and /feed.atom",
                    feeds.size(), endpoint.address().getHostString(), endpoint.address().getPort());
            return new Daemon(pipeline, scheduler, endpoint);
        } catch (RuntimeException e) {
            if (scheduler != null) {
                scheduler.close();
            }
            pipeline.close();
            throw e;
        }
    }

    /** Where the merged feed is served. */
    public InetSocketAddress address() {
        return endpoint.address();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops everything once, in order; safe to call from a shutdown hook and again. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("feedmerge stopping");
        try {
            scheduler.close();
            endpoint.close();
            pipeline.close();
            LOG.info("feedmerge stopped");
        } finally {
            stopped.countDown();
        }
    }
}
