package org.feedmerge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.poll.PollReport;
import org.feedmerge.poll.PollRound;
import org.feedmerge.publish.MergedFeedFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code feedmerge poll}: poll every feed once and exit, for cron and systemd timers. */
@Command(name = "poll",
        description = {"Poll every configured feed once, store new entries, and exit.",
            "Exit status 0 when at least one feed answered (or none is configured), 1 when every feed failed,",
            "75 when another feedmerge process is writing the database (the daemon, or a poll still running),",
            "77 when this user may not write the database's lock file.",
            "Retired feeds (410 Gone) are skipped; a feed whose host asked us to wait is left postponed."})
final class PollCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--write-to", paramLabel = "FOLDER",
            description = "Also write the merged feed as FOLDER/feed.xml and FOLDER/feed.atom (replaced atomically),"
                    + " for serving with any web server when no daemon runs.")
    Path writeTo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        LoggingStartup logging = LoggingStartup.begin();
        Optional<FeedmergeConfig> maybeLoaded = config.loadOrReport(spec.commandLine().getErr());
        logging.awaitReady(); // also when refusing the config: no start-up left running behind us
        if (maybeLoaded.isEmpty()) {
            return ExitCodes.CONFIG;
        }
        FeedmergeConfig loaded = maybeLoaded.get();
        try (Pipeline pipeline = Pipeline.open(loaded, Clock.systemUTC())) {
            List<FeedSubscription> registered = pipeline.register(loaded.feeds(), loaded.poll().defaultInterval());
            List<FeedSubscription> active = pipeline.active(registered);
            List<PollReport> reports = new PollRound(pipeline.poller, loaded.poll().threads()).pollAll(active);
            print(reports, registered.size() - active.size());
            // Cron mode has no daemon to run the daily cleanup: each pass does it (cheap when nothing is due).
            pipeline.runRetention();
            if (writeTo != null) {
                MergedFeedFiles.write(pipeline.publisher, writeTo);
            }
            long answered = reports.stream().filter(PollReport::succeeded).count();
            long failed = reports.stream().filter(r -> !r.succeeded() && !r.postponed()).count();
            boolean everyFeedFailed = failed > 0 && answered == 0;
            return everyFeedFailed ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    private void print(List<PollReport> reports, int retired) {
        long ok = reports.stream().filter(PollReport::succeeded).count();
        long postponed = reports.stream().filter(PollReport::postponed).count();
        int added = reports.stream().mapToInt(PollReport::added).sum();
        int updated = reports.stream().mapToInt(PollReport::updated).sum();
        spec.commandLine().getOut().printf("polled %d feeds: %d ok, %d failed, %d new entries, %d updated%s%n",
                reports.size(), ok, reports.size() - ok - postponed, added, updated,
                extras(postponed, retired));
    }

    private static String extras(long postponed, int retired) {
        return (postponed > 0 ? ", " + postponed + " postponed (host asked us to wait)" : "")
                + (retired > 0 ? ", " + retired + " retired (not polled)" : "");
    }
}
