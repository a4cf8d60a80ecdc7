package org.feedmerge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one entry point the {@code bench} Maven profile runs: {@code BenchMain <name> [options]},
 * name one of poll, process, serve, store, ingest, scale, jmh, all. {@code scale} runs the poll benchmark at
 * 10,000 feeds in a child JVM limited to {@code -Xmx256m}, with repeated changed cycles; {@code jmh}
 * runs {@link HotPathsBenchmark} (or the JMH arguments given); {@code all} runs every benchmark but
 * JMH in turn, each in its own JVM.
 */
public final class BenchMain {
    private static final List<String> DAEMON_HEAP = List.of("-Xmx256m");

    private BenchMain() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: BenchMain poll|process|serve|store|ingest|scale|jmh|all [--option value ...]");
        }
        String[] options = Arrays.copyOfRange(argv, 1, argv.length);
        switch (argv[0]) {
            case "poll" -> PollBench.main(options);
            case "process" -> ProcessBench.main(options);
            // The server runs with the daemon unit's heap (systemd/feedmerge.service): young-GC pauses
            // set the tail latency, and they depend on the heap's size.
            case "serve" -> System.exit(child(DAEMON_HEAP, ServeBench.class, Arrays.asList(options)));
            case "store" -> StoreBench.main(options);
            case "ingest" -> IngestBench.main(options);
            case "scale" -> System.exit(child(List.of("-Xmx256m"), PollBench.class, scaleOptions(options)));
            case "jmh" -> org.openjdk.jmh.Main.main(options.length > 0 ? options : new String[] {"HotPathsBenchmark"});
            case "all" -> System.exit(all(options));
            default -> throw new IllegalArgumentException("unknown benchmark " + argv[0]);
        }
    }

    private static List<String> scaleOptions(String[] options) {
        List<String> scale = new ArrayList<>(List.of("--feeds", "10000", "--runs", "1", "--extra-cycles", "4",
                "--baseline", "false"));
        scale.addAll(Arrays.asList(options)); // later options win
        return scale;
    }

    private static int all(String[] options) throws Exception {
        int failed = 0;
        for (Class<?> bench : List.of(PollBench.class, ProcessBench.class, StoreBench.class)) {
            failed += child(List.of(), bench, Arrays.asList(options)) == 0 ? 0 : 1;
        }
        failed += child(DAEMON_HEAP, ServeBench.class, Arrays.asList(options)) == 0 ? 0 : 1;
        failed += child(List.of("-Xmx256m"), PollBench.class, scaleOptions(options)) == 0 ? 0 : 1;
        return failed == 0 ? 0 : 1;
    }

    /** Runs a benchmark's main in a child JVM with the given flags, output inherited. */
    static int child(List<String> jvmFlags, Class<?> main, List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(FarmProcess.javaBinary());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(options);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
