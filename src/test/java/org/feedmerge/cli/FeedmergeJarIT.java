package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer does with the README: start the packaged jar, read the feed, stop it with
 * SIGTERM. Runs the real {@code target/feedmerge.jar} built by {@code mvn package}.
 */
class FeedmergeJarIT {
    private static final Path JAR = Path.of("target", "feedmerge.jar");

    @TempDir
    Path dir;

    @Test
    void jarServesAValidFeedSurvivesABadReloadAndStopsCleanlyOnSigterm() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        int port = freePort();
        Path config = dir.resolve("feedmerge.yaml");
        Files.writeString(config, """
                server:
                  bind: 127.0.0.1
                  port: %d
                storage:
                  database: %s
                poll:
                  shutdown-grace: 5s
                feeds: []
                """.formatted(port, dir.resolve("data/feedmerge.db")));
        Path log = dir.resolve("out.log");
        Process daemon = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "run", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpResponse<String> feed = awaitFeed(URI.create("http://127.0.0.1:" + port + "/feed.xml"), daemon);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/rss+xml"));
            assertThat(feed.body()).contains("<rss", "</rss>");

            // A bad edit followed by SIGHUP (systemctl reload) is refused; the daemon keeps running.
            assertThat(awaitLogLine(log, "feedmerge started")).isTrue();
            Files.writeString(config, Files.readString(config).replace("shutdown-grace", "shutdown-grase"));
            new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).start().waitFor();
            assertThat(awaitLogLine(log, "config reload refused")).isTrue();
            assertThat(daemon.isAlive()).isTrue();
            assertThat(Files.readString(log)).contains(config + ":7:3: poll.shutdown-grase");

            daemon.destroy(); // SIGTERM
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        } finally {
            daemon.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(daemon.exitValue()).as(output).isIn(0, 143);
        assertThat(output).contains("feedmerge stopped").doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(dir.resolve("data/feedmerge.db"))).isTrue();
    }

    @Test
    void aDatabaseThatCannotBeReadLeavesStandardOutputToTheJsonDocument() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        Files.copy(Path.of("config", "logback.xml"), dir.resolve("logback.xml")); // the shipped one: logs to stdout
        Path database = Files.writeString(dir.resolve("feedmerge.db"), "not a database ".repeat(20));
        Path config = Files.writeString(dir.resolve("feedmerge.yaml"), """
                storage:
                  database: %s
                feeds:
                  - url: https://example.org/feed.xml
                """.formatted(database));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process status = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "status", "--json", "--config",
                config.toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(status.exitValue()).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(err)).startsWith("feedmerge status: Could not read the schema version of");
        assertThat(Files.readString(out)).as("no log line or stack trace where the JSON goes").isEmpty();
    }

    private static HttpResponse<String> awaitFeed(URI url, Process daemon) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYetListening) {
                if (!daemon.isAlive() || System.nanoTime() > deadline) {
                    throw notYetListening;
                }
                Thread.sleep(100);
            }
        }
    }

    private static boolean awaitLogLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
