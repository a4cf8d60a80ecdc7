package org.feedmerge.conformance;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.feedmerge.poll.PollReport;
import org.feedmerge.store.PollStatus;

/**
 * Everything observed while one document went through the pipeline.
 *
 * @param url            where it was served
 * @param reports        one per poll, in order
 * @param crash          an exception that escaped {@code FeedPoller.poll}, or null
 * @param timedOut       the safety-net timeout stopped it
 * @param allocatedBytes heap allocated by the polling thread during the polls (fetch, parse, store)
 * @param millis         wall time of the polls
 * @param stored         entries in the store for the feed afterwards
 * @param rss            the merged RSS 2.0 document read back from the endpoint
 * @param atom           the merged Atom 1.0 document read back from the endpoint
 * @param errors         ERROR log events on the polling thread
 * @param externalAccess URIs other than the corpus server that the polling thread tried to reach
 */
record Ingest(
        URI url,
        List<PollReport> reports,
        String crash,
        boolean timedOut,
        long allocatedBytes,
        long millis,
        int stored,
        Rendered rss,
        Rendered atom,
        List<String> errors,
        List<String> externalAccess) {

    Ingest {
        Objects.requireNonNull(url, "url");
        reports = List.copyOf(reports);
        errors = List.copyOf(errors);
        externalAccess = List.copyOf(externalAccess);
    }

    static Ingest timedOut(URI url, long millis) {
        return new Ingest(url, List.of(), null, true, 0, millis, 0, Rendered.NONE, Rendered.NONE, List.of(), List.of());
    }

    Ingest withDiagnostics(List<String> errorEvents, List<String> external) {
        return new Ingest(url, reports, crash, timedOut, allocatedBytes, millis, stored, rss, atom, errorEvents, external);
    }

    /** The last poll's report, or null when there was none. */
    PollReport last() {
        return reports.isEmpty() ? null : reports.get(reports.size() - 1);
    }

    PollStatus status() {
        PollReport last = last();
        return last == null ? null : last.status();
    }

    /** The first poll ended OK: the document was taken in. */
    boolean accepted() {
        return !reports.isEmpty() && reports.get(0).status() == PollStatus.OK;
    }

    /** One line saying how the (last) poll ended, for failure reports. */
    String outcome() {
        if (timedOut) {
            return "timed out";
        }
        if (crash != null) {
            return "crashed: " + crash;
        }
        PollReport last = last();
        if (last == null) {
            return "not polled";
        }
        return last.error() == null ? last.status() + " (" + stored + " stored)" : last.status() + ": " + last.error();
    }
}
