package org.feedmerge.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's size and contents, for {@code feedmerge status}.
 *
 * @param databaseBytes size of the database file
 * @param walBytes      size of its write-ahead log (0 when absent)
 * @param freeBytes     bytes of free pages inside the file, reusable or for the next vacuum
 * @param rows          row count per table, in a fixed order: feeds, entries, stories, story_anchors, entry_prints,
 *                      tombstones, feed_key_schemes
 */
public record StoreStats(long databaseBytes, long walBytes, long freeBytes, Map<String, Long> rows) {

    static final List<String> TABLES = List.of(
            "feeds", "entries", "stories", "story_anchors", "entry_prints", "tombstones", "feed_key_schemes");

    public StoreStats {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** Reads the figures now (counting rows scans each table: milliseconds for a typical database). */
    public static StoreStats read(Database database) {
        Map<String, Long> rows = new LinkedHashMap<>();
        long freeBytes = database.read("Could not read database statistics", connection -> {
            for (String table : TABLES) {
                try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table)) {
                    rows.put(table, RowMapper.first(count, row -> row.getLong(1)).orElse(0L));
                }
            }
            return Retention.pragmaLong(connection, "freelist_count") * Retention.pragmaLong(connection, "page_size");
        });
        Path file = database.file();
        return new StoreStats(size(file), size(file.resolveSibling(file.getFileName() + "-wal")), freeBytes, rows);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the size of " + file, e);
        }
    }
}
