package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.feedmerge.config.ConfigLoader;
import org.feedmerge.testing.FeedServer;
import org.feedmerge.testing.Feeds;
import org.feedmerge.testing.Feeds.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing the config of a running daemon: good edits apply, bad ones are refused and change nothing. */
class ConfigReloadIT {
    private static final Instant DAY = Instant.parse("2026-02-10T00:00:00Z");

    @TempDir
    Path dir;

    private FeedServer server;
    private Daemon daemon;
    private Path configFile;

    @BeforeEach
    void setUp() throws Exception {
        server = new FeedServer();
        server.serve("/a", Feeds.rss("A", "https://a.example/", new Item("a1", "https://a.example/1", "A story", "a", DAY)));
        server.serve("/b", Feeds.rss("B", "https://b.example/", new Item("b1", "https://b.example/1", "B story", "b", DAY)));
        configFile = dir.resolve("feedmerge.yaml");
        writeConfig("  - url: " + server.url("/a"));
        daemon = Daemon.start(new ConfigLoader().load(configFile), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        daemon.close();
        server.close();
    }

    private void writeConfig(String feeds) throws Exception {
        Files.writeString(configFile, """
                server:
                  bind: 127.0.0.1
                  port: 0
                storage:
                  database: %s
                poll:
                  startup-spread: 0s
                feeds:
                %s
                """.formatted(dir.resolve("feedmerge.db"), feeds));
    }

    private String feedXml() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + daemon.address().getPort() + "/feed.xml");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String awaitFeedContaining(String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String xml = feedXml();
        while (!xml.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            xml = feedXml();
        }
        return xml;
    }

    @Test
    void addedFeedIsPolledAfterReload() throws Exception {
        awaitFeedContaining("A story");
        writeConfig("  - url: " + server.url("/a") + "\n  - url: " + server.url("/b"));

        assertThat(new ConfigReloader(configFile, daemon).reload()).isTrue();

        assertThat(awaitFeedContaining("B story")).contains("A story", "B story");
    }

    @Test
    void badEditIsRefusedAndTheDaemonKeepsServing() throws Exception {
        awaitFeedContaining("A story");
        writeConfig("  - url: " + server.url("/b") + "\n    intervall: 5m");

        assertThat(new ConfigReloader(configFile, daemon).reload()).isFalse();

        assertThat(feedXml()).contains("A story").doesNotContain("B story");
        assertThat(server.hits("/b")).isZero();
    }

    @Test
    void removedFeedLeavesTheMergedFeed() throws Exception {
        // The first poll of /a runs on its own worker: wait for it, or /b may be stored first.
        awaitFeedContaining("A story");
        writeConfig("  - url: " + server.url("/a") + "\n  - url: " + server.url("/b"));
        assertThat(new ConfigReloader(configFile, daemon).reload()).isTrue();
        assertThat(awaitFeedContaining("B story")).contains("A story");
        writeConfig("  - url: " + server.url("/b"));

        assertThat(new ConfigReloader(configFile, daemon).reload()).isTrue();

        assertThat(feedXml()).contains("B story").doesNotContain("A story");
    }
}
