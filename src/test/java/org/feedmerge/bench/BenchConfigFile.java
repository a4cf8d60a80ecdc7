package org.feedmerge.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the daemon's config for a benchmark: the farm's feeds, a database of its own, the shipped
 * defaults everywhere else (4 poll threads, per-host limits 2 connections and 1 s spacing, which
 * the farm's one-address-per-feed layout never trips), and a logback.xml beside it that logs every
 * poll line at INFO to a file, as the daemon does under systemd.
 */
final class BenchConfigFile {
    private BenchConfigFile() {
    }

    /** With cross-feed dedup as {@code -Dbench.crossFeed} says (default on). */
    static Path write(Path dir, Path database, List<URI> feeds, int threads, int serverPort) throws IOException {
        return write(dir, database, feeds, threads, serverPort,
                Boolean.parseBoolean(System.getProperty("bench.crossFeed", "true")));
    }

    static Path write(Path dir, Path database, List<URI> feeds, int threads, int serverPort, boolean crossFeed)
            throws IOException {
        Files.createDirectories(dir);
        StringBuilder yaml = new StringBuilder(64 + feeds.size() * 48);
        yaml.append("# Written by the benchmark (org.feedmerge.bench.BenchConfigFile); regenerated on every run.\n")
                .append("server: { bind: 127.0.0.1, port: ").append(serverPort).append(" }\n")
                .append("storage: { database: \"").append(database.toAbsolutePath()).append("\" }\n")
                .append("poll: { interval: 30m, threads: ").append(threads).append(", startup-spread: 0s }\n")
                .append("fetch: { per-host-connections: 2, per-host-spacing: 1s }\n")
                .append("output: { title: bench, link: \"http://127.0.0.1/\", items: 100 }\n")
                .append("dedup: { cross-feed: ").append(crossFeed).append(" }\n")
                .append("feeds:\n");
        for (URI feed : feeds) {
            yaml.append("  - url: ").append(feed).append('\n');
        }
        Path config = dir.resolve("feedmerge.yaml");
        Files.writeString(config, yaml);
        Files.writeString(dir.resolve("logback.xml"), logback(dir.resolve("daemon.log")));
        return config;
    }

    static String logback(Path logFile) {
        return """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <append>true</append>
                    <encoder><pattern>%%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %%-5level %%logger{0} - %%msg%%n</pattern></encoder>
                  </appender>
                  <logger name="org.quartz" level="WARN"/>
                  <logger name="okhttp3" level="WARN"/>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(logFile.toAbsolutePath());
    }
}
