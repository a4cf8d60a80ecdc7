package org.feedmerge.poll;

import org.feedmerge.store.PollStatus;

/**
 * What the daemon's polls did since the last summary, for its hourly log line: a poll that brings
 * nothing is logged at DEBUG ({@code PollLog}), so this line is what shows at INFO that polling
 * goes on. Thread-safe.
 */
public final class PollTally {

    /** The counts of one period. */
    public record Summary(long polls, long answered, long notModified, long failed, long postponed, long added,
            long updated) {

        /** "4000 polls: 3950 answered (3800 not modified), 40 failed, 10 postponed; 120 new entries, 3 updated". */
        public String line() {
            return polls + " polls: " + answered + " answered (" + notModified + " not modified), " + failed
                    + " failed, " + postponed + " postponed; " + added + " new entries, " + updated + " updated";
        }
    }

    private long polls;
    private long answered;
    private long notModified;
    private long failed;
    private long postponed;
    private long added;
    private long updated;

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

    /** The counts since the last call, which starts a new period. */
    public synchronized Summary drain() {
        Summary summary = new Summary(polls, answered, notModified, failed, postponed, added, updated);
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
