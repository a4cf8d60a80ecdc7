package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.feedmerge.config.FetchConfig;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.FeedLocation;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.MergedEntry;
import org.feedmerge.store.PollRecord;
import org.feedmerge.store.PollStatus;
import org.feedmerge.testing.Feeds;
import org.feedmerge.testing.Feeds.Item;
import org.feedmerge.testing.ResettingServer;
import org.feedmerge.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** One feed end to end through the real fetcher, parser and a SQLite file, against a loopback server. */
class FeedPollerIT {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(30);
    private static final long MAX_BODY = 64 * 1024;

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final SettableClock clock = new SettableClock(T0);
    private final ClockSleeper sleeper = new ClockSleeper(clock);
    private final AtomicInteger changes = new AtomicInteger();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Database database;
    private FeedStore feeds;
    private EntryStore entries;
    private FeedFetcher fetcher;
    private FeedPoller poller;

    @BeforeEach
    void setUp() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        database = Database.open(dir.resolve("feedmerge.db"));
        feeds = new FeedStore(database);
        entries = new EntryStore(database);
        fetcher = new FeedFetcher(new FetchConfig(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), "feedmerge-test", MAX_BODY), clock);
        // No spacing by default: these tests poll back to back; spacing has its own test.
        poller = poller(fetcher, new HostGate(2, Duration.ZERO, clock, sleeper));
        logs.start();
        pollerLogger().addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        pollerLogger().detachAppender(logs);
        fetcher.close();
        database.close();
        server.close();
    }

    private static ch.qos.logback.classic.Logger pollerLogger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(FeedPoller.class);
    }

    private FeedPoller poller(FeedFetcher with, HostGate gate) {
        NextPollPolicy policy = new NextPollPolicy(Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofHours(6),
                new CenteredRandom());
        return new FeedPoller(with, new FeedParser(), new EntryIdentity(), feeds, policy, gate,
                new NetworkWatch(clock), clock, changes::incrementAndGet);
    }

    private FeedRow row(FeedSubscription feed) {
        return feeds.find(feed.feedId()).orElseThrow();
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private FeedSubscription subscribe(String path) {
        URI url = server.url(path).uri();
        return new FeedSubscription(feeds.register(url, null).id(), url, INTERVAL);
    }

    private void enqueueFeed(String body, String etag) {
        MockResponse.Builder response = new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/rss+xml; charset=utf-8").body(body);
        if (etag != null) {
            response.addHeader("ETag", etag);
        }
        server.enqueue(response.build());
    }

    private static Item item(String guid, String title, String description) {
        return new Item(guid, "https://news.example/" + guid, title, description, T0.minus(Duration.ofHours(1)));
    }

    @Test
    void aPollThatBringsSomethingIsLoggedAtInfoAndOneThatBringsNothingAtDebug() {
        FeedSubscription feed = subscribe("/feed");
        String document = Feeds.rss("News", "https://news.example/", item("a", "A", "a"));
        enqueueFeed(document, "\"v1\"");
        server.enqueue(new MockResponse.Builder().code(304).build());
        enqueueFeed(document, "\"v2\"");
        ch.qos.logback.classic.Logger logger = pollerLogger();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            poller.poll(feed);
            poller.poll(feed);
            poller.poll(feed);
        } finally {
            logger.setLevel(level);
        }

        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().startsWith("feed=" + feed.url() + " status="))
                .extracting(e -> e.getLevel() + " " + e.getFormattedMessage().split(" ")[1] + " "
                        + e.getFormattedMessage().split(" ")[4])
                .containsExactly("INFO status=OK new=1", "DEBUG status=NOT_MODIFIED new=0", "DEBUG status=OK new=0");
    }

    @Test
    void secondPollSendsTheStoredEtagAsIfNoneMatch() throws Exception {
        FeedSubscription feed = subscribe("/feed");
        enqueueFeed(Feeds.rss("News", "https://news.example/", item("a", "A", "a")), "\"v1\"");
        server.enqueue(new MockResponse.Builder().code(304).build());

        poller.poll(feed);
        PollReport second = poller.poll(feed);

        assertThat(server.takeRequest().getHeaders().get("If-None-Match")).isNull();
        assertThat(server.takeRequest().getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second.status()).isEqualTo(PollStatus.NOT_MODIFIED);
    }

    @Test
    void notModifiedLeavesEntriesAndValidatorsUntouched() throws Exception {
        FeedSubscription feed = subscribe("/feed");
        enqueueFeed(Feeds.rss("News", "https://news.example/", item("a", "A", "a"), item("b", "B", "b")), "\"v1\"");
        server.enqueue(new MockResponse.Builder().code(304).build());
        poller.poll(feed);
        List<MergedEntry> before = entries.newest(10);
        clock.advance(INTERVAL);

        PollReport report = poller.poll(feed);

        assertThat(report.added()).isZero();
        assertThat(entries.newest(10)).isEqualTo(before);
        FeedRow row = feeds.find(feed.feedId()).orElseThrow();
        assertThat(row.etag()).isEqualTo("\"v1\"");
        assertThat(row.lastChecked()).isEqualTo(T0.plus(INTERVAL));
        assertThat(changes).hasValue(1);
    }

    @Test
    void sameItemPolledTwiceIsStoredOnce() {
        FeedSubscription feed = subscribe("/feed");
        String body = Feeds.rss("News", "https://news.example/", item("a", "A", "a"));
        enqueueFeed(body, null);
        enqueueFeed(body, null);

        PollReport first = poller.poll(feed);
        PollReport second = poller.poll(feed);

        assertThat(first.added()).isEqualTo(1);
        assertThat(second.added()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(entries.countForFeed(feed.feedId())).isEqualTo(1);
        assertThat(changes).hasValue(1);
    }

    @Test
    void editedItemIsUpdatedInPlaceNotDuplicated() {
        FeedSubscription feed = subscribe("/feed");
        enqueueFeed(Feeds.rss("News", "https://news.example/", item("a", "Old title", "old text")), null);
        enqueueFeed(Feeds.rss("News", "https://news.example/", item("a", "New title", "new text")), null);
        poller.poll(feed);
        long id = entries.newest(1).get(0).id();
        clock.advance(INTERVAL);

        PollReport report = poller.poll(feed);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(entries.countForFeed(feed.feedId())).isEqualTo(1);
        MergedEntry edited = entries.newest(1).get(0);
        assertThat(edited.id()).isEqualTo(id);
        assertThat(edited.title()).isEqualTo("New title");
        assertThat(edited.updated()).isEqualTo(T0.plus(INTERVAL));
    }

    @Test
    void differentItemsSharingOneGuidInADocumentAreBothKept() {
        FeedSubscription feed = subscribe("/feed");
        enqueueFeed(Feeds.rss("News", "https://news.example/",
                new Item("same", "https://news.example/one", "First story", "one", T0.minusSeconds(60)),
                new Item("same", "https://news.example/two", "Second story", "two", T0.minusSeconds(30))), null);

        poller.poll(feed);

        assertThat(entries.newest(10)).extracting(MergedEntry::title)
                .containsExactlyInAnyOrder("First story", "Second story");
    }

    @Test
    void futureDateIsClampedToFirstSeen() {
        FeedSubscription feed = subscribe("/feed");
        enqueueFeed(Feeds.rss("News", "https://news.example/",
                new Item("f", "https://news.example/f", "From the future", "x", T0.plus(Duration.ofDays(365)))), null);

        poller.poll(feed);

        assertThat(entries.newest(1).get(0).published()).isEqualTo(T0);
    }

    @Test
    void bodyOverTheLimitFailsThatFeedOnly() {
        FeedSubscription huge = subscribe("/huge");
        FeedSubscription fine = subscribe("/fine");
        String padding = "x".repeat((int) MAX_BODY);
        enqueueFeed(Feeds.rss("Huge", "https://huge.example/", item("h", "Huge", padding)), null);
        enqueueFeed(Feeds.rss("Fine", "https://fine.example/", item("f", "Fine", "small")), null);

        PollReport hugeReport = poller.poll(huge);
        PollReport fineReport = poller.poll(fine);

        assertThat(hugeReport.status()).isEqualTo(PollStatus.TOO_LARGE);
        assertThat(feeds.find(huge.feedId()).orElseThrow().lastError()).contains("exceeds");
        assertThat(fineReport.status()).isEqualTo(PollStatus.OK);
        assertThat(entries.newest(10)).extracting(MergedEntry::title).containsExactly("Fine");
    }

    @Test
    void brokenDocumentIsRecordedAndKeepsWhatWasStored() {
        FeedSubscription feed = subscribe("/feed");
        enqueueFeed(Feeds.rss("News", "https://news.example/", item("a", "A", "a")), null);
        enqueueFeed("<rss><channel><item><title>unterminated", null);
        poller.poll(feed);
        clock.advance(INTERVAL);

        PollReport report = poller.poll(feed);

        assertThat(report.status()).isEqualTo(PollStatus.PARSE_ERROR);
        assertThat(report.error()).isNotBlank();
        FeedRow row = feeds.find(feed.feedId()).orElseThrow();
        assertThat(row.consecutiveFailures()).isEqualTo(1);
        assertThat(row.lastSuccess()).isEqualTo(T0);
        assertThat(entries.countForFeed(feed.feedId())).isEqualTo(1);
    }

    @Test
    void repeatedFailuresBackOffAndASuccessResetsThem() {
        FeedSubscription feed = subscribe("/feed");
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        enqueueFeed(Feeds.rss("News", "https://news.example/", item("a", "A", "a")), null);

        PollReport first = poller.poll(feed);
        PollReport second = poller.poll(feed);
        PollReport recovered = poller.poll(feed);

        assertThat(first.status()).isEqualTo(PollStatus.HTTP_ERROR);
        assertThat(first.httpStatus()).isEqualTo(500);
        assertThat(first.nextPoll()).isEqualTo(T0.plus(INTERVAL));
        assertThat(first.rule()).isEqualTo(NextPollRule.BACKOFF);
        assertThat(second.nextPoll()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(recovered.succeeded()).isTrue();
        assertThat(recovered.nextPoll()).isEqualTo(T0.plus(INTERVAL));
        assertThat(recovered.rule()).isEqualTo(NextPollRule.INTERVAL);
        assertThat(row(feed).consecutiveFailures()).isZero();
        assertThat(row(feed).nextPollRule()).isEqualTo("interval");
    }

    @Test
    void gzipEncodedFeedIsIngested() throws Exception {
        FeedSubscription feed = subscribe("/feed");
        Buffer gzipped = new Buffer();
        try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
            sink.writeUtf8(Feeds.rss("News", "https://news.example/", item("z", "Zipped", "z")));
        }
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Encoding", "gzip")
                .addHeader("Content-Type", "application/rss+xml").body(gzipped).build());

        assertThat(poller.poll(feed).added()).isEqualTo(1);
        assertThat(entries.newest(1).get(0).title()).isEqualTo("Zipped");
    }

    // --- what the publisher and the server ask for -------------------------------------------

    @Test
    void cacheControlMaxAgeRaisesTheNextPollAndTheRuleIsRecorded() {
        FeedSubscription feed = subscribe("/feed");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                .addHeader("Cache-Control", "max-age=7200").addHeader("ETag", "\"v1\"")
                .body(Feeds.rss("News", "https://news.example/", item("a", "A", "a"))).build());
        server.enqueue(new MockResponse.Builder().code(304).addHeader("Cache-Control", "max-age=3600").build());

        PollReport first = poller.poll(feed);
        clock.advance(Duration.ofHours(2));
        PollReport second = poller.poll(feed);

        assertThat(first.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(first.rule()).isEqualTo(NextPollRule.CACHE_CONTROL);
        assertThat(second.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(row(feed).nextPollRule()).isEqualTo("cache-control");
    }

    @Test
    void publisherHintsOfTheLastDocumentStillCountAfterA304() {
        FeedSubscription feed = subscribe("/feed");
        // What the parser would have stored from <ttl>120</ttl> on the last 200.
        feeds.recordPoll(feed.feedId(), new PollRecord(T0.minusSeconds(60), PollStatus.OK, 200, null, "\"v1\"", null,
                T0, null, null, "ttl", true, "ttl=PT2H", null, false), List.of());
        server.enqueue(new MockResponse.Builder().code(304).build());

        PollReport report = poller.poll(feed);

        assertThat(report.status()).isEqualTo(PollStatus.NOT_MODIFIED);
        assertThat(report.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(report.rule()).isEqualTo(NextPollRule.TTL);
        assertThat(row(feed).publisherHints()).isEqualTo("ttl=PT2H");
    }

    @Test
    void tooManyRequestsWithRetryAfterHoldsBackEveryFeedOnThatHost() throws Exception {
        FeedSubscription throttled = subscribe("/throttled");
        FeedSubscription neighbour = subscribe("/neighbour");
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        enqueueFeed(Feeds.rss("Neighbour", "https://n.example/", item("n", "N", "n")), null);

        PollReport first = poller.poll(throttled);
        PollReport postponed = poller.poll(neighbour);

        assertThat(first.status()).isEqualTo(PollStatus.HTTP_ERROR);
        assertThat(first.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(first.rule()).isEqualTo(NextPollRule.RETRY_AFTER);
        assertThat(postponed.status()).isEqualTo(PollStatus.POSTPONED);
        assertThat(postponed.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(postponed.rule()).isEqualTo(NextPollRule.HOST_RETRY_AFTER);
        assertThat(server.getRequestCount()).as("the neighbour was not fetched").isEqualTo(1);
        FeedRow neighbourRow = row(neighbour);
        assertThat(neighbourRow.lastStatus()).isNull();
        assertThat(neighbourRow.consecutiveFailures()).isZero();
        assertThat(neighbourRow.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(neighbourRow.nextPollRule()).isEqualTo("host-retry-after");
        assertThat(sleeper.sleeps).as("no worker slept through the wait").isEmpty();

        clock.advance(Duration.ofHours(1));
        assertThat(poller.poll(neighbour).status()).isEqualTo(PollStatus.OK);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/throttled");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/neighbour");
    }

    @Test
    void unavailableWithAnHttpDateRetryAfterWaitsThatLong() {
        FeedSubscription feed = subscribe("/feed");
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Date", Feeds.rfc822(T0))
                .addHeader("Retry-After", Feeds.rfc822(T0.plus(Duration.ofHours(2)))).build());

        PollReport report = poller.poll(feed);

        assertThat(report.nextPoll()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(report.rule()).isEqualTo(NextPollRule.RETRY_AFTER);
        assertThat(row(feed).consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void sameHostRequestsAreSpacedWithAShortWaitInPlace() throws Exception {
        poller = poller(fetcher, new HostGate(2, Duration.ofSeconds(1), clock, sleeper));
        FeedSubscription a = subscribe("/a");
        FeedSubscription b = subscribe("/b");
        enqueueFeed(Feeds.rss("A", "https://a.example/", item("a", "A", "a")), null);
        enqueueFeed(Feeds.rss("B", "https://b.example/", item("b", "B", "b")), null);

        poller.poll(a);
        PollReport second = poller.poll(b);

        assertThat(second.status()).isEqualTo(PollStatus.OK);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(row(b).lastChecked()).isEqualTo(T0.plusSeconds(1));
    }

    // --- errors and our own network -----------------------------------------------------------

    @Test
    void notFoundIsAnErrorWithBackoffNotARetirement() {
        FeedSubscription feed = subscribe("/feed");
        server.enqueue(new MockResponse.Builder().code(404).build());
        server.enqueue(new MockResponse.Builder().code(404).build());

        poller.poll(feed);
        PollReport second = poller.poll(feed);

        assertThat(second.retired()).isFalse();
        assertThat(second.nextPoll()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(row(feed).retired()).isFalse();
        assertThat(row(feed).consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void theSameFailureEveryPollIsOneWarning() {
        FeedSubscription feed = subscribe("/feed");
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }

        poller.poll(feed);
        poller.poll(feed);
        poller.poll(feed);

        assertThat(warnings()).hasSize(1);
        assertThat(warnings().get(0)).startsWith("feed=" + feed.url() + " status=HTTP_ERROR http=500 ms=")
                .contains(" new=0 ", "rule=backoff");
    }

    @Test
    void whenNearlyEveryFeedFailsAtOnceOurNetworkIsBlamedNotTheFeeds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        List<FeedSubscription> unreachable = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            URI url = URI.create("http://127.0.0." + i + ":" + closedPort + "/feed");
            unreachable.add(new FeedSubscription(feeds.register(url, null).id(), url, INTERVAL));
        }

        List<PollReport> reports = unreachable.stream().map(poller::poll).toList();

        assertThat(reports).allSatisfy(r -> assertThat(r.status()).isEqualTo(PollStatus.NETWORK_ERROR));
        assertThat(unreachable.subList(0, 4)).allSatisfy(f -> assertThat(row(f).consecutiveFailures()).isEqualTo(1));
        FeedSubscription fifth = unreachable.get(4);
        assertThat(row(fifth).consecutiveFailures()).as("not held against the feed").isZero();
        assertThat(reports.get(4).rule()).isEqualTo(NextPollRule.NETWORK_DOWN);
        assertThat(reports.get(4).nextPoll()).isEqualTo(T0.plus(INTERVAL));

        PollReport again = poller.poll(unreachable.get(0));
        assertThat(again.rule()).isEqualTo(NextPollRule.NETWORK_DOWN);
        assertThat(row(unreachable.get(0)).consecutiveFailures()).isEqualTo(1);
        assertThat(warnings()).filteredOn(w -> w.contains("network looks down")).hasSizeLessThanOrEqualTo(1);
    }

    // --- 410 and redirects --------------------------------------------------------------------

    @Test
    void goneRetiresTheFeedForGood() {
        FeedSubscription feed = subscribe("/feed");
        server.enqueue(new MockResponse.Builder().code(410).build());

        PollReport report = poller.poll(feed);
        PollReport afterwards = poller.poll(feed);

        assertThat(report.retired()).isTrue();
        assertThat(report.nextPoll()).isNull();
        assertThat(report.rule()).isEqualTo(NextPollRule.RETIRED);
        FeedRow row = row(feed);
        assertThat(row.retiredAt()).isEqualTo(T0);
        assertThat(row.nextPoll()).isNull();
        assertThat(row.nextPollRule()).isEqualTo("retired");
        assertThat(row.lastHttpStatus()).isEqualTo(410);
        assertThat(afterwards.retired()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(warnings()).hasSize(1).allSatisfy(w -> assertThat(w).contains("http=410", "retired"));
    }

    private void redirectEverything(int status, String fromPath, String toPath) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals(fromPath)) {
                    return new MockResponse.Builder().code(status).addHeader("Location", toPath).build();
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                        .body(Feeds.rss("News", "https://news.example/", item("a", "A", "a"))).build();
            }
        });
    }

    @Test
    void thePermanentTargetSeenOnThreePollsInARowBecomesTheFeedsUrl() throws Exception {
        FeedSubscription feed = subscribe("/old");
        redirectEverything(301, "/old", "/new");

        poller.poll(feed);
        poller.poll(feed);
        assertThat(row(feed).location().currentUrl()).isNull();
        assertThat(row(feed).location().redirectStreak()).isEqualTo(2);
        poller.poll(feed);
        poller.poll(feed);

        FeedRow row = row(feed);
        assertThat(row.url()).isEqualTo(feed.url());
        assertThat(row.location().currentUrl()).isEqualTo(server.url("/new").uri());
        assertThat(row.location().movedAt()).isEqualTo(T0);
        assertThat(row.fetchUrl()).isEqualTo(server.url("/new").uri());
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            paths.add(server.takeRequest().getUrl().encodedPath());
        }
        assertThat(paths).containsExactly("/old", "/new", "/old", "/new", "/old", "/new", "/new");
        assertThat(entries.countForFeed(feed.feedId())).isEqualTo(1);
        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("moved permanently")).hasSize(1);
    }

    @Test
    void temporaryRedirectsNeverMoveTheFeed() {
        FeedSubscription feed = subscribe("/old");
        redirectEverything(307, "/old", "/new");

        for (int i = 0; i < 4; i++) {
            assertThat(poller.poll(feed).status()).isEqualTo(PollStatus.OK);
        }

        assertThat(row(feed).location()).isEqualTo(FeedLocation.ORIGINAL);
    }

    @Test
    void aPermanentThenTemporaryChainNeverMovesTheFeed() {
        FeedSubscription feed = subscribe("/old");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/old" -> new MockResponse.Builder().code(301).addHeader("Location", "/mid").build();
                    case "/mid" -> new MockResponse.Builder().code(302).addHeader("Location", "/new").build();
                    default -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                            .body(Feeds.rss("News", "https://news.example/", item("a", "A", "a"))).build();
                };
            }
        });

        for (int i = 0; i < 4; i++) {
            poller.poll(feed);
        }

        assertThat(row(feed).location()).isEqualTo(FeedLocation.ORIGINAL);
    }

    // --- hostile bodies leave what was stored untouched -------------------------------------

    private FeedSubscription pollOnceSuccessfully(String path) {
        FeedSubscription feed = subscribe(path);
        enqueueFeed(Feeds.rss("News", "https://news.example/", item("a", "A", "a"), item("b", "B", "b")), "\"v1\"");
        assertThat(poller.poll(feed).added()).isEqualTo(2);
        clock.advance(INTERVAL);
        return feed;
    }

    private void assertStoredEntriesUntouched(FeedSubscription feed, List<MergedEntry> before, PollReport report) {
        assertThat(report.status()).isEqualTo(PollStatus.NETWORK_ERROR);
        assertThat(entries.newest(10)).isEqualTo(before);
        FeedRow row = row(feed);
        assertThat(row.etag()).isEqualTo("\"v1\"");
        assertThat(row.lastSuccess()).isEqualTo(T0);
        assertThat(row.consecutiveFailures()).isEqualTo(1);
        assertThat(changes).hasValue(1);
    }

    @Test
    void aConnectionResetMidBodyLeavesStoredEntriesUntouched() throws Exception {
        try (ResettingServer hostile = new ResettingServer()) {
            URI url = hostile.url("/feed");
            FeedSubscription feed = new FeedSubscription(feeds.register(url, null).id(), url, INTERVAL);
            String document = Feeds.rss("News", "https://news.example/", item("a", "A", "a"), item("b", "B", "b"));
            hostile.enqueueDocument(document, "application/rss+xml");
            hostile.enqueueResetMidBody(Feeds.rss("News", "https://news.example/", item("a", "A edited", "x"),
                    item("c", "C", "c")) + "<!--" + "padding ".repeat(2000) + "-->", "application/rss+xml");
            poller.poll(feed);
            List<MergedEntry> before = entries.newest(10);
            clock.advance(INTERVAL);

            PollReport report = poller.poll(feed);

            assertThat(report.status()).isEqualTo(PollStatus.NETWORK_ERROR);
            assertThat(report.error()).isIn("connection reset", "connection closed before the response was complete");
            assertThat(entries.newest(10)).isEqualTo(before);
            assertThat(row(feed).consecutiveFailures()).isEqualTo(1);
            assertThat(row(feed).lastSuccess()).isEqualTo(T0);
            assertThat(changes).hasValue(1);
        }
    }

    @Test
    void aConnectionClosedMidBodyLeavesStoredEntriesUntouched() {
        FeedSubscription feed = pollOnceSuccessfully("/feed");
        List<MergedEntry> before = entries.newest(10);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                .body(new Buffer().writeUtf8(Feeds.rss("News", "https://news.example/", item("c", "C", "c"))
                        + "x".repeat(32 * 1024)))
                .onResponseBody(new SocketEffect.CloseSocket()).build());

        assertStoredEntriesUntouched(feed, before, poller.poll(feed));
    }

    @Test
    void aSlowDripHitsTheCallTimeoutAndLeavesStoredEntriesUntouched() {
        FeedSubscription feed = pollOnceSuccessfully("/feed");
        List<MergedEntry> before = entries.newest(10);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                .body(Feeds.rss("News", "https://news.example/", item("c", "C", "c")))
                .throttleBody(1, 50, TimeUnit.MILLISECONDS).build());

        try (FeedFetcher impatient = new FeedFetcher(new FetchConfig(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(500), "feedmerge-test", MAX_BODY), clock)) {
            PollReport report = poller(impatient, new HostGate(2, Duration.ZERO, clock, sleeper)).poll(feed);

            assertStoredEntriesUntouched(feed, before, report);
            assertThat(report.error()).isEqualTo("timeout after 500 ms (whole request)");
        }
    }

    @Test
    void aRedirectLoopFailsThatPollCleanly() {
        FeedSubscription feed = pollOnceSuccessfully("/feed");
        List<MergedEntry> before = entries.newest(10);
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/feed").build());

        PollReport report = poller.poll(feed);

        assertThat(report.status()).isEqualTo(PollStatus.HTTP_ERROR);
        assertThat(report.error()).startsWith("redirect loop: ");
        assertThat(entries.newest(10)).isEqualTo(before);
        assertThat(row(feed).location()).isEqualTo(FeedLocation.ORIGINAL);
    }
}
