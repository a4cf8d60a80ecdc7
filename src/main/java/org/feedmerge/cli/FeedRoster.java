package org.feedmerge.cli;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedmerge.config.FeedConfig;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.FirstPollPlanner;
import org.feedmerge.schedule.PollScheduler;
import org.feedmerge.store.FeedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set of feeds the scheduler polls, kept in step with the config: applying a feed list
 * schedules the feeds that are new, reschedules the ones whose interval changed and unschedules
 * the ones that are gone. Used at start and on every config reload. Not thread-safe: the daemon
 * applies one config at a time.
 */
final class FeedRoster {
    private static final Logger LOG = LoggerFactory.getLogger(FeedRoster.class);

    private final Pipeline pipeline;
    private final PollScheduler scheduler;
    private final FirstPollPlanner planner;
    private final Clock clock;
    private final Map<URI, FeedSubscription> scheduled = new HashMap<>();

    /** What one {@link #apply} changed. */
    record Change(List<URI> added, List<URI> removed, List<URI> rescheduled) {
    }

    FeedRoster(Pipeline pipeline, PollScheduler scheduler, FirstPollPlanner planner, Clock clock) {
        this.pipeline = pipeline;
        this.scheduler = scheduler;
        this.planner = planner;
        this.clock = clock;
    }

    /** Makes the scheduled feeds match {@code feeds}; registers (or updates) each feed's row. */
    Change apply(List<FeedConfig> feeds, Duration defaultInterval) {
        Map<URI, FeedSubscription> wanted = new LinkedHashMap<>();
        for (FeedSubscription feed : pipeline.register(feeds, defaultInterval)) {
            wanted.put(feed.url(), feed);
        }
        List<URI> removed = scheduled.keySet().stream().filter(url -> !wanted.containsKey(url)).toList();
        removed.forEach(url -> scheduler.unschedule(scheduled.remove(url).feedId()));
        List<URI> added = wanted.keySet().stream().filter(url -> !scheduled.containsKey(url)).toList();
        List<URI> rescheduled = wanted.values().stream()
                .filter(feed -> scheduled.containsKey(feed.url()) && !scheduled.get(feed.url()).equals(feed))
                .map(FeedSubscription::url)
                .toList();
        Instant now = clock.instant();
        for (URI url : added) {
            schedule(wanted.get(url), now);
        }
        for (URI url : rescheduled) {
            schedule(wanted.get(url), now);
        }
        return new Change(added, removed, rescheduled);
    }

    /** Books the feed's first poll; a retired feed (410 Gone) stays unscheduled, across restarts too. */
    private void schedule(FeedSubscription feed, Instant now) {
        FeedRow row = pipeline.feeds.find(feed.feedId()).orElseThrow();
        if (row.retired()) {
            LOG.info("feed={} retired on {} (410 Gone): not polled; edit its config entry to try again",
                    feed.url(), row.retiredAt());
            scheduler.unschedule(feed.feedId());
            scheduled.remove(feed.url());
            return;
        }
        scheduler.schedule(feed, planner.firstPoll(now, row.nextPoll(), row.nextPollRule(), feed.interval()));
        scheduled.put(feed.url(), feed);
    }

    int size() {
        return scheduled.size();
    }
}
