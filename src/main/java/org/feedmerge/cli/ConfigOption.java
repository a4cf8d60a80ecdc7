package org.feedmerge.cli;

import java.nio.file.Path;
import org.feedmerge.config.ConfigException;
import org.feedmerge.config.ConfigLoader;
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
}
