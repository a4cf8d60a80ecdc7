package org.feedmerge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The whole-process benchmark: {@code java -jar target/feedmerge.jar poll --config <bench config>}
 * against the farm, JVM start included, timed from outside: with an empty database (cold), again
 * with the same database (warm, all 304), and after 10% of the farm changed. The child runs with
 * the JVM's default flags, as a cron job would; {@code /usr/bin/time}, when present, adds its CPU
 * time and peak RSS.
 *
 * <p>Options: {@code --feeds 2000 --runs 3 --threads 4 --jar target/feedmerge.jar --child-jvm "<flags>" --out target/bench};
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
        Path jar = Path.of(args.text("jar", "target/feedmerge.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B -q package -DskipTests)");
        }
        List<String> jvmFlags = args.has("child-jvm") ? List.of(args.text("child-jvm", "").trim().split("[\\s;]+")) : List.of();
        report.machine("whole-process poll: java " + String.join(" ", jvmFlags) + " -jar " + jar + " poll, " + feeds + " feeds");
        try (FarmProcess farm = FarmProcess.start(feeds, args.longValue("seed", FeedFarm.DEFAULT_SEED), feeds, false)) {
            report.line("farm: %s", farm.description());
            Path dir = out.resolve("process-" + feeds);
            Path database = dir.resolve("feedmerge.db");
            Path config = BenchConfigFile.write(dir, database, farm.urls(), args.integer("threads", 4), 0);
            report.line("%n| cycle | wall s | child CPU s | child peak RSS MB | exit | output |\n|---|---:|---:|---:|---:|---|");
            List<List<Child>> runs = new ArrayList<>();
            for (int run = 1; run <= args.integer("runs", 3); run++) {
                farm.restore();
                for (String suffix : List.of("", "-wal", "-shm")) {
                    Files.deleteIfExists(Path.of(database + suffix));
                }
                List<Child> cycles = new ArrayList<>();
                cycles.add(poll(jar, config, dir, forCycle(jvmFlags, "cold")));
                report.line(cycles.get(0).row("run " + run + " cold"));
                cycles.add(poll(jar, config, dir, forCycle(jvmFlags, "warm")));
                report.line(cycles.get(1).row("run " + run + " warm"));
                farm.change(1, 10);
                cycles.add(poll(jar, config, dir, forCycle(jvmFlags, "changed")));
                report.line(cycles.get(2).row("run " + run + " changed"));
                runs.add(cycles);
            }
            String[] names = {"cold", "warm", "changed"};
            report.line("%nmedians over %d runs (load average %s):", runs.size(), ProcessProbe.loadAverage());
            report.line("| cycle | wall s | child CPU s | child peak RSS MB | exit | output |\n|---|---:|---:|---:|---:|---|");
            for (int c = 0; c < names.length; c++) {
                int cycle = c;
                List<Child> same = runs.stream().map(r -> r.get(cycle)).toList();
                Child median = new Child(Stats.median(same.stream().map(Child::wallSeconds).toList()),
                        Stats.median(same.stream().map(Child::cpuSeconds).toList()),
                        (long) Stats.median(same.stream().map(x -> (double) x.maxRssKb()).toList()),
                        same.get(0).exit(), same.get(0).summary());
                report.line(median.row(names[c]));
            }
        }
        System.exit(0);
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
