package org.feedmerge.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.net.URI;
import org.feedmerge.poll.FeedPoller;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.PollReport;
import org.feedmerge.poll.PollTally;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one feed: polls it, then books its next run for when the poll says it is due
 * (also when the poll was postponed because its host was busy or cooling down: the worker is free at
 * once). Never two polls of the same feed at once.
 */
@DisallowConcurrentExecution
final class PollJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(PollJob.class);

    static final String FEED_ID = "feedId";
    static final String URL = "url";
    static final String INTERVAL_SECONDS = "intervalSeconds";

    private final FeedPoller poller;
    private final PollTally tally;
    private final PollScheduler scheduler;
    private final Clock clock;

    PollJob(FeedPoller poller, PollTally tally, PollScheduler scheduler, Clock clock) {
        this.poller = poller;
        this.tally = tally;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    static JobDataMap dataOf(FeedSubscription feed) {
        JobDataMap data = new JobDataMap();
        data.put(FEED_ID, feed.feedId());
        data.put(URL, feed.url().toString());
        data.put(INTERVAL_SECONDS, feed.interval().toSeconds());
        return data;
    }

    static FeedSubscription subscriptionOf(JobDataMap data) {
        return new FeedSubscription(data.getLong(FEED_ID), URI.create(data.getString(URL)),
                Duration.ofSeconds(data.getLong(INTERVAL_SECONDS)));
    }

    /** Polls, then books the next run, or removes the job once the feed is retired (410 Gone). */
    @Override
    public void execute(JobExecutionContext context) {
        FeedSubscription feed = subscriptionOf(context.getMergedJobDataMap());
        Instant next;
        try {
            PollReport report = poller.poll(feed);
            tally.record(report);
            if (report.retired()) {
                scheduler.unschedule(feed.feedId());
                return;
            }
            next = report.nextPoll();
        } catch (RuntimeException e) {
            tally.recordThrown();
            // The database failed (or a bug): keep the feed alive on its normal interval.
            LOG.error("feed={} poll failed: {}", feed.url(), e.toString(), e);
            next = clock.instant().plus(feed.interval());
        }
        scheduler.book(context.getJobDetail().getKey(), next);
    }
}
