package org.feedmerge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.feedmerge.config.WinnerRule;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.store.Database;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.NewEntry;
import org.feedmerge.store.PollRecord;
import org.feedmerge.store.PollStatus;
import org.feedmerge.store.StoryRules;

/**
 * Ingest into the store alone, with and without cross-feed deduplication, on the same data in the
 * same process (issue 4: "report items/s with and without it"). The farm's documents are parsed
 * and identified once, untimed; then each pass records every feed's entries as a 200 poll into a
 * fresh database through {@link FeedStore#recordPoll}, on the daemon's thread count, exactly as a
 * cold cycle does after parsing. Passes alternate between the two modes after one warm-up pass of
 * each, so machine noise falls on both alike; the report gives medians and the ratio.
 *
 * <p>{@code mvn -B -q -Pbench verify -Dbench=ingest -Dbench.args="--feeds 2000 --runs 3"}
 */
final class IngestBench {

    enum Mode { DEDUP_OFF, DEDUP_ON }

    record Pass(Mode mode, double wallSeconds, double cpuSeconds, long added, long writtenBytes, long databaseBytes) {
    }

    private IngestBench() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        int feeds = args.integer("feeds", 2000);
        int runs = args.integer("runs", 3);
        int threads = args.integer("threads", 4);
        Path out = Path.of(args.text("out", "target/bench"));
        BenchReport report = new BenchReport(out.resolve("ingest.md"));
        report.machine("ingest benchmark: " + feeds + " feeds, " + threads + " threads");

        List<ParseBaseline.Doc> docs = ParseBaseline.documents(feeds, args.integer("seed", 20250601),
                new FarmAddresses(feeds, 8080));
        List<List<NewEntry>> prepared = prepare(docs);
        long items = prepared.stream().mapToLong(List::size).sum();
        report.line("prepared %d entries of %d feeds (parsed and identified, not timed)", items, feeds);

        report.line("| pass | mode | wall s | CPU s | added | items/s | written MB | DB MB |");
        report.line("|---|---|---:|---:|---:|---:|---:|---:|");
        Map<Mode, List<Pass>> passes = new EnumMap<>(Mode.class);
        List<Mode> modes = Arrays.stream(args.text("modes", "DEDUP_OFF,DEDUP_ON").split(",")).map(Mode::valueOf)
                .toList();
        for (int run = 0; run <= runs; run++) {
            for (Mode mode : modes) {
                Pass pass = ingest(mode, docs, prepared, threads, out);
                report.line("| %s | %s | %.2f | %.2f | %d | %.0f | %.0f | %.1f |", run == 0 ? "warm-up" : run, mode,
                        pass.wallSeconds(), pass.cpuSeconds(), pass.added(), pass.added() / pass.wallSeconds(),
                        pass.writtenBytes() / 1e6, pass.databaseBytes() / 1e6);
                if (run > 0) {
                    passes.computeIfAbsent(mode, m -> new ArrayList<>()).add(pass);
                }
            }
        }
        if (modes.size() < Mode.values().length) {
            return;
        }
        double offWall = median(passes.get(Mode.DEDUP_OFF), Pass::wallSeconds);
        double onWall = median(passes.get(Mode.DEDUP_ON), Pass::wallSeconds);
        double offCpu = median(passes.get(Mode.DEDUP_OFF), Pass::cpuSeconds);
        double onCpu = median(passes.get(Mode.DEDUP_ON), Pass::cpuSeconds);
        report.line("%nmedians of %d runs: dedup off %.2f s wall, %.2f s CPU, %.0f items/s; "
                + "dedup on %.2f s wall, %.2f s CPU, %.0f items/s; dedup on / off: wall %.2f, CPU %.2f",
                runs, offWall, offCpu, items / offWall, onWall, onCpu, items / onWall, onWall / offWall, onCpu / offCpu);
    }

    static List<List<NewEntry>> prepare(List<ParseBaseline.Doc> docs) throws Exception {
        FeedParser parser = new FeedParser();
        EntryIdentity identity = new EntryIdentity();
        List<List<NewEntry>> prepared = new ArrayList<>(docs.size());
        for (ParseBaseline.Doc doc : docs) {
            prepared.add(identity.identify(parser.parse(doc.body(), doc.contentType(), doc.url()).entries()).stream()
                    .map(ParseBaseline::toNewEntry).toList());
        }
        return prepared;
    }

    static Pass ingest(Mode mode, List<ParseBaseline.Doc> docs, List<List<NewEntry>> prepared, int threads,
            Path out) throws Exception {
        Path file = out.resolve("ingest.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        StoryRules rules = new StoryRules(mode == Mode.DEDUP_ON, WinnerRule.ORIGINAL_THEN_EARLIEST, false);
        AtomicLong added = new AtomicLong();
        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database, rules);
            List<Long> ids = new ArrayList<>(docs.size());
            for (ParseBaseline.Doc doc : docs) {
                ids.add(feeds.register(doc.url(), null).id());
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                long written = ProcessProbe.bytesWritten();
                long cpu = ProcessProbe.processCpuNanos();
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>(docs.size());
                for (int i = 0; i < docs.size(); i++) {
                    int feed = i;
                    futures.add(pool.submit(() -> {
                        Instant now = Instant.now();
                        PollRecord poll = new PollRecord(now, PollStatus.OK, 200, null, "\"e\"", null,
                                now.plusSeconds(1800), "title", null);
                        added.addAndGet(feeds.recordPoll(ids.get(feed), poll, prepared.get(feed)).added());
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
                database.close(); // timed: it moves what is still buffered into the anchor index
                double wall = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (ProcessProbe.processCpuNanos() - cpu) / 1e9;
                long writtenBytes = ProcessProbe.bytesWritten() - written;
                return new Pass(mode, wall, cpuSeconds, added.get(), writtenBytes, PollBench.databaseBytes(file));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static double median(List<Pass> passes, ToDoubleFunction<Pass> figure) {
        return Stats.median(passes.stream().map(figure::applyAsDouble).toList());
    }
}
