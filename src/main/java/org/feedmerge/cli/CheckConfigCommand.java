package org.feedmerge.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.feedmerge.config.ConfigException;
import org.feedmerge.config.ConfigProblem;
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
        try {
            FeedmergeConfig loaded = config.load();
            spec.commandLine().getOut().printf("%s: OK (%d feeds)%n", config.file, loaded.feeds().size());
            return ExitCodes.OK;
        } catch (ConfigException e) {
            printProblems(e, spec.commandLine().getErr());
            return ExitCodes.CONFIG;
        }
    }

    static void printProblems(ConfigException e, PrintWriter err) {
        for (ConfigProblem problem : e.problems()) {
            err.println(problem);
        }
        err.flush();
    }
}
