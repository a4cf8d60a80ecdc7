package org.feedmerge.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the top-level mapping into a {@link FeedmergeConfig}: applies defaults, checks every value
 * against its range before a record sees it, and reports each problem to {@link Problems}. A bad
 * value is replaced by its default so reading goes on and later problems are found too; the
 * caller discards the result if any problem was reported.
 */
final class ConfigReader {
    static final List<String> TOP_KEYS = List.of("server", "storage", "poll", "fetch", "output", "retention", "dedup", "feeds");
    private static final List<String> SERVER_KEYS = List.of("bind", "port");
    private static final List<String> STORAGE_KEYS = List.of("database");
    private static final List<String> POLL_KEYS = List.of("interval", "threads", "shutdown-grace", "startup-spread",
            "min-interval", "max-interval", "max-backoff");
    private static final List<String> FETCH_KEYS =
            List.of("connect-timeout", "read-timeout", "call-timeout", "user-agent", "max-body",
                    "per-host-connections", "per-host-spacing");
    private static final List<String> OUTPUT_KEYS = List.of("title", "link", "description", "items", "updated-moves-to-top");
    private static final List<String> RETENTION_KEYS = List.of("max-age", "max-entries-per-feed", "tombstone-ttl");
    private static final List<String> DEDUP_KEYS = List.of("cross-feed", "winner");

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
    private static final Bounds<Duration> MAX_BACKOFF = Bounds.of(Duration.ofMinutes(1), Duration.ofDays(7));
    private static final Bounds<Long> PER_HOST_CONNECTIONS = Bounds.of(1, 16);
    private static final Bounds<Duration> PER_HOST_SPACING = Bounds.of(Duration.ZERO, Duration.ofMinutes(1));
    private static final Bounds<Duration> RETENTION_AGE = Bounds.of(Duration.ofDays(1), Duration.ofDays(3650));
    private static final Bounds<Long> ENTRIES_PER_FEED = Bounds.of(10, 1_000_000);

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
                retention(top.section("retention", RETENTION_KEYS)),
                dedup(top.section("dedup", DEDUP_KEYS)),
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
        Duration interval = section.read("interval", node -> node.asDuration().then(POLL_INTERVALS::check))
                .orElse(Duration.ofMinutes(30));
        int threads = section.integer("threads", THREADS).orElse(4);
        Duration grace = section.read("shutdown-grace", node -> node.asDuration().then(SHUTDOWN_GRACE::check))
                .orElse(Duration.ofSeconds(20));
        Duration spread = section.read("startup-spread", node -> node.asDuration().then(STARTUP_SPREAD::check))
                .orElse(Duration.ofMinutes(2));
        Duration floor = section.read("min-interval", node -> node.asDuration().then(POLL_INTERVALS::check))
                .orElse(PollConfig.DEFAULT_MIN_INTERVAL);
        Duration ceiling = section.read("max-interval", node -> node.asDuration().then(POLL_INTERVALS::check))
                .orElse(PollConfig.DEFAULT_MAX_INTERVAL);
        Duration backoff = section.read("max-backoff", node -> node.asDuration().then(MAX_BACKOFF::check))
                .orElse(PollConfig.DEFAULT_MAX_BACKOFF);
        if (floor.compareTo(ceiling) > 0) {
            problems.at(section.has("min-interval") ? section.node("min-interval") : section.node("max-interval"),
                    "min-interval (" + DurationText.format(floor) + ") must not exceed max-interval ("
                            + DurationText.format(ceiling) + ")");
            return new PollConfig(interval, threads, grace, spread);
        }
        return new PollConfig(interval, threads, grace, spread, floor, ceiling, backoff);
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
                section.read("max-body", node -> node.asByteSize().then(MAX_BODY::check)).orElse(10_000_000L),
                section.integer("per-host-connections", PER_HOST_CONNECTIONS)
                        .orElse(FetchConfig.DEFAULT_PER_HOST_CONNECTIONS),
                section.read("per-host-spacing", node -> node.asDuration().then(PER_HOST_SPACING::check))
                        .orElse(FetchConfig.DEFAULT_PER_HOST_SPACING));
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
                section.integer("items", ITEMS).orElse(100),
                section.read("updated-moves-to-top", ConfigNode::asBoolean).orElse(false));
    }

    private RetentionConfig retention(Section section) {
        RetentionConfig defaults = RetentionConfig.DEFAULT;
        return new RetentionConfig(
                section.read("max-age", node -> node.asDuration().then(RETENTION_AGE::check))
                        .orElse(defaults.maxAge()),
                section.integer("max-entries-per-feed", ENTRIES_PER_FEED).orElse(defaults.maxEntriesPerFeed()),
                section.read("tombstone-ttl", node -> node.asDuration().then(RETENTION_AGE::check))
                        .orElse(defaults.tombstoneTtl()));
    }

    private DedupConfig dedup(Section section) {
        DedupConfig defaults = DedupConfig.DEFAULT;
        return new DedupConfig(
                section.read("cross-feed", ConfigNode::asBoolean).orElse(defaults.crossFeed()),
                section.read("winner", node -> node.asText().then(ConfigReader::winnerRule)).orElse(defaults.winner()));
    }

    private static Parsed<WinnerRule> winnerRule(String text) {
        for (WinnerRule rule : WinnerRule.values()) {
            if (rule.configName().equals(text)) {
                return Parsed.ok(rule);
            }
        }
        return Parsed.bad("must be one of " + Arrays.stream(WinnerRule.values())
                .map(WinnerRule::configName).collect(Collectors.joining(", ")) + ", got \"" + text + "\"");
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
