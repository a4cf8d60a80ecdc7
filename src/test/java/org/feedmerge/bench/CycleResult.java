package org.feedmerge.bench;

import java.util.List;
import java.util.Locale;
import org.feedmerge.poll.PollReport;
import org.feedmerge.store.PollStatus;

/** What one poll cycle over the whole farm cost and did. */
record CycleResult(
        String name,
        int feeds,
        double wallSeconds,
        int ok,
        int notModified,
        int failed,
        int added,
        long bytes,
        double p50Millis,
        double p99Millis,
        double cpuSeconds,
        double farmCpuSeconds,
        long peakHeapBytes,
        long peakRssBytes,
        long heapAfterGcBytes,
        long databaseBytes,
        long writtenBytes) {

    static CycleResult of(String name, List<PollReport> reports, double wallSeconds, long bytes, double cpuSeconds,
            double farmCpuSeconds, long peakHeap, long peakRss, long heapAfterGc, long databaseBytes, long written) {
        double[] millis = reports.stream().mapToDouble(PollReport::millis).toArray();
        return new CycleResult(name, reports.size(), wallSeconds,
                count(reports, PollStatus.OK), count(reports, PollStatus.NOT_MODIFIED),
                (int) reports.stream().filter(r -> !r.succeeded()).count(),
                reports.stream().mapToInt(PollReport::added).sum(), bytes,
                Stats.percentile(millis, 50), Stats.percentile(millis, 99), cpuSeconds, farmCpuSeconds,
                peakHeap, peakRss, heapAfterGc, databaseBytes, written);
    }

    private static int count(List<PollReport> reports, PollStatus status) {
        return (int) reports.stream().filter(r -> r.status() == status).count();
    }

    double feedsPerSecond() {
        return feeds / wallSeconds;
    }

    double itemsPerSecond() {
        return added / wallSeconds;
    }

    double megabytesPerSecond() {
        return bytes / 1e6 / wallSeconds;
    }

    static String header() {
        return "| cycle | wall s | feeds/s | 200 | 304 | failed | new items | items/s | MB | MB/s | p50 ms | p99 ms "
                + "| CPU s | farm CPU s | peak heap MB | peak RSS MB | heap after GC MB | DB MB | written MB |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    String row() {
        return String.format(Locale.ROOT,
                "| %s | %.2f | %.0f | %d | %d | %d | %d | %.0f | %.1f | %.1f | %.0f | %.0f | %.2f | %.2f | %.0f | %.0f | %.0f | %.1f | %.0f |",
                name, wallSeconds, feedsPerSecond(), ok, notModified, failed, added, itemsPerSecond(), bytes / 1e6,
                megabytesPerSecond(), p50Millis, p99Millis, cpuSeconds, farmCpuSeconds, peakHeapBytes / 1e6,
                peakRssBytes / 1e6, heapAfterGcBytes / 1e6, databaseBytes / 1e6, writtenBytes / 1e6);
    }
}
