package org.feedmerge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.feedmerge.config.FetchConfig;
import org.feedmerge.config.PollConfig;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.poll.FeedPoller;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.HostGate;
import org.feedmerge.poll.NetworkWatch;
import org.feedmerge.poll.Sleeper;
import org.feedmerge.poll.NextPollPolicy;
import org.feedmerge.poll.PollTally;
import org.feedmerge.store.Database;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.PollStatus;
import org.feedmerge.testing.Feeds;
import org.feedmerge.testing.Feeds.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Quartz scheduler driving real polls against a loopback server and a SQLite file. */
class PollSchedulerIT {
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long responseDelayMillis;
    private Database database;
    private FeedStore feeds;
    private FeedFetcher fetcher;
    private FeedPoller poller;
    private PollScheduler scheduler;

    @BeforeEach
    void setUp() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.incrementAndGet();
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(responseDelayMillis);
                    String path = request.getUrl().encodedPath();
                    if (path.equals("/gone")) {
                        return new MockResponse.Builder().code(410).build();
                    }
                    if (path.equals("/throttled")) {
                        return new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build();
                    }
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/rss+xml")
                            .body(Feeds.rss(path, "https://example.org" + path,
                                    new Item(path + "-1", "https://example.org" + path + "/1", "Story " + path, "text",
                                            Instant.parse("2026-01-01T00:00:00Z"))))
                            .build();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        database = Database.open(dir.resolve("feedmerge.db"));
        feeds = new FeedStore(database);
        fetcher = new FeedFetcher(new FetchConfig(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), "feedmerge-test", 1 << 20));
        // These tests are about Quartz: no per-host spacing, so many feeds on 127.0.0.1 can start at once.
        poller = new FeedPoller(fetcher, new FeedParser(), new EntryIdentity(), feeds,
                new NextPollPolicy(Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofHours(6), new Random()),
                new HostGate(16, Duration.ZERO, Clock.systemUTC(), Sleeper.THREAD), new NetworkWatch(Clock.systemUTC()),
                Clock.systemUTC(), () -> { });
    }

    @AfterEach
    void tearDown() {
        if (scheduler != null) {
            scheduler.close();
        }
        fetcher.close();
        database.close();
        server.close();
    }

    private PollScheduler scheduler(int threads, Duration grace) {
        return new PollScheduler(new PollConfig(INTERVAL, threads, grace, Duration.ZERO), poller, Clock.systemUTC());
    }

    private FeedSubscription subscribe(String path) {
        URI url = server.url(path).uri();
        return new FeedSubscription(feeds.register(url, null).id(), url, INTERVAL);
    }

    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (requests.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void awaitChecked(List<FeedSubscription> subscriptions) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline
                && subscriptions.stream().anyMatch(s -> feeds.find(s.feedId()).orElseThrow().lastChecked() == null)) {
            Thread.sleep(20);
        }
    }

    @Test
    void everyFeedIsPolledOnceAndBookedForItsNextInterval() throws Exception {
        scheduler = scheduler(4, Duration.ofSeconds(5));
        List<FeedSubscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            subscriptions.add(subscribe("/feed-" + i));
        }
        Instant start = Instant.now();
        subscriptions.forEach(s -> scheduler.schedule(s, start));
        scheduler.start();

        awaitChecked(subscriptions);
        Thread.sleep(300); // a second, unwanted round would have shown up by now

        assertThat(requests).hasValue(12);
        assertThat(scheduler.tally().drain(Instant.now())).as("the polls it ran, for the daemon's hourly line")
                .extracting(PollTally.Summary::polls, PollTally.Summary::answered, PollTally.Summary::failed)
                .containsExactly(12L, 12L, 0L);
        for (FeedSubscription s : subscriptions) {
            FeedRow row = feeds.find(s.feedId()).orElseThrow();
            assertThat(row.lastStatus()).isEqualTo(PollStatus.OK);
            // The interval, give or take the policy's 5% jitter.
            assertThat(row.nextPoll()).isAfter(start.plus(INTERVAL.multipliedBy(95).dividedBy(100)).minusSeconds(1));
            assertThat(row.nextPollRule()).isEqualTo("interval");
        }
    }

    @Test
    void aPollThatThrowsIsTalliedAsAFailedPoll() throws Exception {
        scheduler = scheduler(1, Duration.ofSeconds(2));
        FeedSubscription feed = subscribe("/feed");
        database.close(); // every read and write now throws StoreException, as on a failed disk
        scheduler.schedule(feed, Instant.now());
        scheduler.start();

        PollTally.Summary seen = scheduler.tally().drain(Instant.now());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (seen.polls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = scheduler.tally().drain(Instant.now());
        }

        assertThat(seen).extracting(PollTally.Summary::polls, PollTally.Summary::failed).containsExactly(1L, 1L);
    }

    @Test
    void workerPoolBoundsConcurrentPolls() throws Exception {
        responseDelayMillis = 200;
        scheduler = scheduler(2, Duration.ofSeconds(5));
        List<FeedSubscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            subscriptions.add(subscribe("/bounded-" + i));
        }
        Instant start = Instant.now();
        subscriptions.forEach(s -> scheduler.schedule(s, start));
        scheduler.start();

        awaitChecked(subscriptions);

        assertThat(requests).hasValue(6);
        assertThat(maxInFlight.get()).isBetween(1, 2);
    }

    @Test
    void neverTwoPollsOfTheSameFeedAtOnce() throws Exception {
        responseDelayMillis = 300;
        scheduler = scheduler(4, Duration.ofSeconds(5));
        FeedSubscription feed = subscribe("/single");
        Instant now = Instant.now();
        scheduler.schedule(feed, now);
        // Three more triggers for the same job at the same instant: Quartz must run them one by one.
        for (int i = 0; i < 3; i++) {
            scheduler.book(org.quartz.JobKey.jobKey("feed-" + feed.feedId(), "feeds"), now);
        }
        scheduler.start();

        awaitRequests(4);

        assertThat(requests).hasValue(4);
        assertThat(maxInFlight).hasValue(1);
    }

    @Test
    void closeLetsARunningPollFinishWithinTheGrace() throws Exception {
        responseDelayMillis = 700;
        scheduler = scheduler(2, Duration.ofSeconds(10));
        FeedSubscription feed = subscribe("/slow");
        scheduler.schedule(feed, Instant.now());
        scheduler.start();
        awaitRequests(1);

        scheduler.close();

        FeedRow row = feeds.find(feed.feedId()).orElseThrow();
        assertThat(row.lastStatus()).isEqualTo(PollStatus.OK);
        assertThat(scheduler.runningPolls()).isZero();
    }

    @Test
    void aGoneFeedIsPolledOnceAndUnscheduled() throws Exception {
        scheduler = scheduler(2, Duration.ofSeconds(5));
        FeedSubscription gone = subscribe("/gone");
        scheduler.schedule(gone, Instant.now());
        scheduler.start();

        awaitChecked(List.of(gone));
        awaitUnscheduled(gone);

        assertThat(scheduler.isScheduled(gone.feedId())).isFalse();
        assertThat(feeds.find(gone.feedId()).orElseThrow().retired()).isTrue();
        assertThat(requests).hasValue(1);
    }

    @Test
    void aFeedWhoseHostIsCoolingDownIsRebookedWithoutHoldingAWorker() throws Exception {
        scheduler = scheduler(1, Duration.ofSeconds(5));
        FeedSubscription throttled = subscribe("/throttled");
        FeedSubscription neighbour = subscribe("/neighbour");
        Instant start = Instant.now();
        scheduler.schedule(throttled, start);
        scheduler.schedule(neighbour, start.plusMillis(200));
        scheduler.start();

        awaitRule(neighbour, "host-retry-after");

        FeedRow row = feeds.find(neighbour.feedId()).orElseThrow();
        assertThat(row.lastStatus()).as("never fetched").isNull();
        assertThat(row.nextPoll()).isAfter(start.plus(Duration.ofMinutes(59)));
        assertThat(scheduler.isScheduled(neighbour.feedId())).isTrue();
        assertThat(requests).hasValue(1);
    }

    private void awaitUnscheduled(FeedSubscription feed) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (scheduler.isScheduled(feed.feedId()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void awaitRule(FeedSubscription feed, String rule) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!rule.equals(feeds.find(feed.feedId()).orElseThrow().nextPollRule()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void maintenanceTaskRunsOnItsScheduleAndAFailureDoesNotStopIt() throws Exception {
        scheduler = scheduler(2, Duration.ofSeconds(5));
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(2);
        scheduler.scheduleMaintenance("test", Instant.now(), Duration.ofMillis(200), () -> {
            ran.countDown();
            throw new IllegalStateException("first run fails");
        });
        scheduler.start();

        assertThat(ran.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
}
