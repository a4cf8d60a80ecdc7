package org.feedmerge.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.feedmerge.config.FeedmergeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code feedmerge check-config}: validate the config and say what is wrong, touching nothing else. */
@Command(name = "check-config", description = "Validate the config file and exit (status 78 when it is unusable).")
final class CheckConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<FeedmergeConfig> loaded = config.loadOrReport(spec.commandLine().getErr());
        loaded.ifPresent(ok -> spec.commandLine().getOut().printf("%s: OK (%d feeds)%n", config.file, ok.feeds().size()));
        return loaded.isPresent() ? ExitCodes.OK : ExitCodes.CONFIG;
    }
}
