package org.feedmerge.publish;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.feedmerge.config.OutputConfig;
import org.feedmerge.store.MergedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the rendered merged feed (RSS 2.0 and Atom 1.0) with its validators. Rendering happens
 * once after the entry set changes ({@link #invalidate()}), on the next request, never per request.
 * Thread-safe.
 *
 * <p>Requests that arrive while a render is running wait for it rather than start another. If
 * reading the entries fails, the previous documents stay in service (none before the first
 * success) and the render is retried on a request at least a second later, or after the next
 * {@link #invalidate()}.
 */
public final class MergedFeedPublisher {

    private static final Logger log = LoggerFactory.getLogger(MergedFeedPublisher.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final OutputConfig output;
    private final IntFunction<List<MergedEntry>> newest;
    private final Clock clock;
    private final Instant emptyFeedUpdated;
    private final RssFeedWriter rssWriter;
    private final AtomFeedWriter atomWriter;

    /** The generation requests should see; each invalidate() moves it on. */
    private final AtomicLong wanted = new AtomicLong(1);
    private final Object renderLock = new Object();
    /** The latest successful render, or null before the first. */
    private volatile Rendition current;
    // guarded by renderLock
    private final SanitizedHtml sanitizedHtml = new SanitizedHtml();
    // guarded by renderLock
    private long failedGeneration;
    private Instant failedAt = Instant.MIN;

    /**
     * Self links point at {@code /feed.xml} and {@code /feed.atom} resolved against
     * {@code output.link()}, i.e. it assumes the endpoint is exposed under the site's URL.
     *
     * @param output the merged feed's metadata and item count
     * @param newest reads the newest N entries (wired to {@code EntryStore::newest})
     * @param clock  for the feed's own updated time when it has no entries
     */
    public MergedFeedPublisher(OutputConfig output, IntFunction<List<MergedEntry>> newest, Clock clock) {
        this(output, newest, clock, output.link());
    }

    /**
     * @param publicBase the absolute URL the endpoint is reachable under from outside; the documents'
     *                   self links are {@code feed.xml} and {@code feed.atom} resolved against it
     */
    public MergedFeedPublisher(OutputConfig output, IntFunction<List<MergedEntry>> newest, Clock clock,
            URI publicBase) {
        this.output = Objects.requireNonNull(output, "output");
        this.newest = Objects.requireNonNull(newest, "newest");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!publicBase.isAbsolute() || publicBase.isOpaque()) {
            throw new IllegalArgumentException("publicBase must be an absolute http(s) URL: " + publicBase);
        }
        this.emptyFeedUpdated = FeedDates.renderable(clock.instant(), "clock");
        this.rssWriter = new RssFeedWriter(output, selfLink(publicBase, FeedFormat.RSS));
        this.atomWriter = new AtomFeedWriter(output, selfLink(publicBase, FeedFormat.ATOM));
    }

    /** Marks the rendered documents stale; the next request renders them again. */
    public void invalidate() {
        wanted.incrementAndGet();
    }

    /**
     * The documents for the current entry set, rendering them first if they are stale; the hot path
     * is two volatile reads. Null only when no render has succeeded yet.
     */
    Rendition rendition() {
        Rendition rendition = current;
        if (rendition != null && rendition.generation() >= wanted.get()) {
            return rendition;
        }
        return renderIfStale();
    }

    private Rendition renderIfStale() {
        synchronized (renderLock) {
            // Read before the entries are: an invalidate() racing with the render makes the next request render again.
            long generation = wanted.get();
            Rendition previous = current;
            if (previous != null && previous.generation() >= generation) {
                return previous;
            }
            if (generation == failedGeneration && clock.instant().isBefore(failedAt.plus(RETRY_AFTER_FAILURE))) {
                return previous;
            }
            try {
                current = render(generation, previous);
                return current;
            } catch (RuntimeException e) {
                logFailure(generation == failedGeneration, previous != null, e);
                failedGeneration = generation;
                failedAt = clock.instant();
                return previous;
            }
        }
    }

    /** One error with the cause per generation; the retries while it persists only at debug. */
    private static void logFailure(boolean retry, boolean hasPrevious, RuntimeException e) {
        String serving = hasPrevious ? "the previous documents" : "nothing yet";
        if (retry) {
            log.debug("rendering the merged feed failed again; serving {}: {}", serving, e.toString());
        } else {
            log.error("rendering the merged feed failed; serving {} and retrying", serving, e);
        }
    }

    private Rendition render(long generation, Rendition previous) {
        long started = System.nanoTime();
        List<MergedEntry> entries = newest.apply(output.itemCount());
        // Only once the entries are read: a render that cannot read them must not forget what the
        // last one sanitised.
        sanitizedHtml.startRender();
        FeedSnapshot snapshot = FeedSnapshot.of(entries, emptyFeedUpdated, sanitizedHtml);
        Rendition rendition = new Rendition(generation,
                document(FeedFormat.RSS, rssWriter.write(snapshot), snapshot, previous),
                document(FeedFormat.ATOM, atomWriter.write(snapshot), snapshot, previous));
        log.debug("rendered merged feed: entries={} rssBytes={} atomBytes={} ms={}", snapshot.entries().size(),
                rendition.rss().identity.length, rendition.atom().identity.length,
                (System.nanoTime() - started) / 1_000_000);
        return rendition;
    }

    /**
     * Last-Modified is the feed's own updated time, so it is the same on every instance and across
     * restarts. Should the bytes change without a newer entry (an entry removed, a title edited), it
     * moves one second past the previous value, so that If-Modified-Since clients still see the change.
     */
    private static CachedDocument document(FeedFormat format, byte[] body, FeedSnapshot snapshot, Rendition previous) {
        if (previous == null) {
            return CachedDocument.of(format, body, snapshot.updated());
        }
        CachedDocument before = previous.document(format);
        if (before.hasSameBytes(body)) {
            return before;
        }
        Instant lastModified = snapshot.updated().isAfter(before.lastModified)
                ? snapshot.updated() : before.lastModified.plus(1, ChronoUnit.SECONDS);
        return CachedDocument.of(format, body, lastModified);
    }

    private static URI selfLink(URI publicBase, FeedFormat format) {
        URI base = publicBase.getRawPath() == null || publicBase.getRawPath().isEmpty()
                ? publicBase.resolve("/") : publicBase;
        return base.resolve(format.path().substring(1));
    }
}
