package org.feedmerge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.feedmerge.config.OutputConfig;
import org.feedmerge.config.ServerConfig;
import org.feedmerge.publish.FeedEndpoint;
import org.feedmerge.publish.MergedFeedPublisher;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.NewEntry;
import org.feedmerge.store.PollRecord;
import org.feedmerge.store.PollStatus;

/**
 * The store at scale: fills a database with farm entries through the real store API
 * ({@link FeedStore#recordPoll}, batches of {@code --batch} entries per transaction, {@code
 * --feeds} feeds) up to {@code --entries} (default 1,000,000), and at each tenfold step measures
 * what must stay fast as it grows: the newest-100 query ({@link EntryStore#newest}), a full
 * re-render of the merged feed served by the real endpoint, and the dedup lookups of a poll
 * (re-recording a feed's 30 known entries: one key lookup each; and 5 new ones: key and public-id
 * lookups plus inserts). Each figure is the median of {@code --repeat} tries.
 *
 * <p>Options: {@code --entries 1000000 --feeds 2000 --batch 100 --repeat 15 --out target/bench}.
 */
public final class StoreBench {
    private StoreBench() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        Path out = Path.of(args.text("out", "target/bench"));
        BenchLogging.toFile(out);
        BenchReport report = new BenchReport(out.resolve("store.md"));
        int total = args.integer("entries", 1_000_000);
        int feeds = args.integer("feeds", 2_000);
        int batch = args.integer("batch", 100);
        int repeat = args.integer("repeat", 15);
        report.machine("store benchmark: up to " + total + " entries in " + feeds + " feeds, " + batch + " per transaction");
        Path database = out.resolve("store").resolve("feedmerge.db");
        Files.createDirectories(database.getParent());
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
        try (Database db = Database.open(database)) {
            FeedStore feedStore = new FeedStore(db);
            EntryStore entries = new EntryStore(db);
            MergedFeedPublisher publisher = new MergedFeedPublisher(
                    new OutputConfig("bench", URI.create("http://127.0.0.1/"), "bench", 100), entries::newest,
                    Clock.systemUTC());
            try (FeedEndpoint endpoint = FeedEndpoint.start(new ServerConfig("127.0.0.1", 0), publisher)) {
                URI feed = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + "/feed.xml");
                report.line("%n| entries | fill entries/s (last step) | DB MB | newest(100) ms | render+GET ms | "
                        + "re-record 30 known ms | record 5 new ms |\n|---:|---:|---:|---:|---:|---:|---:|");
                fill(report, new BenchStore(feedStore, FeedFarm.DEFAULT_SEED), total, feeds, batch, database,
                        entries, publisher, feed, feedStore, repeat);
            }
        }
        System.exit(0);
    }

    private static void fill(BenchReport report, BenchStore store, int total, int feeds, int batch, Path database,
            EntryStore entries, MergedFeedPublisher publisher, URI feed, FeedStore feedStore, int repeat)
            throws Exception {
        int perFeed = Math.max(1, total / feeds);
        int written = 0;
        int nextCheckpoint = 10_000;
        long stepStart = System.nanoTime();
        int stepEntries = 0;
        for (int first = 0; first < perFeed && written < total; first += batch) {
            for (int f = 0; f < feeds && written < total; f++) {
                int size = Math.min(batch, Math.min(perFeed - first, total - written));
                written += store.record(f, first, size).added();
                stepEntries += size;
                if (written >= nextCheckpoint || written >= total) {
                    double rate = stepEntries / ((System.nanoTime() - stepStart) / 1e9);
                    checkpoint(report, written, rate, database, entries, publisher, feed, feedStore, repeat);
                    nextCheckpoint *= 10;
                    stepStart = System.nanoTime();
                    stepEntries = 0;
                }
            }
        }
    }

    private static void checkpoint(BenchReport report, int written, double rate, Path database, EntryStore entries,
            MergedFeedPublisher publisher, URI feed, FeedStore feedStore, int repeat) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        double newest = medianMillis(repeat, () -> entries.newest(100).size());
        double render = medianMillis(repeat, () -> {
            publisher.invalidate();
            return client.send(HttpRequest.newBuilder(feed).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        });
        // The last feed written holds entries 0..n; re-recording its 30 newest touches only known keys.
        long feedId = feedStore.register(URI.create("https://site0.example/feed"), null).id();
        List<NewEntry> known = IntStream.range(0, 30).mapToObj(i -> BenchStore.entry(
                FarmItem.of(FeedFarm.DEFAULT_SEED, FeedProfile.of(FeedFarm.DEFAULT_SEED, 0), i))).toList();
        double reRecord = medianMillis(repeat, () -> feedStore.recordPoll(feedId, poll(), known).unchanged());
        int[] next = {1_000_000 + written};
        double insert = medianMillis(repeat, () -> {
            List<NewEntry> fresh = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fresh.add(BenchStore.entry(FarmItem.of(FeedFarm.DEFAULT_SEED,
                        FeedProfile.of(FeedFarm.DEFAULT_SEED, 0), next[0]++)));
            }
            return feedStore.recordPoll(feedId, poll(), fresh).added();
        });
        report.line("| %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f |", written, rate,
                PollBench.databaseBytes(database) / 1e6, newest, render, reRecord, insert);
    }

    private static PollRecord poll() {
        Instant now = Instant.now();
        return new PollRecord(now, PollStatus.OK, 200, null, "\"v2\"", null, now.plus(Duration.ofMinutes(30)), null, null);
    }

    private static double medianMillis(int repeat, Callable<?> work) throws Exception {
        work.call(); // first touch: caches and JIT
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            work.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return Stats.median(millis);
    }
}
