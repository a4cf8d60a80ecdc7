package org.feedmerge.poll;

import java.time.Instant;
import java.util.Objects;
import org.feedmerge.store.PollStatus;

/**
 * What the daemon's polls did since the last summary, for its hourly log line: a poll that brings
 * nothing is logged at DEBUG ({@code PollLog}), so this line is what shows at INFO that polling
 * goes on. Thread-safe.
 */
public final class PollTally {

    /** The counts of one period, which began at {@code since}. */
    public record Summary(Instant since, long polls, long answered, long notModified, long failed, long postponed,
            long added, long updated) {

        /**
         * "since 2026-11-27T00:00:00Z: 4000 polls: 3950 answered (3800 not modified), 40 failed, 10
         * postponed; 120 new entries, 3 updated".
         */
        public String line() {
            return "since " + since + ": " + polls + " polls: " + answered + " answered (" + notModified
                    + " not modified), " + failed + " failed, " + postponed + " postponed; " + added
                    + " new entries, " + updated + " updated";
        }
    }

    private Instant since;
    private long polls;
    private long answered;
    private long notModified;
    private long failed;
    private long postponed;
    private long added;
    private long updated;

    /** An empty tally whose first period begins at {@code start}. */
    public PollTally(Instant start) {
        this.since = Objects.requireNonNull(start, "start");
    }

    /** Counts one finished poll. */
    public synchronized void record(PollReport report) {
        polls++;
        if (report.postponed()) {
            postponed++;
        } else if (report.succeeded()) {
            answered++;
            if (report.status() == PollStatus.NOT_MODIFIED) {
                notModified++;
            }
        } else {
            failed++;
        }
        added += report.added();
        updated += report.updated();
    }

    /** Counts a poll that ended in an exception (the database failed, or a bug): a failed poll. */
    public synchronized void recordThrown() {
        polls++;
        failed++;
    }

    /** The counts since the last call (or the start), which begins a new period at {@code now}. */
    public synchronized Summary drain(Instant now) {
        Summary summary = new Summary(since, polls, answered, notModified, failed, postponed, added, updated);
        since = now;
        polls = 0;
        answered = 0;
        notModified = 0;
        failed = 0;
        postponed = 0;
        added = 0;
        updated = 0;
        return summary;
    }
}
