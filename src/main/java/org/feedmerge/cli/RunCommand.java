package org.feedmerge.cli;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.feedmerge.config.FeedmergeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code feedmerge run}: the daemon, until SIGTERM or Ctrl-C. */
@Command(name = "run", description = {"Run the daemon: poll every feed on schedule and serve the merged feed.",
    "SIGHUP re-reads the config file (a bad edit is logged and the running config kept)."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        LoggingStartup logging = LoggingStartup.begin();
        Optional<FeedmergeConfig> maybeLoaded = config.loadOrReport(spec.commandLine().getErr());
        logging.awaitReady(); // also when refusing the config: no start-up left running behind us
        if (maybeLoaded.isEmpty()) {
            return ExitCodes.CONFIG;
        }
        FeedmergeConfig loaded = maybeLoaded.get();
        ConfigReloader reloader = new ConfigReloader(config.file);
        reloader.reloadOnHangup();
        Daemon daemon = Daemon.start(loaded, Clock.systemUTC());
        reloader.attach(daemon);
        // SIGTERM and Ctrl-C run shutdown hooks: stop cleanly, then let the JVM exit.
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "feedmerge-shutdown"));
        daemon.awaitStop();
        return ExitCodes.OK;
    }
}
