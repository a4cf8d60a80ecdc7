package org.feedmerge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ServerConfig DEFAULT_SERVER = new ServerConfig("127.0.0.1", 8080);
    private static final StorageConfig DEFAULT_STORAGE = new StorageConfig(Path.of("data/feedmerge.db"));
    private static final PollConfig DEFAULT_POLL =
            new PollConfig(Duration.ofMinutes(30), 4, Duration.ofSeconds(20), Duration.ofMinutes(2));
    private static final FetchConfig DEFAULT_FETCH = new FetchConfig(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), "feedmerge/0.1 (+https://github.com/feedmerge/feedmerge)", 10_000_000);
    private static final OutputConfig DEFAULT_OUTPUT =
            new OutputConfig("feedmerge", URI.create("http://localhost:8080/"), "All my feeds in one", 100);

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void appliesEveryDefaultWhenOnlyFeedsIsGiven() throws Exception {
        FeedmergeConfig config = loader.load(write("feeds:\n  - url: https://example.org/feed.xml\n"));

        assertThat(config).isEqualTo(new FeedmergeConfig(DEFAULT_SERVER, DEFAULT_STORAGE, DEFAULT_POLL,
                DEFAULT_FETCH, DEFAULT_OUTPUT,
                List.of(new FeedConfig(URI.create("https://example.org/feed.xml"), null, null, List.of()))));
    }

    @Test
    void readsSectionsWithoutValuesAsEmptyAndFeedsWithoutValueAsNoFeeds() throws Exception {
        FeedmergeConfig config = loader.load(copy("sections-without-values.yaml"));

        assertThat(config).isEqualTo(new FeedmergeConfig(DEFAULT_SERVER, DEFAULT_STORAGE, DEFAULT_POLL,
                DEFAULT_FETCH, DEFAULT_OUTPUT, List.of()));
    }

    @Test
    void readsEveryKey() throws Exception {
        FeedmergeConfig config = loader.load(copy("full.yaml"));

        assertThat(config.server()).isEqualTo(new ServerConfig("::1", 0));
        assertThat(config.storage()).isEqualTo(new StorageConfig(Path.of("/var/lib/feedmerge/feeds.db")));
        assertThat(config.poll()).isEqualTo(
                new PollConfig(Duration.ofMinutes(90), 8, Duration.ZERO, Duration.ofSeconds(45)));
        assertThat(config.fetch()).isEqualTo(new FetchConfig(Duration.ofSeconds(5), Duration.ofMinutes(1),
                Duration.ofMinutes(2), "test-agent/1.0", 512 * 1024));
        assertThat(config.output()).isEqualTo(
                new OutputConfig("My feeds", URI.create("https://feeds.example.org/"), "", 250));
        assertThat(config.feeds()).containsExactly(
                new FeedConfig(URI.create("https://example.org/a.xml"), null, null, List.of()),
                new FeedConfig(URI.create("http://example.org/b.atom"), "Feed B", Duration.ofDays(1),
                        List.of("news", "2024", "tech")));
    }

    @Test
    void reportsEveryProblemInFileOrder() throws IOException {
        Path file = copy("several-problems.yaml");

        ConfigException thrown = assertThrows(ConfigException.class, () -> loader.load(file));

        assertThat(thrown.problems())
                .extracting(ConfigProblem::key, ConfigProblem::line, ConfigProblem::column)
                .containsExactly(
                        tuple("server.port", 2, 9),
                        tuple("pol", 3, 1),
                        tuple("fetch.max-body", 6, 13),
                        tuple("fetch.user-agent", 7, 15),
                        tuple("output.link", 9, 9),
                        tuple("feeds[0].interval", 12, 15),
                        tuple("feeds[1].url", 13, 10),
                        tuple("feeds[2].url", 14, 5));
    }

    @Test
    void rendersEachProblemLikeACompilerSoEditorsCanJumpToIt() throws IOException {
        Path file = write("server:\n  port: 70000\npoll:\n  intervall: 1h\nfeeds: []\n");

        ConfigException thrown = assertThrows(ConfigException.class, () -> loader.load(file));

        assertThat(thrown.getMessage()).isEqualTo(
                file + ":2:9: server.port: must be between 0 and 65535, got 70000\n"
                + file + ":4:3: poll.intervall: unknown key \"intervall\"; did you mean \"interval\"?");
    }

    @Test
    void parsesDurationsAndSizesInEveryAcceptedSpelling() throws Exception {
        FeedmergeConfig config = loader.load(write("""
                poll:
                  interval: PT2H
                  startup-spread: 1m30s
                fetch:
                  read-timeout: 90s
                  max-body: 1048576
                feeds:
                  - url: https://example.org/a.xml
                    interval: 1d12h
                """));

        assertThat(config.poll().defaultInterval()).isEqualTo(Duration.ofHours(2));
        assertThat(config.poll().startupSpread()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.fetch().readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.fetch().maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(config.feeds().get(0).interval()).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void treatsUrlsThatDifferOnlyInPathCaseAsDifferentFeeds() throws Exception {
        FeedmergeConfig config = loader.load(write(
                "feeds:\n  - url: https://example.org/Feed.xml\n  - url: https://example.org/feed.xml\n"));

        assertThat(config.feeds()).hasSize(2);
    }

    @Test
    void acceptsAByteOrderMark() throws Exception {
        FeedmergeConfig config = loader.load(write("\uFEFFfeeds: []\n"));

        assertThat(config.feeds()).isEmpty();
    }

    @Test
    void reportsAnAliasRatherThanReadingItsName() throws IOException {
        Path file = write("feeds:\n  - url: &a https://example.org/a.xml\n  - url: *a\n");

        ConfigException thrown = assertThrows(ConfigException.class, () -> loader.load(file));

        assertThat(thrown.problems()).first().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("feeds[1].url");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("YAML aliases (*a) are not supported");
        });
    }

    @Test
    void reportsAMissingFileAtLineZero() {
        Path missing = dir.resolve("nope.yaml");

        ConfigException thrown = assertThrows(ConfigException.class, () -> loader.load(missing));

        assertThat(thrown.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.toString()).startsWith(missing + ":0:0: (file): file not found");
        });
    }

    @Test
    void reportsADirectory() {
        ConfigException thrown = assertThrows(ConfigException.class, () -> loader.load(dir));

        assertThat(thrown.problems()).singleElement()
                .extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
                .containsExactly(0, "(file)", "is a directory, not a config file");
    }

    @Test
    void reportsInvalidUtf8() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'f', 'e', 'e', 'd', 's', ':', ' ', '[', ']', '#', (byte) 0xE9, '\n'});

        ConfigException thrown = assertThrows(ConfigException.class, () -> loader.load(file));

        assertThat(thrown.problems()).singleElement()
                .extracting(ConfigProblem::message).asString().contains("not valid UTF-8");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("feedmerge.yaml"), yaml);
    }

    private Path copy(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/config/" + resource)) {
            Path file = dir.resolve(resource);
            Files.copy(in, file);
            return file;
        }
    }
}
