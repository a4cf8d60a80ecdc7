package org.feedmerge.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pass over a list of feeds on a bounded pool, then done: the one-shot mode for cron and
 * systemd timers. Each feed is polled once. A feed postponed by its host's spacing or connection
 * limit is retried on the round's own thread once its slot comes (the round has nothing better to
 * do); one whose host asked for a longer wait than {@link #MAX_WAIT} is left postponed.
 */
public final class PollRound {
    /** The longest a round waits for a postponed feed. */
    static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private final FeedPoller poller;
    private final int threads;
    private final Clock clock;
    private final Sleeper sleeper;

    public PollRound(FeedPoller poller, int threads) {
        this(poller, threads, Clock.systemUTC(), Sleeper.THREAD);
    }

    public PollRound(FeedPoller poller, int threads, Clock clock, Sleeper sleeper) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.poller = Objects.requireNonNull(poller, "poller");
        this.threads = threads;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Polls every feed once, concurrently up to the thread count; reports in input order. */
    public List<PollReport> pollAll(List<FeedSubscription> feeds) throws InterruptedException {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, feeds.size())), task -> {
            Thread thread = new Thread(task, "feedmerge-poll-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PollReport>> futures = new ArrayList<>(feeds.size());
            for (FeedSubscription feed : feeds) {
                futures.add(pool.submit(() -> pollOnce(feed)));
            }
            List<PollReport> reports = new ArrayList<>(feeds.size());
            for (Future<PollReport> future : futures) {
                reports.add(await(future));
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private PollReport pollOnce(FeedSubscription feed) throws InterruptedException {
        PollReport report = poller.poll(feed);
        while (report.postponed()) {
            Duration wait = Duration.between(clock.instant(), report.nextPoll());
            if (wait.compareTo(MAX_WAIT) > 0) {
                return report;
            }
            if (!wait.isNegative()) {
                sleeper.sleep(wait);
            }
            report = poller.poll(feed);
        }
        return report;
    }

    private static PollReport await(Future<PollReport> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Only the database failing escapes a poll; that is fatal for a one-shot run.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
