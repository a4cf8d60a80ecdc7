package org.feedmerge.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * @param databasePath the SQLite file; relative paths resolve against the working directory
 */
public record StorageConfig(Path databasePath) {
    public StorageConfig {
        Objects.requireNonNull(databasePath, "databasePath");
    }
}
