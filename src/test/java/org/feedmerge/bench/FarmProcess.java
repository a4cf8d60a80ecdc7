package org.feedmerge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FeedFarmServer} in its own JVM, so that its heap, threads and CPU time never count as
 * the daemon's. It stops when this side closes its standard input (or exits).
 */
final class FarmProcess implements AutoCloseable {
    private final Process process;
    private final FarmAddresses addresses;
    private final String description;
    private final long seed;
    private final int feeds;

    private FarmProcess(Process process, FarmAddresses addresses, String description, long seed, int feeds) {
        this.process = process;
        this.addresses = addresses;
        this.description = description;
        this.seed = seed;
        this.feeds = feeds;
    }

    static FarmProcess start(int feeds, long seed, int hosts, boolean gzip) throws IOException {
        return start(feeds, seed, hosts, gzip, 0);
    }

    /** As {@link #start(int, long, int, boolean)}, each feed response held {@code latencyMillis} first. */
    static FarmProcess start(int feeds, long seed, int hosts, boolean gzip, int latencyMillis) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx3g", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), FeedFarmServer.class.getName(),
                "--feeds", Integer.toString(feeds), "--seed", Long.toString(seed), "--hosts", Integer.toString(hosts),
                "--latency-ms", Integer.toString(latencyMillis)));
        if (gzip) {
            command.add("--gzip");
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY port=")) {
            process.destroyForcibly();
            throw new IOException("feed farm did not start: " + line);
        }
        int port = Integer.parseInt(line.substring("READY port=".length(), line.indexOf(' ', 11)));
        return new FarmProcess(process, new FarmAddresses(hosts, port), line.substring(line.indexOf(' ') + 1), seed, feeds);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    FarmAddresses addresses() {
        return addresses;
    }

    String description() {
        return description;
    }

    /** The farm's feed URLs in index order. */
    List<URI> urls() {
        List<URI> urls = new ArrayList<>(feeds);
        for (int i = 0; i < feeds; i++) {
            urls.add(addresses.url(FeedProfile.of(seed, i)));
        }
        return urls;
    }

    String change(int round, int percent) {
        return control("/_farm/change?round=" + round + "&percent=" + percent);
    }

    void restore() {
        control("/_farm/restore");
    }

    /** Counters since the last reset: ok200, notModified, notFound, bytes, connections, cpuMillis. */
    Map<String, Long> stats() {
        Map<String, Long> stats = new HashMap<>();
        for (String pair : control("/_farm/stats").trim().split(" ")) {
            String[] kv = pair.split("=");
            stats.put(kv[0], Long.parseLong(kv[1]));
        }
        return stats;
    }

    void resetStats() {
        control("/_farm/reset");
    }

    private String control(String pathAndQuery) {
        try (var in = addresses.control(pathAndQuery).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("feed farm control " + pathAndQuery, e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
