package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.feedmerge.config.FetchConfig;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.MergedEntry;
import org.feedmerge.store.PollStatus;
import org.feedmerge.testing.Feeds;
import org.feedmerge.testing.Feeds.Item;
import org.feedmerge.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One feed end to end through the real fetcher, parser and a SQLite file, against a loopback server. */
class FeedPollerIT {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(30);
    private static final long MAX_BODY = 64 * 1024;

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final SettableClock clock = new SettableClock(T0);
    private final AtomicInteger changes = new AtomicInteger();
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
                Duration.ofSeconds(5), "feedmerge-test", MAX_BODY));
        poller = new FeedPoller(fetcher, new FeedParser(), new EntryIdentity(), feeds, NextPollPolicy.standard(),
                clock, changes::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
        database.close();
        server.close();
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
        assertThat(second.nextPoll()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(recovered.succeeded()).isTrue();
        assertThat(recovered.nextPoll()).isEqualTo(T0.plus(INTERVAL));
        assertThat(feeds.find(feed.feedId()).orElseThrow().consecutiveFailures()).isZero();
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
}
