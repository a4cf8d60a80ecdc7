package org.feedmerge.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.feedmerge.config.OutputConfig;
import org.feedmerge.config.ServerConfig;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.poll.FeedPoller;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.NextPollPolicy;
import org.feedmerge.poll.PollReport;
import org.feedmerge.publish.FeedEndpoint;
import org.feedmerge.publish.MergedFeedPublisher;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import java.util.Random;
import org.feedmerge.poll.Sleeper;
import org.feedmerge.poll.NetworkWatch;
import org.feedmerge.poll.HostGate;

/**
 * One worker's pipeline: the real poller writing into a fresh SQLite file per document, and the
 * real publisher and endpoint reading it back. A database per document keeps every document's
 * merged feed its own (public ids are first-come across feeds, and cross-feed dedup would fold the
 * corpus's many look-alike entries together), while the endpoint, publisher and HTTP clients are
 * built once per worker. Used by one thread at a time.
 */
final class MergeStation implements AutoCloseable {
    static final OutputConfig OUTPUT = new OutputConfig("feedmerge conformance", URI.create("https://feedmerge.invalid/"),
            "corpus documents, merged one at a time", 10_000);
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Path dir;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final Clock clock;
    private final OkHttpClient http;
    private final MergedFeedPublisher publisher;
    private final FeedEndpoint endpoint;
    private final AtomicInteger sequence = new AtomicInteger();
    /** The store the publisher renders from: the current document's, or none between documents. */
    private volatile EntryStore current;

    MergeStation(Path dir, FeedFetcher fetcher, FeedParser parser, Clock clock, OkHttpClient http) {
        this.dir = dir;
        this.fetcher = fetcher;
        this.parser = parser;
        this.clock = clock;
        this.http = http;
        this.publisher = new MergedFeedPublisher(OUTPUT, this::newest, clock);
        this.endpoint = FeedEndpoint.start(new ServerConfig("127.0.0.1", 0), publisher);
    }

    private List<org.feedmerge.store.MergedEntry> newest(int limit) {
        EntryStore store = current;
        return store == null ? List.of() : store.newest(limit);
    }

    /** Polls {@code url} {@code polls} times into a new database and reads the merged feed back. */
    Ingest ingest(URI url, int polls) {
        Path file = dir.resolve("doc-" + sequence.incrementAndGet() + ".db");
        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database);
            EntryStore entries = new EntryStore(database);
            current = entries;
            publisher.invalidate();
            return pollAndReadBack(url, polls, feeds, entries);
        } finally {
            current = null;
            deleteDatabase(file);
        }
    }

    private Ingest pollAndReadBack(URI url, int polls, FeedStore feeds, EntryStore entries) {
        FeedRow row = feeds.register(url, null);
        // One document per feed on one loopback host: no per-host spacing, which would only slow the suite.
        FeedPoller poller = new FeedPoller(fetcher, parser, new EntryIdentity(), feeds,
                new NextPollPolicy(Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofHours(6), new Random(1)),
                new HostGate(16, Duration.ZERO, clock, Sleeper.THREAD), new NetworkWatch(clock), clock,
                publisher::invalidate);
        FeedSubscription subscription = new FeedSubscription(row.id(), url, INTERVAL);
        List<PollReport> reports = new ArrayList<>();
        String crash = null;
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < polls; i++) {
                reports.add(poller.poll(subscription));
            }
        } catch (RuntimeException e) {
            crash = OneLine.of(e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        Rendered rss = get("/feed.xml");
        Rendered atom = get("/feed.atom");
        return new Ingest(url, reports, crash, false, allocated, millis, entries.countForFeed(row.id()),
                rss, atom, List.of(), List.of());
    }

    private Rendered get(String path) {
        Request request = new Request.Builder().url("http://127.0.0.1:" + endpoint.address().getPort() + path).build();
        try (Response response = http.newCall(request).execute()) {
            return new Rendered(response.code(), response.body().bytes());
        } catch (IOException e) {
            return Rendered.NONE;
        }
    }

    private static void deleteDatabase(Path file) {
        try {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
