package org.feedmerge.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Turns the top-level mapping into a {@link FeedmergeConfig}: applies defaults, checks every value
 * against its range before a record sees it, and reports each problem to {@link Problems}. A bad
 * value is replaced by its default so reading goes on and later problems are found too; the
 * caller discards the result if any problem was reported.
 */
final class ConfigReader {
    static final List<String> TOP_KEYS = List.of("server", "storage", "poll", "fetch", "output", "feeds");
    private static final List<String> SERVER_KEYS = List.of("bind", "port");
    private static final List<String> STORAGE_KEYS = List.of("database");
    private static final List<String> POLL_KEYS = List.of("interval", "threads", "shutdown-grace", "startup-spread");
    private static final List<String> FETCH_KEYS =
            List.of("connect-timeout", "read-timeout", "call-timeout", "user-agent", "max-body");
    private static final List<String> OUTPUT_KEYS = List.of("title", "link", "description", "items");

    static final Bounds<Duration> POLL_INTERVALS = Bounds.of(Duration.ofMinutes(1), Duration.ofDays(30));
    private static final Bounds<Long> PORTS = Bounds.of(0, 65_535);
    private static final Bounds<Long> THREADS = Bounds.of(1, 64);
    private static final Bounds<Duration> SHUTDOWN_GRACE = Bounds.of(Duration.ZERO, Duration.ofMinutes(10));
    private static final Bounds<Duration> STARTUP_SPREAD = Bounds.of(Duration.ZERO, Duration.ofDays(1));
    private static final Bounds<Duration> CONNECT_TIMEOUT = Bounds.of(Duration.ofSeconds(1), Duration.ofMinutes(5));
    private static final Bounds<Duration> READ_TIMEOUT = Bounds.of(Duration.ofSeconds(1), Duration.ofMinutes(10));
    private static final Bounds<Duration> CALL_TIMEOUT = Bounds.of(Duration.ofSeconds(1), Duration.ofMinutes(30));
    private static final Bounds<Long> MAX_BODY = Bounds.bytes(1_000, 1_000_000_000);
    private static final Bounds<Long> ITEMS = Bounds.of(1, 10_000);

    private static final String DEFAULT_USER_AGENT = "feedmerge/0.1 (+https://github.com/feedmerge/feedmerge)";
    private static final URI DEFAULT_LINK = URI.create("http://localhost:8080/");

    private final Problems problems;

    ConfigReader(Problems problems) {
        this.problems = problems;
    }

    /** Reads the top-level mapping; the caller has checked it is one. */
    FeedmergeConfig read(ConfigNode root) {
        Section top = Section.open(root, TOP_KEYS, problems);
        return new FeedmergeConfig(
                server(top.section("server", SERVER_KEYS)),
                storage(top.section("storage", STORAGE_KEYS)),
                poll(top.section("poll", POLL_KEYS)),
                fetch(top.section("fetch", FETCH_KEYS)),
                output(top.section("output", OUTPUT_KEYS)),
                feeds(top.node("feeds")));
    }

    private ServerConfig server(Section section) {
        return new ServerConfig(
                section.read("bind", node -> node.asText().then(BindAddressText::parse)).orElse("127.0.0.1"),
                section.integer("port", PORTS).orElse(8080));
    }

    private StorageConfig storage(Section section) {
        return new StorageConfig(section.read("database", node -> node.asText().then(ConfigReader::databasePath))
                .orElse(Path.of("data", "feedmerge.db")));
    }

    private PollConfig poll(Section section) {
        return new PollConfig(
                section.read("interval", node -> node.asDuration().then(POLL_INTERVALS::check))
                        .orElse(Duration.ofMinutes(30)),
                section.integer("threads", THREADS).orElse(4),
                section.read("shutdown-grace", node -> node.asDuration().then(SHUTDOWN_GRACE::check))
                        .orElse(Duration.ofSeconds(20)),
                section.read("startup-spread", node -> node.asDuration().then(STARTUP_SPREAD::check))
                        .orElse(Duration.ofMinutes(2)));
    }

    private FetchConfig fetch(Section section) {
        int before = problems.count();
        FetchConfig fetch = new FetchConfig(
                section.read("connect-timeout", node -> node.asDuration().then(CONNECT_TIMEOUT::check))
                        .orElse(Duration.ofSeconds(10)),
                section.read("read-timeout", node -> node.asDuration().then(READ_TIMEOUT::check))
                        .orElse(Duration.ofSeconds(30)),
                section.read("call-timeout", node -> node.asDuration().then(CALL_TIMEOUT::check))
                        .orElse(Duration.ofSeconds(60)),
                section.read("user-agent", node -> node.asText().then(ConfigReader::headerValue))
                        .orElse(DEFAULT_USER_AGENT),
                section.read("max-body", node -> node.asByteSize().then(MAX_BODY::check)).orElse(10_000_000L));
        // Compare timeouts only when each is valid: a default standing in for a bad value proves nothing.
        if (problems.count() == before) {
            checkCallCoversConnect(section, fetch);
        }
        return fetch;
    }

    /** The call timeout bounds the whole call, connect included, so a shorter one makes no sense. */
    private void checkCallCoversConnect(Section section, FetchConfig fetch) {
        if (fetch.callTimeout().compareTo(fetch.connectTimeout()) >= 0) {
            return;
        }
        String connect = DurationText.format(fetch.connectTimeout());
        String call = DurationText.format(fetch.callTimeout());
        if (section.has("call-timeout")) {
            problems.at(section.node("call-timeout"),
                    "must be at least connect-timeout (" + connect + "), got " + call);
        } else {
            problems.at(section.node("connect-timeout"),
                    "must not exceed call-timeout (default " + call + "), got " + connect + "; raise call-timeout too");
        }
    }

    private OutputConfig output(Section section) {
        return new OutputConfig(
                section.read("title", node -> node.asText().then(FreeText::nonBlank)).orElse("feedmerge"),
                section.read("link", node -> node.asText().then(HttpUrlText::parse)).orElse(DEFAULT_LINK),
                section.read("description", node -> node.asText().then(FreeText::xmlSafe))
                        .orElse("All my feeds in one"),
                section.integer("items", ITEMS).orElse(100));
    }

    private List<FeedConfig> feeds(ConfigNode feeds) {
        if (feeds.isMissing()) {
            problems.at(feeds, "missing; list the feeds to merge under \"feeds:\" (\"feeds: []\" for none)");
            return List.of();
        }
        return new FeedListReader(problems).read(feeds);
    }

    private static Parsed<Path> databasePath(String text) {
        if (text.isBlank()) {
            return Parsed.bad("must not be empty; e.g. data/feedmerge.db");
        }
        try {
            return Parsed.ok(Path.of(text));
        } catch (InvalidPathException e) {
            return Parsed.bad("not a valid file path: " + e.getReason());
        }
    }

    /** OkHttp refuses header values outside printable ASCII; refuse them here, with the line number. */
    private static Parsed<String> headerValue(String text) {
        if (text.isBlank()) {
            return Parsed.bad("must not be empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return Parsed.bad(String.format(
                        "must be printable ASCII (it is sent as an HTTP header); found U+%04X at position %d",
                        (int) c, i + 1));
            }
        }
        return Parsed.ok(text);
    }
}
