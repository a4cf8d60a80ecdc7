package org.feedmerge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.feedmerge.cli.Daemon;
import org.feedmerge.config.ConfigLoader;
import org.feedmerge.store.Database;
import org.feedmerge.store.FeedStore;

/**
 * The serve benchmark: the real daemon ({@link Daemon#start}) on a database holding farm entries,
 * its merged feed (100 items) under closed-loop keep-alive load on loopback from {@link LoadClient}
 * and, when it is installed, from {@code wrk}: a full 200, a gzip 200 and a 304. Every load run is
 * bounded in time (and the Java client in request count).
 *
 * <p>Options: {@code --connections 50 --seconds 10 --runs 3 --feeds 20 --wrk auto|off --out target/bench}.
 */
public final class ServeBench {
    private ServeBench() {
    }

    private record Scenario(String name, String[] headers) {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        Path out = Path.of(args.text("out", "target/bench"));
        BenchLogging.toFile(out);
        BenchReport report = new BenchReport(out.resolve("serve.md"));
        int connections = args.integer("connections", 50);
        double seconds = args.integer("seconds", 10);
        int runs = args.integer("runs", 3);
        report.machine("serve benchmark: " + connections + " keep-alive connections, " + seconds + " s per run");
        Path dir = out.resolve("serve");
        Path database = dir.resolve("feedmerge.db");
        int feeds = args.integer("feeds", 20);
        fill(database, feeds);
        // The filled feeds must be in the config: feeds it does not list leave the merged feed.
        List<URI> subscribed = IntStream.range(0, feeds).mapToObj(BenchStore::url).toList();
        Path config = BenchConfigFile.write(dir, database, subscribed, 1, 0);
        try (Daemon daemon = Daemon.start(new ConfigLoader().load(config), Clock.systemUTC())) {
            InetSocketAddress address = daemon.address();
            URI feed = URI.create("http://127.0.0.1:" + address.getPort() + "/feed.xml");
            HttpResponse<byte[]> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(feed).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            int items = new String(first.body(), StandardCharsets.UTF_8).split("<item>", -1).length - 1;
            if (items < Math.min(100, feeds * 30)) {
                // An earlier version served an empty feed for a while without anyone noticing.
                throw new IllegalStateException("the merged feed has " + items + " items, not 100: nothing to measure");
            }
            report.line("merged feed: %d bytes, ETag %s; load average %s", first.body().length, etag,
                    ProcessProbe.loadAverage());
            List<Scenario> scenarios = List.of(new Scenario("full 200", new String[0]),
                    new Scenario("gzip 200", new String[] {"Accept-Encoding: gzip"}),
                    new Scenario("304", new String[] {"If-None-Match: " + etag}));
            report.line("%n| load | status | req/s | p50 ms | p99 ms | max ms | body bytes | requests | errors |");
            report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Scenario scenario : scenarios) {
                javaClient(report, address, scenario, connections, seconds, runs);
                if (!args.text("wrk", "auto").equals("off") && Files.isExecutable(Path.of("/usr/bin/wrk"))) {
                    wrk(report, feed, scenario, connections, seconds, runs);
                }
            }
        }
        System.exit(0);
    }

    /** 20 farm feeds of 30 items each, through FeedStore.recordPoll. */
    private static void fill(Path database, int feeds) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
        try (Database db = Database.open(database)) {
            BenchStore store = new BenchStore(new FeedStore(db), FeedFarm.DEFAULT_SEED);
            for (int f = 0; f < feeds; f++) {
                store.record(f, 0, 30);
            }
        }
    }

    private static void javaClient(BenchReport report, InetSocketAddress address, Scenario scenario, int connections,
            double seconds, int runs) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", address.getPort());
        LoadClient client = new LoadClient(loopback, "/feed.xml", scenario.headers());
        client.run(connections, Math.min(3, seconds)); // warm-up
        List<LoadClient.Result> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(client.run(connections, seconds));
        }
        results.sort((a, b) -> Double.compare(a.requestsPerSecond(), b.requestsPerSecond()));
        LoadClient.Result median = results.get(results.size() / 2);
        report.line(median.row(scenario.name() + " (Java client, median of " + runs + ")"));
    }

    /** Runs wrk the same way and reports its own figures (median run by req/s). */
    private static void wrk(BenchReport report, URI feed, Scenario scenario, int connections, double seconds, int runs)
            throws IOException, InterruptedException {
        List<double[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of("/usr/bin/wrk", "-t2", "-c" + connections,
                    "-d" + (int) seconds + "s", "--latency", "--timeout", "5s"));
            for (String header : scenario.headers()) {
                command.add("-H");
                command.add(header);
            }
            command.add(feed.toString());
            results.add(runWrk(command, seconds));
        }
        results.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = results.get(results.size() / 2);
        report.line(String.format(Locale.ROOT, "| %s (wrk -t2, median of %d) | | %.0f | %.2f | %.2f | | | | |",
                scenario.name(), runs, median[0], median[1], median[2]));
    }

    /** {requests/s, p50 ms, p99 ms} from wrk's output. */
    private static double[] runWrk(List<String> command, double seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double[] figures = new double[3];
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String t = line.trim();
                if (t.startsWith("Requests/sec:")) {
                    figures[0] = Double.parseDouble(t.substring(13).trim());
                } else if (t.startsWith("50%")) {
                    figures[1] = millis(t.substring(3).trim());
                } else if (t.startsWith("99%")) {
                    figures[2] = millis(t.substring(3).trim());
                }
            }
        }
        if (!process.waitFor((long) seconds + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return figures;
    }

    private static double millis(String value) {
        if (value.endsWith("us")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
        }
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2));
        }
        return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
    }
}
