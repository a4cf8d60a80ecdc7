package org.feedmerge.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pass over a list of feeds on a bounded pool, then done: the one-shot mode for cron and
 * systemd timers. Each feed is polled exactly once.
 */
public final class PollRound {
    private final FeedPoller poller;
    private final int threads;

    public PollRound(FeedPoller poller, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.poller = poller;
        this.threads = threads;
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
                futures.add(pool.submit(() -> poller.poll(feed)));
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
