package org.feedmerge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One bad edit per case: exactly one problem, at the right key, line and column, saying why. */
class InvalidConfigTest {

    @TempDir
    Path dir;

    record Case(String name, String yaml, String key, int line, int column, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badConfigs() {
        return Stream.of(
                // server
                new Case("port as text", "server:\n  port: \"abc\"\nfeeds: []\n",
                        "server.port", 2, 9, "expected a whole number, got the text \"abc\""),
                new Case("port too high", "server:\n  port: 70000\nfeeds: []\n",
                        "server.port", 2, 9, "must be between 0 and 65535, got 70000"),
                new Case("port negative", "server:\n  port: -1\nfeeds: []\n",
                        "server.port", 2, 9, "must be between 0 and 65535, got -1"),
                new Case("port huge", "server:\n  port: 99999999999999999999\nfeeds: []\n",
                        "server.port", 2, 9, "number too large"),
                new Case("port without value", "server:\n  port:\nfeeds: []\n",
                        "server.port", 2, 8, "no value given"),
                new Case("bind not a host", "server:\n  bind: \"my host!\"\nfeeds: []\n",
                        "server.bind", 2, 9, "not a valid host name or IP address"),
                new Case("bind with port", "server:\n  bind: localhost:8080\nfeeds: []\n",
                        "server.bind", 2, 9, "the port goes in server.port"),
                new Case("bind bad IPv4", "server:\n  bind: 256.1.1.1\nfeeds: []\n",
                        "server.bind", 2, 9, "not a valid IPv4 address"),
                new Case("bind bad IPv6", "server:\n  bind: \"zz::1\"\nfeeds: []\n",
                        "server.bind", 2, 9, "not a valid IPv6 address"),
                new Case("section not a mapping", "server: 8080\nfeeds: []\n",
                        "server", 1, 9, "expected a mapping with the keys bind, port, got the number 8080"),
                // poll floor/ceiling, politeness, retention, dedup
                new Case("floor above ceiling", "poll:\n  min-interval: 2h\n  max-interval: 1h\nfeeds: []\n",
                        "poll.min-interval", 2, 17, "min-interval (2h) must not exceed max-interval (1h)"),
                new Case("per-host connections zero", "fetch:\n  per-host-connections: 0\nfeeds: []\n",
                        "fetch.per-host-connections", 2, 25, "must be between 1 and 16, got 0"),
                new Case("retention too short", "retention:\n  max-age: 2h\nfeeds: []\n",
                        "retention.max-age", 2, 12, "must be between 1d and 3650d, got 2h"),
                new Case("dedup winner unknown", "dedup:\n  winner: newest\nfeeds: []\n",
                        "dedup.winner", 2, 11, "must be one of original-then-earliest, earliest, config-order"),
                new Case("boolean as text", "dedup:\n  cross-feed: \"sometimes\"\nfeeds: []\n",
                        "dedup.cross-feed", 2, 15, "expected true or false"),
                new Case("original not boolean", "feeds:\n  - url: https://a.example/f\n    original: 3\n",
                        "feeds[0].original", 3, 15, "expected true or false, got the number 3"),
                // unknown keys
                new Case("typo in key", "server:\n  prot: 8080\nfeeds: []\n",
                        "server.prot", 2, 3, "unknown key \"prot\"; did you mean \"port\"?"),
                new Case("snake_case key", "fetch:\n  connect_timeout: 5s\nfeeds: []\n",
                        "fetch.connect_timeout", 2, 3, "did you mean \"connect-timeout\"?"),
                new Case("camelCase key", "fetch:\n  maxBody: 5MB\nfeeds: []\n",
                        "fetch.maxBody", 2, 3, "did you mean \"max-body\"?"),
                new Case("top-level typo", "feeds: []\nfeed: []\n",
                        "feed", 2, 1, "did you mean \"feeds\"?"),
                new Case("unknown key, nothing close", "poll:\n  banana: 1\nfeeds: []\n",
                        "poll.banana", 2, 3,
                        "unknown key \"banana\"; expected one of: interval, threads, shutdown-grace, startup-spread"),
                new Case("unknown key in a feed", "feeds:\n  - url: https://example.org/a.xml\n    titel: A\n",
                        "feeds[0].titel", 3, 5, "did you mean \"title\"?"),
                new Case("duplicate key", "server:\n  port: 1\n  port: 2\nfeeds: []\n",
                        "server.port", 3, 3, "duplicate key; it is already set on line 2"),
                // poll
                new Case("interval without unit", "poll:\n  interval: 30\nfeeds: []\n",
                        "poll.interval", 2, 13, "a duration needs a unit: write 30s, 30m, 30h or 30d"),
                new Case("interval too short", "poll:\n  interval: 30s\nfeeds: []\n",
                        "poll.interval", 2, 13, "must be between 1m and 30d, got 30s"),
                new Case("interval not a duration", "poll:\n  interval: soon\nfeeds: []\n",
                        "poll.interval", 2, 13, "not a duration: \"soon\""),
                new Case("interval as a list", "poll:\n  interval: [30m]\nfeeds: []\n",
                        "poll.interval", 2, 13, "expected text, got a list"),
                new Case("threads zero", "poll:\n  threads: 0\nfeeds: []\n",
                        "poll.threads", 2, 12, "must be between 1 and 64, got 0"),
                new Case("threads fractional", "poll:\n  threads: 1.5\nfeeds: []\n",
                        "poll.threads", 2, 12, "expected a whole number, got the number 1.5"),
                new Case("shutdown-grace too long", "poll:\n  shutdown-grace: 11m\nfeeds: []\n",
                        "poll.shutdown-grace", 2, 19, "must be between 0s and 10m, got 11m"),
                new Case("startup-spread too long", "poll:\n  startup-spread: 2d\nfeeds: []\n",
                        "poll.startup-spread", 2, 19, "must be between 0s and 1d, got 2d"),
                // fetch
                new Case("connect-timeout zero", "fetch:\n  connect-timeout: 0s\nfeeds: []\n",
                        "fetch.connect-timeout", 2, 20, "must be between 1s and 5m, got 0s"),
                new Case("read-timeout too long", "fetch:\n  read-timeout: PT11M\nfeeds: []\n",
                        "fetch.read-timeout", 2, 17, "must be between 1s and 10m, got 11m"),
                new Case("call-timeout below connect-timeout", "fetch:\n  call-timeout: 5s\nfeeds: []\n",
                        "fetch.call-timeout", 2, 17, "must be at least connect-timeout (10s), got 5s"),
                new Case("connect-timeout above default call-timeout", "fetch:\n  connect-timeout: 2m\nfeeds: []\n",
                        "fetch.connect-timeout", 2, 20, "must not exceed call-timeout (default 1m), got 2m"),
                new Case("user-agent empty", "fetch:\n  user-agent: \"\"\nfeeds: []\n",
                        "fetch.user-agent", 2, 15, "must not be empty"),
                new Case("user-agent non-ASCII", "fetch:\n  user-agent: \"feedmerge café\"\nfeeds: []\n",
                        "fetch.user-agent", 2, 15, "must be printable ASCII (it is sent as an HTTP header); found U+00E9"),
                new Case("user-agent with a line break", "fetch:\n  user-agent: \"a\\nX-Evil: 1\"\nfeeds: []\n",
                        "fetch.user-agent", 2, 15, "found U+000A at position 2"),
                new Case("max-body not a size", "fetch:\n  max-body: 10 megs\nfeeds: []\n",
                        "fetch.max-body", 2, 13, "not a size: \"10 megs\""),
                new Case("max-body too small", "fetch:\n  max-body: 100\nfeeds: []\n",
                        "fetch.max-body", 2, 13, "must be between 1KB and 1GB, got 100 bytes"),
                new Case("max-body too large", "fetch:\n  max-body: 2GiB\nfeeds: []\n",
                        "fetch.max-body", 2, 13, "must be between 1KB and 1GB, got 2GiB"),
                // output and storage
                new Case("title blank", "output:\n  title: \"  \"\nfeeds: []\n",
                        "output.title", 2, 10, "must not be empty"),
                new Case("title with control character", "output:\n  title: \"a\\x07b\"\nfeeds: []\n",
                        "output.title", 2, 10, "contains the control character U+0007 at position 2"),
                new Case("link relative", "output:\n  link: /merged.xml\nfeeds: []\n",
                        "output.link", 2, 9, "must be an absolute URL"),
                new Case("link not http", "output:\n  link: ftp://example.org/\nfeeds: []\n",
                        "output.link", 2, 9, "must be an http or https URL, got scheme \"ftp\""),
                new Case("items zero", "output:\n  items: 0\nfeeds: []\n",
                        "output.items", 2, 10, "must be between 1 and 10000, got 0"),
                new Case("description a number", "output:\n  description: 42\nfeeds: []\n",
                        "output.description", 2, 16, "expected text, got the number 42; put it in quotes"),
                new Case("database empty", "storage:\n  database: \"\"\nfeeds: []\n",
                        "storage.database", 2, 13, "must not be empty"),
                // feeds
                new Case("feeds missing", "server:\n  port: 8080\n",
                        "feeds", 1, 1, "missing; list the feeds to merge"),
                new Case("feeds not a list", "feeds: https://example.org/a.xml\n",
                        "feeds", 1, 8, "expected a list of feeds"),
                new Case("feed as a bare URL", "feeds:\n  - https://example.org/a.xml\n",
                        "feeds[0]", 2, 5, "write \"- url: https://example.org/a.xml\""),
                new Case("feed as a list", "feeds:\n  - [https://example.org/a.xml]\n",
                        "feeds[0]", 2, 5, "expected a feed mapping with the keys url, title, interval, tags, original, got a list"),
                new Case("empty feed entry", "feeds:\n  -\n",
                        "feeds[0].url", 2, 4, "missing; every feed needs a url"),
                new Case("feed without url", "feeds:\n  - url: https://example.org/a.xml\n  - title: B\n",
                        "feeds[1].url", 3, 5, "missing; every feed needs a url"),
                new Case("feed url relative", "feeds:\n  - url: feed.xml\n",
                        "feeds[0].url", 2, 10, "must be an absolute URL"),
                new Case("feed url without host", "feeds:\n  - url: http:///feed.xml\n",
                        "feeds[0].url", 2, 10, "has no host"),
                new Case("feed url with bad host", "feeds:\n  - url: http://exa_mple.org/feed.xml\n",
                        "feeds[0].url", 2, 10, "has no valid host name"),
                new Case("feed url unparseable", "feeds:\n  - url: \"https://example.org/a feed.xml\"\n",
                        "feeds[0].url", 2, 10, "not a valid URL: Illegal character in path"),
                new Case("feed url not http", "feeds:\n  - url: file:///etc/passwd\n",
                        "feeds[0].url", 2, 10, "must be an http or https URL, got scheme \"file\""),
                new Case("feed url empty", "feeds:\n  - url:\n",
                        "feeds[0].url", 2, 9, "no value given"),
                new Case("feed interval too short", "feeds:\n  - url: https://example.org/a.xml\n    interval: 10s\n",
                        "feeds[0].interval", 3, 15, "must be between 1m and 30d, got 10s"),
                new Case("feed title blank", "feeds:\n  - url: https://example.org/a.xml\n    title: \"\"\n",
                        "feeds[0].title", 3, 12, "must not be empty"),
                new Case("tags as text", "feeds:\n  - url: https://example.org/a.xml\n    tags: x\n",
                        "feeds[0].tags", 3, 11, "expected a list of tags like [news, tech], got the text \"x\""),
                new Case("tag blank", "feeds:\n  - url: https://example.org/a.xml\n    tags: [news, \" \"]\n",
                        "feeds[0].tags[1]", 3, 18, "must not be empty"),
                new Case("tag read as boolean", "feeds:\n  - url: https://example.org/a.xml\n    tags: [yes]\n",
                        "feeds[0].tags[0]", 3, 12, "expected text, got the true/false value true; put it in quotes"),
                new Case("duplicate feed", "feeds:\n  - url: https://Example.org/feed.xml\n"
                        + "  - url: HTTPS://example.ORG/feed.xml\n",
                        "feeds[1].url", 3, 10, "duplicate feed: the same URL as feeds[0].url on line 2"),
                // whole document
                new Case("empty file", "", "feeds", 1, 1, "the file is empty"),
                new Case("only comments", "# nothing here yet\n", "feeds", 1, 1, "the file is empty"),
                new Case("top level a list", "- url: https://example.org/a.xml\n",
                        "(root)", 1, 1, "the top level must be a mapping of sections"),
                new Case("top level text", "hello\n", "(root)", 1, 1, "got the text \"hello\""),
                new Case("second document", "feeds: []\n---\nfeeds: []\n",
                        "(document)", 3, 1, "a second YAML document starts here"),
                new Case("bad indentation", "server:\n  port: 8080\n   bind: x\n",
                        "(syntax)", 3, 8, "invalid YAML: mapping values are not allowed here"),
                new Case("tab indentation", "server:\n\tport: 8080\nfeeds: []\n",
                        "(syntax)", 2, 1, "invalid YAML: found character '\\t(TAB)' that cannot start any token"),
                new Case("unclosed flow list", "feeds: [a, b\n",
                        "(syntax)", 2, 1, "expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence that starts at line 1, column 8)"),
                new Case("unclosed quote", "output:\n  title: \"feedmerge\nfeeds: []\n",
                        "(syntax)", 4, 1, "found unexpected end of stream"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void reportsTheOneProblemAtItsKeyLineAndColumn(Case bad) throws IOException {
        Path file = dir.resolve("feedmerge.yaml");
        Files.writeString(file, bad.yaml());

        ConfigException thrown = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));

        assertThat(thrown.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file.toString());
            assertThat(problem.key()).isEqualTo(bad.key());
            assertThat(problem.line()).as("line").isEqualTo(bad.line());
            assertThat(problem.column()).as("column").isEqualTo(bad.column());
            assertThat(problem.message()).contains(bad.message());
        });
    }
}
