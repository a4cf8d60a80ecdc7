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

    /**
     * Opens the database, binds the endpoint, schedules every configured feed that is not retired
     * and starts polling.
     */
    public static Daemon start(FeedmergeConfig config, Clock clock) {
        Pipeline pipeline = Pipeline.open(config, clock);
        PollScheduler scheduler = null;
        try {
            List<FeedSubscription> feeds = pipeline.register(config.feeds(), config.poll().defaultInterval());
            FeedEndpoint endpoint = FeedEndpoint.start(config.server(), pipeline.publisher,
                    () -> StatusReport.of(pipeline.feeds, config.feeds()));
            scheduler = new PollScheduler(config.poll(), pipeline.poller, clock);
            int scheduled = schedule(pipeline, scheduler, feeds, config, clock);
            scheduler.start();
            LOG.info("feedmerge started: {} feeds ({} retired), serving http://{}:{}/feed.xml and /feed.atom",
                    feeds.size(), feeds.size() - scheduled, endpoint.address().getHostString(),
                    endpoint.address().getPort());
            return new Daemon(pipeline, scheduler, endpoint);
        } catch (RuntimeException e) {
            if (scheduler != null) {
                scheduler.close();
            }
            pipeline.close();
            throw e;
        }
    }

    /** Books each feed's first poll; a retired feed (410 Gone) stays unscheduled across restarts. */
    private static int schedule(Pipeline pipeline, PollScheduler scheduler, List<FeedSubscription> feeds,
            FeedmergeConfig config, Clock clock) {
        FirstPollPlanner planner = new FirstPollPlanner(config.poll().startupSpread(), new SplittableRandom());
        Instant now = clock.instant();
        int scheduled = 0;
        for (FeedSubscription feed : feeds) {
            FeedRow row = pipeline.feeds.find(feed.feedId()).orElseThrow();
            if (row.retired()) {
                LOG.info("feed={} retired on {} (410 Gone): not polled; edit its config entry to try again",
                        feed.url(), row.retiredAt());
                continue;
            }
            scheduler.schedule(feed, planner.firstPoll(now, row.nextPoll(), row.nextPollRule(), feed.interval()));
            scheduled++;
        }
        return scheduled;
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
