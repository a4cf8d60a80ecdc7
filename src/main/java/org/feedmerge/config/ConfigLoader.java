package org.feedmerge.config;

import java.nio.file.Path;

/** Reads and validates {@code feedmerge.yaml}. */
public final class ConfigLoader {

    /**
     * Loads the file completely or not at all.
     *
     * @throws ConfigException listing every problem, each with file, line, column and key
     */
    public FeedmergeConfig load(Path file) throws ConfigException {
        throw new UnsupportedOperationException("TODO");
    }
}
