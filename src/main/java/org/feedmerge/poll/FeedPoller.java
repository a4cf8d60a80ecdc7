package org.feedmerge.poll;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.dedup.IdentifiedEntry;
import org.feedmerge.fetch.FeedFetcher;
import org.feedmerge.fetch.FetchRequest;
import org.feedmerge.fetch.FetchResult;
import org.feedmerge.fetch.Redirects;
import org.feedmerge.parse.FeedParseException;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.parse.ParsedEntry;
import org.feedmerge.parse.ParsedFeed;
import org.feedmerge.parse.PublisherHints;
import org.feedmerge.store.FeedLocation;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.NewEntry;
import org.feedmerge.store.PollRecord;
import org.feedmerge.store.PollStatus;
import org.feedmerge.store.StoreCounts;

/**
 * Polls one feed end to end: asks the host gate, fetches conditionally with the stored validators
 * from where the feed lives now, parses, identifies entries, and stores them together with the
 * outcome in one transaction. Expected failures (HTTP errors, network trouble, broken documents) are
 * recorded on the feed's row and reported, never thrown; a 304 costs no parse and no entry write.
 * Thread-safe: polls of different feeds run concurrently.
 *
 * <p>Politeness (docs/politeness.md): a busy or cooling-down host postpones the poll without
 * fetching; a 429/503 with Retry-After cools down the whole host; failures back off unless our own
 * network looks down; stable permanent redirects move the feed; 410 Gone retires it.
 */
public final class FeedPoller {
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final EntryIdentity identity;
    private final FeedStore feeds;
    private final NextPollPolicy policy;
    private final HostGate gate;
    private final NetworkWatch network;
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
            HostGate gate,
            NetworkWatch network,
            Clock clock,
            Runnable onEntriesChanged) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.network = Objects.requireNonNull(network, "network");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onEntriesChanged = Objects.requireNonNull(onEntriesChanged, "onEntriesChanged");
    }

    /** Polls the feed once and records the outcome. Throws only if the database itself fails. */
    public PollReport poll(FeedSubscription feed) {
        long startNanos = System.nanoTime();
        FeedRow before = feeds.find(feed.feedId())
                .orElseThrow(() -> new IllegalStateException("feed " + feed.url() + " is not registered"));
        if (before.retired()) {
            return PollLog.retiredAlready(feed, before);
        }
        URI url = before.fetchUrl();
        HostGate.Admission admission = gate.admit(url.getHost());
        if (admission instanceof HostGate.Postponed postponed) {
            feeds.postpone(feed.feedId(), postponed.until(), postponed.rule().label());
            return PollLog.postponed(feed, postponed, millisSince(startNanos));
        }
        HostGate.Permit permit = ((HostGate.Admitted) admission).permit();
        FetchResult fetched;
        try {
            fetched = fetcher.fetch(new FetchRequest(url, before.etag(), before.lastModified()));
        } finally {
            permit.close();
        }
        return record(feed, before, fetched, startNanos);
    }

    private PollReport record(FeedSubscription feed, FeedRow before, FetchResult fetched, long startNanos) {
        Instant finished = clock.instant();
        String host = answeringHost(before.fetchUrl(), fetched);
        coolDownIfAsked(host, fetched, finished);
        Outcome outcome = classify(feed, fetched);
        PublisherHints hints = outcome.parsedHints() != null
                ? outcome.parsedHints() : StoredHints.decode(before.publisherHints());
        boolean excused = network.record(host, outcome.status() == PollStatus.NETWORK_ERROR);
        boolean retire = outcome.status() == PollStatus.HTTP_ERROR && outcome.httpStatus() == 410;
        NextPoll next = retire ? null : next(feed.interval(), before, outcome, fetched, hints, excused, finished);
        FeedLocation location = Relocation.after(before.location(), fetched.redirects(),
                outcome.status().isSuccess(), finished);
        PollRecord poll = outcome.toRecord(finished, next, !excused, hints, location, retire);
        StoreCounts counts = feeds.recordPoll(feed.feedId(), poll, outcome.entries());
        if (counts.changedAnything()) {
            onEntriesChanged.run();
        }
        PollReport report = new PollReport(feed.url(), outcome.status(), outcome.httpStatus(),
                millisSince(startNanos), counts.added(), counts.updated(), outcome.error(),
                next == null ? null : next.at(), next == null ? NextPollRule.RETIRED : next.rule(), retire);
        PollLog.finished(report, before, excused);
        PollLog.movedIfSo(feed, before.location(), location);
        return report;
    }

    private NextPoll next(Duration interval, FeedRow before, Outcome outcome, FetchResult fetched,
            PublisherHints hints, boolean excused, Instant now) {
        if (outcome.status().isSuccess()) {
            return policy.afterSuccess(now, interval, hints, fetched.hints());
        }
        if (excused) {
            return policy.afterNetworkDown(now, interval, hints);
        }
        return policy.afterFailure(now, interval, before.consecutiveFailures() + 1, outcome.httpStatus(), hints,
                fetched.hints());
    }

    /**
     * RFC 6585 §4 and RFC 9110 §15.6.4: a 429 or 503 with Retry-After speaks for the server, so
     * every feed on that host waits, not just this one. Capped at the ceiling: a server cannot
     * freeze its feeds for a year.
     */
    private void coolDownIfAsked(String host, FetchResult fetched, Instant now) {
        if (fetched instanceof FetchResult.Failed failed && fetched.hints().retryAfter() != null
                && (failed.httpStatus() == 429 || failed.httpStatus() == 503)) {
            Duration wait = min(fetched.hints().retryAfter(), policy.ceiling());
            if (gate.coolDown(host, now.plus(wait))) {
                PollLog.hostCoolingDown(host, failed.httpStatus(), wait, now.plus(wait));
            }
        }
    }

    /** The host that gave the final answer: where the redirects ended, if any. */
    private static String answeringHost(URI requested, FetchResult fetched) {
        List<Redirects.Hop> hops = fetched.redirects().hops();
        return hops.isEmpty() ? requested.getHost() : hops.get(hops.size() - 1).to().getHost();
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
            parsed = parser.parse(document.body(), document.contentType(), document.baseUri());
        } catch (FeedParseException e) {
            return Outcome.failed(PollStatus.PARSE_ERROR, document.status(), e.getMessage());
        } catch (RuntimeException e) {
            // A parser bug must not stall the feed: record it like a broken document, keep the trace.
            PollLog.parserBug(feed, e);
            return Outcome.failed(PollStatus.PARSE_ERROR, document.status(), "parser failed: " + e);
        }
        List<NewEntry> entries = identity.identify(parsed.entries()).stream().map(FeedPoller::toNewEntry).toList();
        return Outcome.ok(document, parsed, entries);
    }

    private static NewEntry toNewEntry(IdentifiedEntry identified) {
        ParsedEntry e = identified.entry();
        return new NewEntry(identified.key(), identified.contentHash(), e.guid(),
                e.link() == null ? null : e.link().toString(), e.title(), e.summary(), e.content(),
                e.author(), e.published(), e.updated(), identified.keys(), identified.normalised(),
                e.htmlBase() == null ? null : e.htmlBase().toString());
    }

    private static PollStatus statusOf(FetchResult.FailureKind kind) {
        return switch (kind) {
            case HTTP_ERROR -> PollStatus.HTTP_ERROR;
            case NETWORK_ERROR -> PollStatus.NETWORK_ERROR;
            case TOO_LARGE -> PollStatus.TOO_LARGE;
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
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
            PublisherHints parsedHints,
            List<NewEntry> entries) {

        static Outcome ok(FetchResult.Fetched document, ParsedFeed parsed, List<NewEntry> entries) {
            return new Outcome(PollStatus.OK, document.status(), null, document.etag(), document.lastModified(),
                    parsed.title(), parsed.link() == null ? null : parsed.link().toString(), parsed.hints(), entries);
        }

        static Outcome notModified(FetchResult.NotModified notModified) {
            return new Outcome(PollStatus.NOT_MODIFIED, 304, null, notModified.etag(), notModified.lastModified(),
                    null, null, null, List.of());
        }

        static Outcome failed(PollStatus status, int httpStatus, String error) {
            return new Outcome(status, httpStatus, error, null, null, null, null, null, List.of());
        }

        PollRecord toRecord(Instant checkedAt, NextPoll next, boolean countsAsFailure, PublisherHints hints,
                FeedLocation location, boolean retire) {
            return new PollRecord(checkedAt, status, httpStatus, error, etag, lastModified,
                    next == null ? null : next.at(), sourceTitle, sourceLink,
                    next == null ? NextPollRule.RETIRED.label() : next.rule().label(), countsAsFailure,
                    StoredHints.encode(hints), location, retire);
        }
    }
}
