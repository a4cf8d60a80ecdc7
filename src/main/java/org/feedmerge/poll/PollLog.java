package org.feedmerge.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.feedmerge.store.FeedLocation;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.PollStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's log lines: one per poll with stable fields ({@code feed status http ms new next rule}),
 * at INFO when the poll changed something and at DEBUG when it did not (a 304, or a document with
 * nothing new: most polls, 96,000 lines a day for 2,000 feeds at 30 minutes), and one per cause
 * rather than one per retry. A failure is logged at WARN when its cause is new and
 * at DEBUG while the same cause repeats, so a feed that is down for a week is one warning; a move, a
 * retirement and a host's cool-down are each logged once.
 */
final class PollLog {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private PollLog() {
    }

    static void finished(PollReport r, FeedRow before, boolean excused) {
        if (r.retired()) {
            LOG.warn("feed={} status={} http={} ms={} new=0 retired: the server says the feed is gone for good;"
                    + " it is no longer polled (edit its config entry to try again)", r.url(), r.status(),
                    r.httpStatus(), r.millis());
        } else if (r.succeeded()) {
            succeeded(r, before);
        } else if (excused || Objects.equals(r.error(), before.lastError())) {
            LOG.debug("feed={} status={} http={} ms={} new=0 still failing{}: {} next={} rule={}", r.url(), r.status(),
                    r.httpStatus(), r.millis(), excused ? " (network down, not counted)" : "", r.error(),
                    r.nextPoll(), r.rule().label());
        } else {
            LOG.warn("feed={} status={} http={} ms={} new=0 error=\"{}\" next={} rule={}", r.url(), r.status(),
                    r.httpStatus(), r.millis(), r.error(), r.nextPoll(), r.rule().label());
        }
    }

    /** At INFO when the poll brought new or updated entries; at DEBUG when it brought nothing. */
    private static void succeeded(PollReport r, FeedRow before) {
        if (before.consecutiveFailures() > 0) {
            LOG.info("feed={} recovered after {} failures", r.url(), before.consecutiveFailures());
        }
        String line = "feed={} status={} http={} ms={} new={} updated={} next={} rule={}";
        Object[] fields = {r.url(), r.status(), r.httpStatus(), r.millis(), r.added(), r.updated(), r.nextPoll(),
            r.rule().label()};
        if (r.added() > 0 || r.updated() > 0) {
            LOG.info(line, fields);
        } else {
            LOG.debug(line, fields);
        }
    }

    static void movedIfSo(FeedSubscription feed, FeedLocation before, FeedLocation after) {
        if (after.currentUrl() != null && !after.currentUrl().equals(before.currentUrl())) {
            LOG.info("feed={} moved permanently to {} (the same 301/308 target on {} polls in a row);"
                    + " fetching it there from now on, the configured URL is kept", feed.url(), after.currentUrl(),
                    Relocation.POLLS_TO_MOVE);
        }
    }

    static void hostCoolingDown(String host, int httpStatus, Duration wait, Instant until) {
        LOG.info("host={} answered {} with Retry-After: waiting {} s; every feed on it is postponed until {}",
                host, httpStatus, wait.toSeconds(), until);
    }

    static PollReport postponed(FeedSubscription feed, HostGate.Postponed postponed, long millis) {
        LOG.debug("feed={} status={} ms={} new=0 next={} rule={}", feed.url(), PollStatus.POSTPONED, millis,
                postponed.until(), postponed.rule().label());
        return new PollReport(feed.url(), PollStatus.POSTPONED, 0, millis, 0, 0, null, postponed.until(),
                postponed.rule(), false);
    }

    /** A retired feed reached the poller anyway (e.g. a stale trigger): nothing is fetched. */
    static PollReport retiredAlready(FeedSubscription feed, FeedRow row) {
        LOG.debug("feed={} is retired since {}; not polling it", feed.url(), row.retiredAt());
        return new PollReport(feed.url(), row.lastStatus(), row.lastHttpStatus(), 0, 0, 0, row.lastError(), null,
                NextPollRule.RETIRED, true);
    }

    static void parserBug(FeedSubscription feed, RuntimeException e) {
        LOG.error("feed={} parser failed unexpectedly", feed.url(), e);
    }
}
