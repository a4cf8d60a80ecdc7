package org.feedmerge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.feedmerge.config.ConfigException;
import org.feedmerge.config.ConfigLoader;
import org.feedmerge.config.ConfigProblem;
import org.feedmerge.config.FeedmergeConfig;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by every subcommand that reads the config. */
final class ConfigOption {
    static final String DEFAULT_PATH = "config/feedmerge.yaml";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = DEFAULT_PATH,
            description = "Config file (default: ${DEFAULT-VALUE}). config/logback.xml beside it configures logging.")
    Path file;

    FeedmergeConfig load() throws ConfigException {
        return new ConfigLoader().load(file);
    }

    /** Loads the config, or prints every problem to {@code err} and returns empty. */
    Optional<FeedmergeConfig> loadOrReport(PrintWriter err) {
        try {
            return Optional.of(load());
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                err.println(problem);
            }
            err.flush();
            return Optional.empty();
        }
    }
}
