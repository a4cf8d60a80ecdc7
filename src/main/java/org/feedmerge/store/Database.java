package org.feedmerge.store;

import java.nio.file.Path;

/**
 * The SQLite database: opened once, WAL mode, busy timeout, migrations applied at open
 * ({@code PRAGMA user_version}). Thread-safe; close once at shutdown.
 */
public final class Database implements AutoCloseable {

    /** Opens (creating parent folders and the file if needed) and migrates to the current schema. */
    public static Database open(Path file) {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public void close() {
    }
}
