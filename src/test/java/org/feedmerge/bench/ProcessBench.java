package org.feedmerge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole-process benchmark: {@code java -jar target/feedmerge.jar poll --config <bench config>}
 * against the farm, JVM start included, timed from outside: with an empty database (cold), again
 * with the same database (warm, all 304), and after 10% of the farm changed. The child runs with
 * the JVM's default flags, as a cron job would; {@code /usr/bin/time}, when present, adds its CPU
 * time and peak RSS.
 *
 * <p>Options: {@code --feeds 2000 --runs 3 --threads 4 --jar target/feedmerge.jar --child-jvm "<flags>" --out target/bench
 * --dedup on|off|both --latency-ms 0}; {@code --dedup both} polls with cross-feed dedup on and off in turn, each
 * on its own database, and prints their ratios and new entries a second (issue 4); {@code --latency-ms} holds
 * every feed response that long ({@link FeedFarmServer}), as a remote server would;
 * {@code --child-jvm} passes JVM flags to the child, to try start-up remedies (e.g. AppCDS); several are
 * separated by ';', and {@code {cycle}} in them becomes cold, warm or changed (one JFR file per cycle).
 */
public final class ProcessBench {
    private static final Path TIME = Path.of("/usr/bin/time");

    private ProcessBench() {
    }

    /** One child run: wall time, the child's own CPU and peak RSS (when measurable), its summary line. */
    private record Child(double wallSeconds, double cpuSeconds, long maxRssKb, int exit, String summary) {
        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %d | %s |", name, wallSeconds,
                    cpuSeconds < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", cpuSeconds),
                    maxRssKb < 0 ? "n/a" : Long.toString(maxRssKb / 1024), exit, summary);
        }
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        Path out = Path.of(args.text("out", "target/bench"));
        BenchReport report = new BenchReport(out.resolve("process.md"));
        int feeds = args.integer("feeds", FeedFarm.DEFAULT_FEEDS);
        int latency = args.integer("latency-ms", 0);
        Path jar = Path.of(args.text("jar", "target/feedmerge.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B -q package -DskipTests)");
        }
        List<String> jvmFlags = args.has("child-jvm") ? List.of(args.text("child-jvm", "").trim().split("[\\s;]+")) : List.of();
        List<Boolean> crossFeed = crossFeed(args.text("dedup", System.getProperty("bench.crossFeed", "true")
                .equals("false") ? "off" : "on"));
        report.machine("whole-process poll: java " + String.join(" ", jvmFlags) + " -jar " + jar + " poll, " + feeds
                + " feeds, " + args.integer("threads", 4) + " poll threads, farm latency " + latency + " ms, dedup "
                + crossFeed.stream().map(Variant::nameFor).toList());
        try (FarmProcess farm = FarmProcess.start(feeds, args.longValue("seed", FeedFarm.DEFAULT_SEED), feeds, false,
                latency)) {
            report.line("farm: %s", farm.description());
            List<Variant> variants = new ArrayList<>();
            for (boolean on : crossFeed) {
                Path dir = out.resolve("process-" + feeds + (crossFeed.size() > 1 ? "-dedup-" + Variant.nameFor(on) : ""));
                variants.add(new Variant(Variant.nameFor(on), dir, BenchConfigFile.write(dir, dir.resolve("feedmerge.db"),
                        farm.urls(), args.integer("threads", 4), 0, on), new HashMap<>()));
            }
            report.line("%n| cycle | wall s | child CPU s | child peak RSS MB | exit | output |\n|---|---:|---:|---:|---:|---|");
            for (int run = 1; run <= args.integer("runs", 3); run++) {
                // Interleaved, so that both see the same moments of the machine; the order alternates,
                // so that neither always comes first (after the farm's restore, with its JIT warmer).
                List<Variant> order = new ArrayList<>(variants);
                if (run % 2 == 0) {
                    Collections.reverse(order);
                }
                for (Variant variant : order) {
                    farm.restore();
                    for (String suffix : List.of("", "-wal", "-shm")) {
                        Files.deleteIfExists(Path.of(variant.dir().resolve("feedmerge.db") + suffix));
                    }
                    String name = "run " + run + (variants.size() > 1 ? " dedup " + variant.name() : "");
                    for (String cycle : CYCLES) {
                        if (cycle.equals("changed")) {
                            farm.change(1, 10);
                        }
                        Child child = poll(jar, variant.config(), variant.dir(), forCycle(jvmFlags, cycle));
                        variant.runs().computeIfAbsent(cycle, c -> new ArrayList<>()).add(child);
                        report.line(child.row(name + " " + cycle));
                    }
                }
            }
            report.line("%nmedians over %d runs (load average %s):", args.integer("runs", 3), ProcessProbe.loadAverage());
            report.line("| cycle | wall s | child CPU s | child peak RSS MB | exit | output |\n|---|---:|---:|---:|---:|---|");
            for (Variant variant : variants) {
                for (String cycle : CYCLES) {
                    report.line(variant.median(cycle).row((variants.size() > 1 ? "dedup " + variant.name() + " " : "") + cycle));
                }
            }
            if (variants.size() == 2) {
                report.line("%ndedup on / off, medians (new entries a second: the cycle's new entries over its wall time):");
                report.line("| cycle | wall on/off | CPU on/off | new entries/s on | new entries/s off |\n|---|---:|---:|---:|---:|");
                for (String cycle : CYCLES) {
                    Child on = variants.get(0).median(cycle);
                    Child off = variants.get(1).median(cycle);
                    report.line(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %s |", cycle,
                            on.wallSeconds() / off.wallSeconds(), on.cpuSeconds() / off.cpuSeconds(),
                            perSecond(on), perSecond(off)));
                }
            }
        }
        System.exit(0);
    }

    private static final List<String> CYCLES = List.of("cold", "warm", "changed");
    private static final Pattern NEW_ENTRIES = Pattern.compile("(\\d+) new entries");

    /** One configuration polled in every run (cross-feed dedup on or off): its directory, config and results. */
    private record Variant(String name, Path dir, Path config, Map<String, List<Child>> runs) {

        static String nameFor(boolean crossFeed) {
            return crossFeed ? "on" : "off";
        }

        /** The medians of one cycle's runs, field by field; exit and output from the first run. */
        Child median(String cycle) {
            List<Child> same = runs.get(cycle);
            return new Child(Stats.median(same.stream().map(Child::wallSeconds).toList()),
                    Stats.median(same.stream().map(Child::cpuSeconds).toList()),
                    (long) Stats.median(same.stream().map(x -> (double) x.maxRssKb()).toList()),
                    same.get(0).exit(), same.get(0).summary());
        }
    }

    /** Cross-feed dedup in each variant, from {@code --dedup}. */
    private static List<Boolean> crossFeed(String dedup) {
        return switch (dedup) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(true, false);
            default -> throw new IllegalArgumentException("--dedup must be on, off or both, not " + dedup);
        };
    }

    /**
     * The child's new entries over its wall time, or "n/a" when its output does not say. For a
     * median, the count comes from the first run: every run of a cycle stores the same entries.
     */
    private static String perSecond(Child child) {
        Matcher matcher = NEW_ENTRIES.matcher(child.summary());
        return matcher.find() ? String.format(Locale.ROOT, "%.0f", Long.parseLong(matcher.group(1)) / child.wallSeconds())
                : "n/a";
    }

    /** The flags with {@code {cycle}} replaced by the cycle's name (e.g. one JFR file per cycle). */
    private static List<String> forCycle(List<String> jvmFlags, String cycle) {
        return jvmFlags.stream().map(flag -> flag.replace("{cycle}", cycle)).toList();
    }

    private static Child poll(Path jar, Path config, Path dir, List<String> jvmFlags)
            throws IOException, InterruptedException {
        Path timing = dir.resolve("time.txt");
        Files.deleteIfExists(timing);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            command.addAll(List.of(TIME.toString(), "-o", timing.toString(), "-f", "%U %S %M"));
        }
        command.add(FarmProcess.javaBinary());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "poll", "--config", config.toString()));
        Path output = dir.resolve("poll-output.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("feedmerge poll did not finish in 10 minutes");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String summary = lines.stream().filter(l -> l.startsWith("polled ")).findFirst()
                .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        double cpu = -1;
        long rss = -1;
        if (Files.exists(timing)) {
            String[] f = Files.readString(timing).trim().split("\\s+");
            if (f.length >= 3) {
                cpu = Double.parseDouble(f[f.length - 3]) + Double.parseDouble(f[f.length - 2]);
                rss = Long.parseLong(f[f.length - 1]);
            }
        }
        return new Child(wall, cpu, rss, process.exitValue(), summary);
    }
}
