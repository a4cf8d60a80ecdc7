package org.feedmerge.cli;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.feedmerge.config.FeedConfig;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.config.PollConfig;
import org.feedmerge.poll.FirstPollPlanner;
import org.feedmerge.poll.PollTally;
import org.feedmerge.publish.FeedEndpoint;
import org.feedmerge.schedule.PollScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: scheduler polling every configured feed, endpoint serving the merged feed.
 * {@link #close()} shuts down in dependency order: stop scheduling and let polls finish within the
 * grace, close the endpoint, then the HTTP client and the database.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** Retention runs daily, first a while after start so it never competes with the first polls. */
    private static final Duration RETENTION_FIRST_RUN = Duration.ofMinutes(15);
    /**
     * Every hour one INFO line says what the polls did ({@link PollTally}): a poll that brings
     * nothing is logged at DEBUG, so this is what shows that polling goes on.
     */
    private static final Duration SUMMARY_PERIOD = Duration.ofHours(1);

    private final Pipeline pipeline;
    private final PollScheduler scheduler;
    private final FeedEndpoint endpoint;
    private final FeedRoster roster;
    /** The feeds /status.json reports on: the config in force. */
    private final AtomicReference<List<FeedConfig>> configuredFeeds;
    private FeedmergeConfig config;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Daemon(Pipeline pipeline, PollScheduler scheduler, FeedEndpoint endpoint, FeedRoster roster,
            FeedmergeConfig config, AtomicReference<List<FeedConfig>> configuredFeeds, Clock clock) {
        this.clock = clock;
        this.configuredFeeds = configuredFeeds;
        this.pipeline = pipeline;
        this.scheduler = scheduler;
        this.endpoint = endpoint;
        this.roster = roster;
        this.config = config;
    }

    /**
     * Opens the database, binds the endpoint, schedules every configured feed that is not retired
     * and starts polling.
     */
    public static Daemon start(FeedmergeConfig config, Clock clock) {
        Pipeline pipeline = Pipeline.open(config, clock);
        PollScheduler scheduler = null;
        try {
            AtomicReference<List<FeedConfig>> configured = new AtomicReference<>(config.feeds());
            FeedEndpoint endpoint = FeedEndpoint.start(config.server(), pipeline.publisher,
                    () -> StatusReport.of(pipeline.database, pipeline.feeds, pipeline.entries, configured.get()));
            scheduler = new PollScheduler(config.poll(), pipeline.poller, clock);
            FirstPollPlanner planner = new FirstPollPlanner(config.poll().startupSpread(), new SplittableRandom());
            FeedRoster roster = new FeedRoster(pipeline, scheduler, planner, clock);
            roster.apply(config.feeds(), config.poll().defaultInterval());
            scheduler.scheduleMaintenance("retention", clock.instant().plus(RETENTION_FIRST_RUN), Duration.ofDays(1),
                    pipeline::runRetention);
            PollTally tally = scheduler.tally();
            scheduler.scheduleMaintenance("poll-summary", clock.instant().plus(SUMMARY_PERIOD), SUMMARY_PERIOD,
                    () -> LOG.info("{}", tally.drain(clock.instant()).line()));
            scheduler.start();
            LOG.info("feedmerge started: {} feeds, serving http://{}:{}/feed.xml and /feed.atom",
                    roster.size(), endpoint.address().getHostString(), endpoint.address().getPort());
            return new Daemon(pipeline, scheduler, endpoint, roster, config, configured, clock);
        } catch (RuntimeException e) {
            if (scheduler != null) {
                scheduler.close();
            }
            pipeline.close();
            throw e;
        }
    }

    /**
     * Applies a new, already validated config while running: feeds added to the list are
     * scheduled, removed ones unscheduled, changed ones rescheduled. Settings that are bound at
     * start (server, storage, poll threads, fetch, output) are kept, with a warning naming them.
     */
    public synchronized void reconfigure(FeedmergeConfig next) {
        FeedRoster.Change change = roster.apply(next.feeds(), next.poll().defaultInterval());
        LOG.info("config reloaded: {} feeds added, {} removed, {} rescheduled; {} feeds scheduled",
                change.added().size(), change.removed().size(), change.rescheduled().size(), roster.size());
        List<String> needRestart = sectionsNeedingRestart(config, next);
        if (!needRestart.isEmpty()) {
            LOG.warn("config reloaded, but changes to {} take effect only after a restart", needRestart);
        }
        config = next;
        configuredFeeds.set(next.feeds());
    }

    private static List<String> sectionsNeedingRestart(FeedmergeConfig current, FeedmergeConfig next) {
        List<String> sections = new ArrayList<>();
        addIfChanged(sections, "server", current.server(), next.server());
        addIfChanged(sections, "storage", current.storage(), next.storage());
        addIfChanged(sections, "fetch", current.fetch(), next.fetch());
        addIfChanged(sections, "output", current.output(), next.output());
        addIfChanged(sections, "retention", current.retention(), next.retention());
        addIfChanged(sections, "dedup", current.dedup(), next.dedup());
        // The default interval applies through the roster; the rest of poll is bound at start.
        if (!current.poll().equals(next.poll()) && !sameExceptInterval(current, next)) {
            sections.add("poll");
        }
        return sections;
    }

    private static boolean sameExceptInterval(FeedmergeConfig current, FeedmergeConfig next) {
        PollConfig a = current.poll();
        PollConfig b = next.poll();
        return a.threads() == b.threads() && a.shutdownGrace().equals(b.shutdownGrace())
                && a.startupSpread().equals(b.startupSpread()) && a.minInterval().equals(b.minInterval())
                && a.maxInterval().equals(b.maxInterval()) && a.maxBackoff().equals(b.maxBackoff());
    }

    private static void addIfChanged(List<String> sections, String name, Object current, Object next) {
        if (!current.equals(next)) {
            sections.add(name);
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
            LOG.info("{}", scheduler.tally().drain(clock.instant()).line());
            endpoint.close();
            pipeline.close();
            LOG.info("feedmerge stopped");
        } finally {
            stopped.countDown();
        }
    }
}
