package org.feedmerge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.feedmerge.config.ConfigLoader;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.PollReport;
import org.feedmerge.poll.PollRound;

/**
 * The poll benchmark, in process, through the daemon's real path: the bench config is loaded by
 * {@link ConfigLoader}, wired by the daemon's own {@code Pipeline}, and every feed polled by
 * {@link PollRound} (what {@code feedmerge poll} runs: FeedPoller → FeedFetcher → FeedParser →
 * EntryIdentity → FeedStore, {@code poll.threads} at a time). Quartz is not in the measured path:
 * it only decides when a feed's poll starts.
 *
 * <p>Each run: a fresh database; a cold cycle (every feed 200), a warm cycle (every feed 304), then
 * {@code --change-percent} of the farm gains items and a changed cycle; then {@code --extra-cycles}
 * more changed cycles (for growth at scale). Afterwards the same bytes are parsed bare (Rome, the
 * FeedParser alone, FeedParser + EntryIdentity) on the same thread count, for the overhead ratio.
 *
 * <p>Options: {@code --feeds 2000 --runs 3 --threads 4 --hosts <feeds> --seed S --change-percent 10
 * --warm-cycles 1 --extra-cycles 0 --baseline true --gzip false --out target/bench}.
 */
public final class PollBench {
    private final BenchArgs args;
    private final BenchReport report;
    private final int feeds;
    private final int threads;
    /** Each cycle's time window (epoch millis), for JfrHotMethods --from/--to. */
    private final StringBuilder windows = new StringBuilder();

    private PollBench(BenchArgs args) {
        this.args = args;
        this.feeds = args.integer("feeds", FeedFarm.DEFAULT_FEEDS);
        this.threads = args.integer("threads", 4);
        this.report = new BenchReport(Path.of(args.text("out", "target/bench"), "poll.md"));
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        BenchLogging.toFile(Path.of(args.text("out", "target/bench")));
        new PollBench(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        long seed = args.longValue("seed", FeedFarm.DEFAULT_SEED);
        report.machine("poll benchmark: " + feeds + " feeds, " + threads + " threads");
        try (FarmProcess farm = FarmProcess.start(feeds, seed, args.integer("hosts", feeds), args.flag("gzip"))) {
            report.line("farm: %s, %d loopback addresses", farm.description(), farm.addresses().hosts());
            Path dir = Path.of(args.text("out", "target/bench"), "poll-" + feeds);
            Path database = dir.resolve("feedmerge.db");
            Path configFile = BenchConfigFile.write(dir, database, farm.urls(), threads, 0);
            FeedmergeConfig config = new ConfigLoader().load(configFile);
            List<List<CycleResult>> runs = new ArrayList<>();
            for (int run = 1; run <= args.integer("runs", 3); run++) {
                runs.add(oneRun(run, farm, config, database));
            }
            summarize(runs);
            if (args.text("baseline", "true").equals("true")) {
                baseline(runs, seed, farm.addresses());
            }
        }
    }

    private List<CycleResult> oneRun(int run, FarmProcess farm, FeedmergeConfig config, Path database)
            throws Exception {
        farm.restore();
        deleteDatabase(database);
        List<CycleResult> cycles = new ArrayList<>();
        try (RealPipeline pipeline = RealPipeline.open(config, Clock.systemUTC())) {
            long start = System.nanoTime();
            List<FeedSubscription> subscriptions = pipeline.register(config.feeds(), config.poll().defaultInterval());
            report.line("%nrun %d: registered %d feeds in %.2f s; load average %s", run, subscriptions.size(),
                    (System.nanoTime() - start) / 1e9, ProcessProbe.loadAverage());
            report.line(CycleResult.header());
            PollRound round = new PollRound(pipeline.poller(), config.poll().threads());
            cycles.add(cycle("cold", round, subscriptions, farm, database));
            for (int warm = 1; warm <= args.integer("warm-cycles", 1); warm++) {
                cycles.add(cycle(warm == 1 ? "warm" : "warm-" + warm, round, subscriptions, farm, database));
            }
            int percent = args.integer("change-percent", 10);
            for (int change = 1; change <= 1 + args.integer("extra-cycles", 0); change++) {
                farm.change(change, percent);
                cycles.add(cycle(change == 1 ? "changed" : "changed-" + change, round, subscriptions, farm, database));
            }
        }
        report.line("<!-- windows:%s -->", windows);
        windows.setLength(0);
        return cycles;
    }

    private CycleResult cycle(String name, PollRound round, List<FeedSubscription> subscriptions, FarmProcess farm,
            Path database) throws Exception {
        ProcessProbe.heapAfterGc();
        Thread.sleep(300);
        farm.resetStats();
        long farmCpuBefore = farm.stats().get("cpuMillis");
        List<PollReport> reports;
        double wall;
        double cpu;
        long peakHeap;
        long written;
        long startMillis = System.currentTimeMillis();
        try (ProcessProbe probe = ProcessProbe.start()) {
            long start = System.nanoTime();
            reports = round.pollAll(subscriptions);
            wall = (System.nanoTime() - start) / 1e9;
            cpu = probe.cpuSeconds();
            peakHeap = probe.peakHeapBytes();
            written = probe.bytesWrittenSinceStart();
        }
        windows.append(String.format(" %s=%d-%d", name, startMillis, System.currentTimeMillis()));
        long peakRss = ProcessProbe.peakRssBytes();
        Map<String, Long> farmStats = farm.stats();
        CycleResult result = CycleResult.of(name, reports, wall, farmStats.get("bytes"), cpu,
                (farmStats.get("cpuMillis") - farmCpuBefore) / 1e3, peakHeap, peakRss, ProcessProbe.heapAfterGc(),
                databaseBytes(database), written);
        report.line(result.row());
        return result;
    }

    private void summarize(List<List<CycleResult>> runs) {
        report.line("%nmedians over %d runs:", runs.size());
        report.line(CycleResult.header());
        for (int c = 0; c < runs.get(0).size(); c++) {
            int cycle = c;
            List<CycleResult> same = runs.stream().map(r -> r.get(cycle)).toList();
            report.line(median(same).row());
        }
    }

    /** A row whose every figure is the median of that figure over the runs. */
    private static CycleResult median(List<CycleResult> results) {
        CycleResult first = results.get(0);
        return new CycleResult(first.name(), first.feeds(), m(results, CycleResult::wallSeconds),
                (int) m(results, CycleResult::ok), (int) m(results, CycleResult::notModified),
                (int) m(results, CycleResult::failed), (int) m(results, CycleResult::added),
                (long) m(results, r -> r.bytes()), m(results, CycleResult::p50Millis), m(results, CycleResult::p99Millis),
                m(results, CycleResult::cpuSeconds), m(results, CycleResult::farmCpuSeconds),
                (long) m(results, r -> r.peakHeapBytes()), (long) m(results, r -> r.peakRssBytes()),
                (long) m(results, r -> r.heapAfterGcBytes()), (long) m(results, r -> r.databaseBytes()),
                (long) m(results, r -> r.writtenBytes()));
    }

    private static double m(List<CycleResult> results, ToDoubleFunction<CycleResult> figure) {
        return Stats.median(results.stream().map(figure::applyAsDouble).toList());
    }

    private void baseline(List<List<CycleResult>> runs, long seed, FarmAddresses addresses) throws Exception {
        List<ParseBaseline.Doc> docs = ParseBaseline.documents(feeds, seed, addresses);
        long bytes = docs.stream().mapToLong(d -> d.body().length).sum();
        report.line("%nbaseline: the same %.1f MB parsed on %d threads (1 warm-up pass, then %d passes; medians); "
                + "STORE_ONLY records the parsed entries into a fresh database (parsing not timed)",
                bytes / 1e6, threads, runs.size());
        report.line("| stage | wall s | MB/s | entries | CPU s |\n|---|---:|---:|---:|---:|");
        Map<ParseBaseline.Stage, Double> wall = new EnumMap<>(ParseBaseline.Stage.class);
        for (ParseBaseline.Stage stage : ParseBaseline.Stage.values()) {
            Path scratch = Path.of(args.text("out", "target/bench"));
            ParseBaseline.run(stage, docs, threads, scratch);
            List<ParseBaseline.Pass> passes = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                passes.add(ParseBaseline.run(stage, docs, threads, scratch));
            }
            double seconds = Stats.median(passes.stream().map(ParseBaseline.Pass::wallSeconds).toList());
            wall.put(stage, seconds);
            report.line("| %s | %.2f | %.1f | %d | %.2f |", stage, seconds, bytes / 1e6 / seconds,
                    passes.get(0).entries(), Stats.median(passes.stream().map(ParseBaseline.Pass::cpuSeconds).toList()));
        }
        double cold = Stats.median(runs.stream().map(r -> r.get(0).wallSeconds()).toList());
        report.line("%npipeline cold cycle vs bare Rome: throughput ratio %.2f (target >= 0.60); "
                + "vs FeedParser alone %.2f; vs FeedParser + EntryIdentity %.2f",
                wall.get(ParseBaseline.Stage.BARE_ROME) / cold, wall.get(ParseBaseline.Stage.FEED_PARSER) / cold,
                wall.get(ParseBaseline.Stage.PARSER_AND_IDENTITY) / cold);
        if (runs.size() > 1) {
            // The baseline's passes come after a warm-up pass (and after the runs, in a warm JVM); the
            // like-for-like comparison leaves out the pipeline's first run, its warm-up.
            double warmed = Stats.median(runs.subList(1, runs.size()).stream()
                    .map(r -> r.get(0).wallSeconds()).toList());
            report.line("after the first run (the pipeline's warm-up, as the baseline has one): cold cycle median "
                    + "%.2f s, throughput ratio vs bare Rome %.2f (target >= 0.60)", warmed,
                    wall.get(ParseBaseline.Stage.BARE_ROME) / warmed);
        }
    }

    private static void deleteDatabase(Path database) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
    }

    static long databaseBytes(Path database) throws IOException {
        long total = 0;
        for (String suffix : List.of("", "-wal")) {
            Path file = Path.of(database + suffix);
            if (Files.exists(file)) {
                total += Files.size(file);
            }
        }
        return total;
    }
}
