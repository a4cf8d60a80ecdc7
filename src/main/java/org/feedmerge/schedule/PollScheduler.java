package org.feedmerge.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.feedmerge.config.PollConfig;
import org.feedmerge.poll.FeedPoller;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.PollTally;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz owns time: one durable job per feed, each run booked as a one-shot trigger for the time
 * the previous poll asked for. A bounded worker pool; never two polls of one feed at once; a
 * trigger that misfires (all workers busy, or the machine slept) fires once, not once per missed
 * interval. Quartz types stay in this package.
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    private static final String GROUP = "feeds";

    private final Scheduler scheduler;
    private final Duration shutdownGrace;
    private final AtomicLong triggerSequence = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, Runnable> maintenance = new ConcurrentHashMap<>();
    private final PollTally tally;

    /**
     * Creates the scheduler (not yet started).
     *
     * @param config threads and shutdown grace
     * @param poller polls one feed
     * @param clock  time source for failure fallbacks
     */
    public PollScheduler(PollConfig config, FeedPoller poller, Clock clock) {
        this.shutdownGrace = config.shutdownGrace();
        this.tally = new PollTally(clock.instant());
        try {
            this.scheduler = new StdSchedulerFactory(quartzProperties(config.threads())).getScheduler();
            scheduler.setJobFactory((bundle, unused) -> {
                JobDetail detail = bundle.getJobDetail();
                if (detail.getJobClass() == MaintenanceJob.class) {
                    String name = detail.getKey().getName();
                    return new MaintenanceJob(name, maintenance.get(name));
                }
                return new PollJob(poller, tally, this, clock);
            });
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the Quartz scheduler", e);
        }
    }

    private static Properties quartzProperties(int threads) {
        Properties p = new Properties();
        // A unique name: Quartz keeps schedulers in a JVM-wide repository keyed by name.
        p.setProperty("org.quartz.scheduler.instanceName", "feedmerge-" + UUID.randomUUID());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "feedmerge-poll");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    /** What the polls it ran did since the last {@link PollTally#drain}. */
    public PollTally tally() {
        return tally;
    }

    /** Adds (or replaces) the feed's job, first due at {@code firstPoll}. */
    public void schedule(FeedSubscription feed, Instant firstPoll) {
        JobKey key = keyOf(feed.feedId());
        JobDetail job = JobBuilder.newJob(PollJob.class)
                .withIdentity(key)
                .usingJobData(PollJob.dataOf(feed))
                .storeDurably()
                .build();
        try {
            scheduler.addJob(job, true);
            book(key, firstPoll);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule feed " + feed.url(), e);
        }
    }

    /**
     * Runs {@code task} every {@code period}, first at {@code first}, never twice at once, on the
     * same worker pool as the polls: housekeeping such as the daily retention cleanup.
     */
    public void scheduleMaintenance(String name, Instant first, Duration period, Runnable task) {
        maintenance.put(name, task);
        JobDetail job = JobBuilder.newJob(MaintenanceJob.class).withIdentity(name, "maintenance").build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(name, "maintenance")
                .startAt(Date.from(first))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(period.toMillis())
                        .repeatForever()
                        // A run missed while every worker was busy is skipped, not made up later.
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule maintenance " + name, e);
        }
    }

    /** Removes the feed's job and its triggers; a poll already running finishes. */
    public void unschedule(long feedId) {
        try {
            scheduler.deleteJob(keyOf(feedId));
        } catch (SchedulerException e) {
            if (isShutdown()) {
                return;
            }
            throw new IllegalStateException("cannot unschedule feed " + feedId, e);
        }
    }

    /** Whether the feed has a job (retired feeds have none). */
    public boolean isScheduled(long feedId) {
        try {
            return scheduler.checkExists(keyOf(feedId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot look up feed " + feedId, e);
        }
    }

    /** Starts firing triggers. */
    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the Quartz scheduler", e);
        }
    }

    /** Books the job's next run: a one-shot trigger with a fresh key. */
    void book(JobKey job, Instant when) {
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(job.getName() + "#" + triggerSequence.incrementAndGet(), GROUP)
                .forJob(job)
                .startAt(Date.from(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(trigger);
        } catch (SchedulerException e) {
            if (isShutdown()) {
                LOG.debug("not booking {}: scheduler is shutting down", job);
                return;
            }
            throw new IllegalStateException("cannot book the next poll of " + job, e);
        }
    }

    /** Number of polls running right now. */
    public int runningPolls() {
        try {
            return scheduler.getCurrentlyExecutingJobs().size();
        } catch (SchedulerException e) {
            return 0;
        }
    }

    /**
     * Stops scheduling, lets running polls finish within the shutdown grace, then shuts Quartz
     * down. Polls still running after the grace are abandoned (logged).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.standby();
            long deadline = System.nanoTime() + shutdownGrace.toNanos();
            while (runningPolls() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(25);
            }
            int stillRunning = runningPolls();
            if (stillRunning > 0) {
                LOG.warn("{} polls still running after the {} shutdown grace; abandoning them", stillRunning,
                        shutdownGrace);
            }
            scheduler.shutdown(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SchedulerException e) {
            LOG.warn("Quartz did not shut down cleanly: {}", e.toString());
        }
    }

    private boolean isShutdown() {
        try {
            return scheduler.isShutdown() || scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return true;
        }
    }

    private static JobKey keyOf(long feedId) {
        return JobKey.jobKey("feed-" + feedId, GROUP);
    }
}
