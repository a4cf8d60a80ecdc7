package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.feedmerge.config.FeedConfig;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.config.FetchConfig;
import org.feedmerge.config.OutputConfig;
import org.feedmerge.config.PollConfig;
import org.feedmerge.config.ServerConfig;
import org.feedmerge.config.StorageConfig;
import org.feedmerge.testing.FeedServer;
import org.feedmerge.testing.Feeds;
import org.feedmerge.testing.Feeds.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon: real Quartz, real fetches from a loopback feed server, a SQLite file, and the
 * merged feed read back over HTTP by Rome.
 */
class DaemonIT {
    private static final Instant DAY = Instant.parse("2026-02-10T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private FeedServer server;
    private Daemon daemon;

    @BeforeEach
    void setUp() throws Exception {
        server = new FeedServer();
    }

    @AfterEach
    void tearDown() {
        if (daemon != null) {
            daemon.close();
        }
        server.close();
    }

    private FeedmergeConfig config(List<FeedConfig> feeds) {
        return new FeedmergeConfig(
                new ServerConfig("127.0.0.1", 0),
                new StorageConfig(dir.resolve("data/feedmerge.db")),
                new PollConfig(Duration.ofHours(1), 2, Duration.ofSeconds(5), Duration.ZERO),
                // Every test feed lives on 127.0.0.1: no spacing, so first polls are not staggered by the host gate.
                new FetchConfig(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), "feedmerge-test",
                        1 << 20, 2, Duration.ZERO),
                new OutputConfig("Merged", URI.create("http://localhost/"), "Everything", 50),
                feeds);
    }

    private static FeedConfig feed(URI url, String title) {
        return new FeedConfig(url, title, null, List.of());
    }

    private List<FeedConfig> threeSources() {
        URI rss = server.serve("/rss", Feeds.rss("RSS Source", "https://rss.example/",
                new Item("1", "https://rss.example/one", "RSS one", "first rss story", DAY.plusSeconds(100)),
                new Item("2", "https://rss.example/two", "RSS two", "second rss story", DAY.plusSeconds(400))));
        URI atom = server.serve("/atom", Feeds.atom("Atom Source", "https://atom.example/",
                new Item("1", "https://atom.example/one", "Atom one", "first atom story", DAY.plusSeconds(200)),
                new Item("tag:atom.example,2026:b", "https://atom.example/b", "Atom two", "second atom story",
                        DAY.plusSeconds(500))));
        URI rdf = server.serve("/rdf", Feeds.rdf("RDF Source", "https://rdf.example/",
                new Item(null, "https://rdf.example/x", "RDF one", "rdf story", DAY.plusSeconds(300))),
                "application/rdf+xml");
        return List.of(feed(rss, null), feed(atom, null), feed(rdf, "My RDF"));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + daemon.address().getPort() + "/");
    }

    private static SyndFeed parse(byte[] body) throws Exception {
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    private SyndFeed awaitFeed(String path, Predicate<SyndFeed> ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        SyndFeed feed = parse(get(path).body());
        while (!ready.test(feed) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            feed = parse(get(path).body());
        }
        return feed;
    }

    private void awaitHits(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.hits(path) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void mergesThreeFormatsNewestFirstEachItemOnceWithItsSource() throws Exception {
        daemon = Daemon.start(config(threeSources()), Clock.systemUTC());

        SyndFeed rss = awaitFeed("/feed.xml", f -> f.getEntries().size() >= 5);

        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo("Merged");
        assertThat(rss.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Atom two", "RSS two", "RDF one", "Atom one", "RSS one");
        assertThat(rss.getEntries()).extracting(SyndEntry::getUri).doesNotHaveDuplicates();
        assertThat(rss.getEntries()).extracting(SyndEntry::getLink)
                .contains("https://rss.example/one", "https://atom.example/b", "https://rdf.example/x");
        Map<String, String> sourceByTitle = new LinkedHashMap<>();
        for (SyndEntry entry : rss.getEntries()) {
            assertThat(entry.getSource()).as("source of %s", entry.getTitle()).isNotNull();
            sourceByTitle.put(entry.getTitle(), entry.getSource().getTitle());
        }
        assertThat(sourceByTitle).containsEntry("RSS one", "RSS Source").containsEntry("Atom one", "Atom Source")
                .containsEntry("RDF one", "My RDF");
        assertThat(rss.getEntries().get(0).getPublishedDate()).isEqualTo(Date.from(DAY.plusSeconds(500)));

        SyndFeed atom = awaitFeed("/feed.atom", f -> f.getEntries().size() >= 5);
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Atom two", "RSS two", "RDF one", "Atom one", "RSS one");
        assertThat(atom.getEntries()).extracting(SyndEntry::getUri).doesNotHaveDuplicates();
        assertThat(atom.getEntries()).allSatisfy(e -> assertThat(e.getSource()).isNotNull());
    }

    @Test
    void twoFeedsUsingGuidOneForDifferentStoriesYieldTwoItemsWithDistinctIds() throws Exception {
        daemon = Daemon.start(config(threeSources()), Clock.systemUTC());

        SyndFeed rss = awaitFeed("/feed.xml", f -> f.getEntries().size() >= 5);

        Map<String, String> idByTitle = new LinkedHashMap<>();
        rss.getEntries().forEach(e -> idByTitle.put(e.getTitle(), e.getUri()));
        assertThat(idByTitle).containsKeys("RSS one", "Atom one");
        assertThat(idByTitle.get("RSS one")).isNotEqualTo(idByTitle.get("Atom one"));
        assertThat(Set.of(idByTitle.get("RSS one"), idByTitle.get("Atom one"))).contains("1");
    }

    @Test
    void endpointAnswers304ForAMatchingEtag() throws Exception {
        daemon = Daemon.start(config(threeSources()), Clock.systemUTC());
        awaitFeed("/feed.xml", f -> f.getEntries().size() >= 5);

        HttpResponse<byte[]> full = get("/feed.xml");
        String etag = full.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> conditional = get("/feed.xml", "If-None-Match", etag);

        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(conditional.statusCode()).isEqualTo(304);
        assertThat(conditional.body()).isEmpty();
    }

    @Test
    void restartKeepsTheSameItemIds() throws Exception {
        List<FeedConfig> feeds = threeSources();
        daemon = Daemon.start(config(feeds), Clock.systemUTC());
        Map<String, String> before = idsByTitle(awaitFeed("/feed.atom", f -> f.getEntries().size() >= 5));
        daemon.close();

        daemon = Daemon.start(config(feeds), Clock.systemUTC());
        Map<String, String> after = idsByTitle(awaitFeed("/feed.atom", f -> f.getEntries().size() >= 5));

        assertThat(before).hasSize(5);
        assertThat(after).isEqualTo(before);
    }

    private static Map<String, String> idsByTitle(SyndFeed feed) {
        Map<String, String> ids = new LinkedHashMap<>();
        feed.getEntries().forEach(e -> ids.put(e.getTitle(), e.getUri()));
        return ids;
    }

    @Test
    void feedThatDoesNotAnswerLeavesTheOthersServed() throws Exception {
        URI good = server.serve("/good", Feeds.rss("Good", "https://good.example/",
                new Item("g", "https://good.example/g", "Good story", "fine", DAY)));
        URI missing = server.url("/missing");
        daemon = Daemon.start(config(List.of(feed(missing, null), feed(good, null))), Clock.systemUTC());

        SyndFeed rss = awaitFeed("/feed.xml", f -> !f.getEntries().isEmpty());

        assertThat(rss.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Good story");
        // Polled on another worker: /good may be stored before /missing was even asked.
        awaitHits("/missing", 1);
        assertThat(server.hits("/missing")).as("asked once, not retried at once").isEqualTo(1);
    }

    @Test
    void noFeedsServesAValidEmptyFeed() throws Exception {
        daemon = Daemon.start(config(List.of()), Clock.systemUTC());

        HttpResponse<byte[]> response = get("/feed.xml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(parse(response.body()).getEntries()).isEmpty();
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void newItemAppearsAfterTheFeedChanges() throws Exception {
        URI url = server.serve("/live", Feeds.rss("Live", "https://live.example/",
                new Item("a", "https://live.example/a", "First", "x", DAY)));
        FeedmergeConfig config = config(List.of(new FeedConfig(url, null, Duration.ofMinutes(1), List.of())));
        daemon = Daemon.start(config, Clock.systemUTC());
        awaitFeed("/feed.xml", f -> f.getEntries().size() == 1);
        daemon.close();
        server.serve("/live", Feeds.rss("Live", "https://live.example/",
                new Item("a", "https://live.example/a", "First", "x", DAY),
                new Item("b", "https://live.example/b", "Second", "y", DAY.plusSeconds(60))));

        // The stored next poll is an interval away: a restart must not poll before it is due...
        daemon = Daemon.start(config, Clock.systemUTC());
        assertThat(titles(parse(get("/feed.xml").body()))).containsExactly("First");
        assertThat(server.hits("/live")).isEqualTo(1);
    }

    private static Set<String> titles(SyndFeed feed) {
        Set<String> titles = new HashSet<>();
        feed.getEntries().forEach(e -> titles.add(e.getTitle()));
        return titles;
    }

    @Test
    void statusJsonListsEveryConfiguredFeed() throws Exception {
        List<FeedConfig> feeds = threeSources();
        daemon = Daemon.start(config(feeds), Clock.systemUTC());
        awaitFeed("/feed.xml", f -> f.getEntries().size() >= 5);

        HttpResponse<byte[]> response = get("/status.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode status = new ObjectMapper().readTree(response.body()).get("feeds");
        assertThat(status).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(status.get(i).get("url").asText()).isEqualTo(feeds.get(i).url().toString());
            assertThat(status.get(i).get("lastStatus").asText()).isEqualTo("OK");
            assertThat(status.get(i).get("nextPollRule").asText()).isEqualTo("interval");
        }
        assertThat(status.get(2).get("title").asText()).isEqualTo("My RDF");
    }

    @Test
    void aGoneFeedStaysRetiredAcrossRestartsUntilItsEntryIsEdited() throws Exception {
        try (MockWebServer goneServer = new MockWebServer()) {
            goneServer.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(410).build();
                }
            });
            goneServer.start(InetAddress.getByName("127.0.0.1"), 0);
            FeedConfig gone = feed(goneServer.url("/gone").uri(), null);
            daemon = Daemon.start(config(List.of(gone)), Clock.systemUTC());
            awaitStatus(0, "retired", "true");
            daemon.close();

            // Restarted with the same entry (and a fresh feed to show the daemon did poll): not polled.
            URI fresh = server.serve("/fresh", Feeds.rss("Fresh", "https://fresh.example/",
                    new Item("f", "https://fresh.example/f", "Fresh story", "x", DAY)));
            daemon = Daemon.start(config(List.of(gone, feed(fresh, null))), Clock.systemUTC());
            awaitFeed("/feed.xml", f -> f.getEntries().size() == 1);
            assertThat(goneServer.getRequestCount()).isEqualTo(1);
            assertThat(statusOf(0).get("nextPollRule").asText()).isEqualTo("retired");
            daemon.close();

            // The operator edits the entry: feedmerge tries again (and retires it again).
            daemon = Daemon.start(config(List.of(feed(goneServer.url("/gone").uri(), "Gone?"), feed(fresh, null))),
                    Clock.systemUTC());
            awaitRequests(goneServer, 2);
            assertThat(goneServer.getRequestCount()).isEqualTo(2);
        }
    }

    private JsonNode statusOf(int index) throws Exception {
        return new ObjectMapper().readTree(get("/status.json").body()).get("feeds").get(index);
    }

    private void awaitStatus(int index, String field, String value) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!value.equals(statusOf(index).get(field).asText()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(statusOf(index).get(field).asText()).isEqualTo(value);
    }

    private static void awaitRequests(MockWebServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.getRequestCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
