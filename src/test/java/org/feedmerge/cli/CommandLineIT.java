package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.WriterLock;
import org.feedmerge.testing.FeedServer;
import org.feedmerge.testing.Feeds;
import org.feedmerge.testing.Feeds.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The subcommands run in-process as a user would type them. */
class CommandLineIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = FeedmergeCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path writeConfig(String feedsYaml) throws Exception {
        Path config = dir.resolve("feedmerge.yaml");
        Files.writeString(config, """
                storage:
                  database: %s
                poll:
                  threads: 2
                fetch:
                  connect-timeout: 2s
                  read-timeout: 2s
                  call-timeout: 5s
                  per-host-spacing: 0s
                feeds:
                %s
                """.formatted(dir.resolve("feedmerge.db"), feedsYaml));
        return config;
    }

    @Test
    void checkConfigAcceptsAGoodFile() throws Exception {
        Path config = writeConfig("  - url: https://example.org/feed.xml");

        assertThat(run("check-config", "--config", config.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("OK (1 feeds)");
    }

    @Test
    void checkConfigNamesFileLineAndKeyOfEachProblem() throws Exception {
        Path config = writeConfig("""
                  - url: https://example.org/feed.xml
                    intervall: 5m
                """);

        assertThat(run("check-config", "--config", config.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains(config.toString() + ":12:").contains("feeds[0].intervall");
    }

    @Test
    void runRefusesABadConfigBeforeStartingAnything() throws Exception {
        Path config = writeConfig("  - url: not a url");

        assertThat(run("run", "--config", config.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("feeds[0].url");
        assertThat(dir.resolve("feedmerge.db")).doesNotExist();
    }

    @Test
    void oneShotPollStoresEntriesAndExitsZero() throws Exception {
        try (FeedServer server = new FeedServer()) {
            URI url = server.serve("/feed", Feeds.rss("One", "https://one.example/",
                    new Item("a", "https://one.example/a", "A story", "text", Instant.parse("2026-01-01T00:00:00Z"))));
            Path config = writeConfig("  - url: " + url + "\n  - url: " + server.url("/gone"));

            assertThat(run("poll", "--config", config.toString())).isEqualTo(ExitCodes.OK);
        }
        assertThat(out.toString()).contains("polled 2 feeds: 1 ok, 1 failed, 1 new entries");
        try (Database database = Database.open(dir.resolve("feedmerge.db"))) {
            assertThat(new EntryStore(database).newest(10)).hasSize(1);
        }
    }

    @Test
    void aPollWhileAnotherProcessWritesTheDatabaseStopsWithStatus75AndTouchesNothing() throws Exception {
        Path config = writeConfig("  - url: https://example.org/feed.xml");
        try (WriterLock daemon = WriterLock.acquire(dir.resolve("feedmerge.db"), java.time.Clock.systemUTC())) {
            assertThat(run("poll", "--config", config.toString())).isEqualTo(ExitCodes.IN_USE);
        }
        assertThat(err.toString()).contains("feedmerge poll: database " + dir.resolve("feedmerge.db")
                + " is being written by this feedmerge process itself (pid " + ProcessHandle.current().pid() + ")");
        assertThat(out.toString()).doesNotContain("polled");
        assertThat(dir.resolve("feedmerge.db")).doesNotExist();
    }

    @Test
    void aDatabaseThatCannotBeCreatedEndsThePollWithOneLineAndStatus1() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("state"), "a file where the database folder should be");
        Path config = dir.resolve("feedmerge.yaml");
        Files.writeString(config, """
                storage:
                  database: %s
                feeds:
                  - url: https://example.org/feed.xml
                """.formatted(notAFolder.resolve("feedmerge.db")));

        assertThat(run("poll", "--config", config.toString())).isEqualTo(ExitCodes.FAILED);

        assertThat(err.toString()).startsWith("feedmerge poll: Could not lock database " + notAFolder.resolve("feedmerge.db"))
                .doesNotContain("\tat org.feedmerge");
        assertThat(out.toString()).doesNotContain("polled");
    }

    @Test
    void oneShotPollWritesTheMergedFeedFilesWhenAsked() throws Exception {
        Path site = dir.resolve("site");
        try (FeedServer server = new FeedServer()) {
            URI url = server.serve("/feed", Feeds.rss("One", "https://one.example/",
                    new Item("a", "https://one.example/a", "A story", "text", Instant.parse("2026-01-01T00:00:00Z"))));
            Path config = writeConfig("  - url: " + url);

            assertThat(run("poll", "--config", config.toString(), "--write-to", site.toString())).isEqualTo(ExitCodes.OK);
        }
        SyndFeed rss = new SyndFeedInput().build(site.resolve("feed.xml").toFile());
        SyndFeed atom = new SyndFeedInput().build(site.resolve("feed.atom").toFile());
        assertThat(rss.getEntries()).extracting(SyndEntry::getTitle).containsExactly("A story");
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle).containsExactly("A story");
    }

    @Test
    void oneShotPollExitsOneWhenEveryFeedFails() throws Exception {
        try (FeedServer server = new FeedServer()) {
            Path config = writeConfig("  - url: " + server.url("/missing-1") + "\n  - url: " + server.url("/missing-2"));

            assertThat(run("poll", "--config", config.toString())).isEqualTo(ExitCodes.FAILED);
        }
        assertThat(out.toString()).contains("polled 2 feeds: 0 ok, 2 failed");
    }

    @Test
    void versionAndHelpWork() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("feedmerge ");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("run", "poll", "status", "check-config");
    }

    @Test
    void statusLeavesADatabaseOfAnOlderSchemaAsItIs() throws Exception {
        Path config = writeConfig("  - url: https://example.org/feed.xml");
        Path file = dir.resolve("feedmerge.db");
        Database.open(file).close();
        int older = Database.currentSchemaVersion() - 1;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + older);
        }

        assertThat(run("status", "--config", config.toString())).isEqualTo(ExitCodes.OK);

        assertThat(err.toString()).contains("has schema version " + older + ", older than this feedmerge's "
                + Database.currentSchemaVersion() + ": status does not migrate it");
        assertThat(out.toString()).contains("https://example.org/feed.xml");
        assertThat(Database.schemaVersionOf(file)).as("not migrated").isEqualTo(older);
        assertThat(dir.resolve("feedmerge.db-wal")).as("nothing created beside it").doesNotExist();
        assertThat(dir.resolve("feedmerge.db-shm")).as("nothing created beside it").doesNotExist();
    }

    @Test
    void statusOnAFileThatIsNotADatabaseSaysSoInOneLine() throws Exception {
        Files.writeString(dir.resolve("feedmerge.db"), "not a database ".repeat(20));
        Path config = writeConfig("  - url: https://example.org/feed.xml");

        assertThat(run("status", "--config", config.toString())).isEqualTo(ExitCodes.FAILED);

        assertThat(err.toString()).isEqualTo("feedmerge status: Could not read the schema version of "
                + dir.resolve("feedmerge.db") + ": java.io.IOException: not a SQLite database (its first bytes are"
                + " not the SQLite header)" + System.lineSeparator());
    }

    @Test
    void statusWithoutADatabaseListsTheConfiguredFeedsAndCreatesNothing() throws Exception {
        Path config = writeConfig("  - url: https://example.org/feed.xml");

        assertThat(run("status", "--config", config.toString())).isEqualTo(ExitCodes.OK);

        assertThat(err.toString()).contains("no database at");
        assertThat(out.toString()).contains("https://example.org/feed.xml", "never polled");
        assertThat(dir.resolve("feedmerge.db")).doesNotExist();
    }

    @Test
    void statusShowsWhatEachFeedDidAndWhenItIsDue() throws Exception {
        Path config;
        try (FeedServer server = new FeedServer()) {
            URI url = server.serve("/feed", Feeds.rss("One", "https://one.example/",
                    new Item("a", "https://one.example/a", "A story", "text", Instant.parse("2026-01-01T00:00:00Z"))));
            config = writeConfig("  - url: " + url + "\n  - url: " + server.url("/missing"));
            run("poll", "--config", config.toString());
            out.getBuffer().setLength(0);

            assertThat(run("status", "--config", config.toString())).isEqualTo(ExitCodes.OK);

            String table = out.toString();
            assertThat(table).startsWith("FEED ").contains(url + " ", "OK 200", "interval");
            assertThat(table).contains(server.url("/missing") + " ", "HTTP_ERROR 404", "backoff",
                    "    error: HTTP 404");
        }
    }

    @Test
    void statusJsonIsTheSameDocumentTheEndpointServes() throws Exception {
        try (FeedServer server = new FeedServer()) {
            URI url = server.serve("/feed", Feeds.rss("One", "https://one.example/",
                    new Item("a", "https://one.example/a", "A story", "text", Instant.parse("2026-01-01T00:00:00Z"))));
            Path config = writeConfig("  - url: " + url);
            run("poll", "--config", config.toString());
            out.getBuffer().setLength(0);

            assertThat(run("status", "--json", "--config", config.toString())).isEqualTo(ExitCodes.OK);

            JsonNode feed = new ObjectMapper().readTree(out.toString()).get("feeds").get(0);
            assertThat(feed.get("url").asText()).isEqualTo(url.toString());
            assertThat(feed.get("lastStatus").asText()).isEqualTo("OK");
            assertThat(feed.get("nextPollRule").asText()).isEqualTo("interval");
            assertThat(feed.get("consecutiveFailures").asInt()).isZero();
        }
    }

    @Test
    void aGoneFeedIsRetiredShownInStatusAndNotPolledAgain() throws Exception {
        try (FeedServer feeds = new FeedServer(); MockWebServer gone = new MockWebServer()) {
            gone.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(410).build();
                }
            });
            gone.start(InetAddress.getByName("127.0.0.1"), 0);
            URI url = feeds.serve("/feed", Feeds.rss("One", "https://one.example/",
                    new Item("a", "https://one.example/a", "A story", "text", Instant.parse("2026-01-01T00:00:00Z"))));
            Path config = writeConfig("  - url: " + url + "\n  - url: " + gone.url("/gone"));

            run("poll", "--config", config.toString());
            assertThat(run("poll", "--config", config.toString())).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("polled 1 feeds: 1 ok, 0 failed, 0 new entries, 0 updated,"
                    + " 1 retired (not polled)");
            assertThat(gone.getRequestCount()).isEqualTo(1);

            out.getBuffer().setLength(0);
            run("status", "--config", config.toString());
            assertThat(out.toString()).contains("HTTP_ERROR 410", "never (retired)", "retired on ");
        }
    }
}
