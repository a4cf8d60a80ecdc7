package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Polls.T0;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FeedStoreConcurrencyTest {

    private static final int POLLERS = 4;
    private static final int POLLS_EACH = 50;
    private static final int ENTRIES_PER_POLL = 5;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void pollersOnDifferentFeedsAndAReaderRunTogetherWithoutBusyErrors() throws Exception {
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            FeedStore feeds = new FeedStore(database);
            EntryStore entries = new EntryStore(database);
            ExecutorService pool = Executors.newFixedThreadPool(POLLERS + 1);
            AtomicBoolean polling = new AtomicBoolean(true);
            try {
                List<Future<Integer>> pollers = new ArrayList<>();
                for (int p = 0; p < POLLERS; p++) {
                    long feedId = feeds.register(URI.create("https://feed" + p + ".test/rss"), null).id();
                    pollers.add(pool.submit(poller(feeds, feedId)));
                }
                Future<Integer> reader = pool.submit(reader(entries, polling));
                int added = 0;
                for (Future<Integer> poller : pollers) {
                    added += poller.get();
                }
                polling.set(false);

                assertThat(added).isEqualTo(POLLERS * POLLS_EACH * ENTRIES_PER_POLL);
                assertThat(entries.count()).isEqualTo(added);
                assertThat(reader.get()).isPositive();
                assertThat(feeds.all()).allSatisfy(row -> assertThat(row.lastChecked()).isNotNull());
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Each poll brings ENTRIES_PER_POLL new entries and repeats the previous poll's. */
    private static Callable<Integer> poller(FeedStore feeds, long feedId) {
        return () -> {
            int added = 0;
            List<NewEntry> previous = List.of();
            for (int poll = 0; poll < POLLS_EACH; poll++) {
                Instant now = T0.plus(Duration.ofMinutes(poll));
                List<NewEntry> document = new ArrayList<>(previous);
                List<NewEntry> fresh = new ArrayList<>();
                for (int i = 0; i < ENTRIES_PER_POLL; i++) {
                    fresh.add(Polls.entry(feedId + "-" + poll + "-" + i, "title " + poll + "-" + i, now));
                }
                document.addAll(0, fresh);
                StoreCounts counts = feeds.recordPoll(feedId, Polls.ok(now), document);
                assertThat(counts.unchanged()).isEqualTo(previous.size());
                added += counts.added();
                previous = fresh;
            }
            return added;
        };
    }

    private static Callable<Integer> reader(EntryStore entries, AtomicBoolean polling) {
        return () -> {
            int reads = 0;
            do {
                assertThat(entries.newest(50)).hasSizeLessThanOrEqualTo(50);
                reads++;
            } while (polling.get());
            return reads;
        };
    }
}
