package org.feedmerge.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.dedup.IdentifiedEntry;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.fetch.FetchRequest;
import org.feedmerge.fetch.FetchResult;
import org.feedmerge.parse.FeedParseException;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.parse.ParsedEntry;
import org.feedmerge.parse.ParsedFeed;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.NewEntry;
import org.feedmerge.store.PollRecord;
import org.feedmerge.store.PollStatus;
import org.feedmerge.store.StoreCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed end to end: conditional fetch with the stored validators, parse, identify
 * entries, and store them together with the outcome in one transaction. Expected failures (HTTP
 * errors, network trouble, broken documents) are recorded on the feed's row and reported, never
 * thrown; a 304 costs no parse and no entry write. Thread-safe: polls of different feeds run
 * concurrently.
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final EntryIdentity identity;
    private final FeedStore feeds;
    private final NextPollPolicy policy;
    private final Clock clock;
    private final Runnable onEntriesChanged;

    /**
     * @param onEntriesChanged called after a poll that added or edited entries (re-render the
     *                         merged feed)
     */
    public FeedPoller(
            FeedFetcher fetcher,
            FeedParser parser,
            EntryIdentity identity,
            FeedStore feeds,
            NextPollPolicy policy,
            Clock clock,
            Runnable onEntriesChanged) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onEntriesChanged = Objects.requireNonNull(onEntriesChanged, "onEntriesChanged");
    }

    /** Polls the feed once and records the outcome. Throws only if the database itself fails. */
    public PollReport poll(FeedSubscription feed) {
        long startNanos = System.nanoTime();
        FeedRow before = feeds.find(feed.feedId())
                .orElseThrow(() -> new IllegalStateException("feed " + feed.url() + " is not registered"));
        FetchResult fetched = fetcher.fetch(new FetchRequest(feed.url(), before.etag(), before.lastModified()));
        Outcome outcome = classify(feed, fetched);
        Instant finished = clock.instant();
        int failures = outcome.status().isSuccess() ? 0 : before.consecutiveFailures() + 1;
        Instant nextPoll = policy.next(finished, feed.interval(), failures);
        StoreCounts counts = feeds.recordPoll(feed.feedId(), outcome.toRecord(finished, nextPoll), outcome.entries());
        if (counts.changedAnything()) {
            onEntriesChanged.run();
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        PollReport report = new PollReport(feed.url(), outcome.status(), outcome.httpStatus(), millis,
                counts.added(), counts.updated(), outcome.error(), nextPoll);
        log(report, before);
        return report;
    }

    private Outcome classify(FeedSubscription feed, FetchResult fetched) {
        if (fetched instanceof FetchResult.Fetched document) {
            return ingest(feed, document);
        }
        if (fetched instanceof FetchResult.NotModified notModified) {
            return Outcome.notModified(notModified);
        }
        FetchResult.Failed failed = (FetchResult.Failed) fetched;
        return Outcome.failed(statusOf(failed.kind()), failed.httpStatus(), failed.message());
    }

    private Outcome ingest(FeedSubscription feed, FetchResult.Fetched document) {
        ParsedFeed parsed;
        try {
            parsed = parser.parse(document.body(), document.contentType(), document.finalUrl());
        } catch (FeedParseException e) {
            return Outcome.failed(PollStatus.PARSE_ERROR, document.status(), e.getMessage());
        } catch (RuntimeException e) {
            // A parser bug must not stall the feed: record it like a broken document, keep the trace.
            LOG.error("feed={} parser failed unexpectedly", feed.url(), e);
            return Outcome.failed(PollStatus.PARSE_ERROR, document.status(), "parser failed: " + e);
        }
        List<NewEntry> entries = identity.identify(parsed.entries()).stream().map(FeedPoller::toNewEntry).toList();
        return Outcome.ok(document, parsed, entries);
    }

    private static NewEntry toNewEntry(IdentifiedEntry identified) {
        ParsedEntry e = identified.entry();
        return new NewEntry(identified.key(), identified.contentHash(), e.guid(),
                e.link() == null ? null : e.link().toString(), e.title(), e.summary(), e.content(),
                e.author(), e.published(), e.updated(), identified.keys());
    }

    private static PollStatus statusOf(FetchResult.FailureKind kind) {
        return switch (kind) {
            case HTTP_ERROR -> PollStatus.HTTP_ERROR;
            case NETWORK_ERROR -> PollStatus.NETWORK_ERROR;
            case TOO_LARGE -> PollStatus.TOO_LARGE;
        };
    }

    /**
     * One line per poll with stable fields. A failure is logged at WARN when its cause is new and
     * at DEBUG while the same cause repeats, so a feed that is down for a week is one warning.
     */
    private static void log(PollReport r, FeedRow before) {
        if (r.succeeded()) {
            if (before.consecutiveFailures() > 0) {
                LOG.info("feed={} recovered after {} failures", r.url(), before.consecutiveFailures());
            }
            LOG.info("feed={} status={} http={} ms={} new={} updated={} next={}",
                    r.url(), r.status(), r.httpStatus(), r.millis(), r.added(), r.updated(), r.nextPoll());
        } else if (Objects.equals(r.error(), before.lastError())) {
            LOG.debug("feed={} status={} http={} ms={} still failing: {} next={}",
                    r.url(), r.status(), r.httpStatus(), r.millis(), r.error(), r.nextPoll());
        } else {
            LOG.warn("feed={} status={} http={} ms={} error=\"{}\" next={}",
                    r.url(), r.status(), r.httpStatus(), r.millis(), r.error(), r.nextPoll());
        }
    }

    /** The classified result of fetch + parse, before it is written. */
    private record Outcome(
            PollStatus status,
            int httpStatus,
            String error,
            String etag,
            String lastModified,
            String sourceTitle,
            String sourceLink,
            List<NewEntry> entries) {

        static Outcome ok(FetchResult.Fetched document, ParsedFeed parsed, List<NewEntry> entries) {
            return new Outcome(PollStatus.OK, document.status(), null, document.etag(), document.lastModified(),
                    parsed.title(), parsed.link() == null ? null : parsed.link().toString(), entries);
        }

        static Outcome notModified(FetchResult.NotModified notModified) {
            return new Outcome(PollStatus.NOT_MODIFIED, 304, null, notModified.etag(), notModified.lastModified(),
                    null, null, List.of());
        }

        static Outcome failed(PollStatus status, int httpStatus, String error) {
            return new Outcome(status, httpStatus, error, null, null, null, null, List.of());
        }

        PollRecord toRecord(Instant checkedAt, Instant nextPoll) {
            return new PollRecord(checkedAt, status, httpStatus, error, etag, lastModified, nextPoll,
                    sourceTitle, sourceLink);
        }
    }
}
