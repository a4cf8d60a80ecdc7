package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;

/**
 * Reads entries across all feeds. Effective publication time: the parsed date, or first-seen time
 * when the date is missing or lies in the future (so no item pins itself to the top).
 * Thread-safe; reads never wait for a poll's write transaction.
 */
public final class EntryStore {

    /** Served by the index entries_newest: an index walk that stops after {@code limit} rows. */
    static final String NEWEST = """
            SELECT e.id, e.public_id, e.feed_id, f.url, f.configured_title, f.source_title, f.source_link,
                   e.guid, e.link, e.title, e.summary, e.content, e.author,
                   e.published, e.updated_at, e.first_seen
            FROM entries e JOIN feeds f ON f.id = e.feed_id
            ORDER BY e.published DESC, e.first_seen DESC, e.id DESC
            LIMIT ?""";

    private static final RowMapper<MergedEntry> MERGED_ENTRY = row -> new MergedEntry(
            row.getLong("id"),
            row.getString("public_id"),
            row.getLong("feed_id"),
            row.getString("url"),
            FeedRow.displayTitle(row.getString("configured_title"), row.getString("source_title"),
                    row.getString("url")),
            row.getString("source_link"),
            row.getString("guid"),
            row.getString("link"),
            row.getString("title"),
            row.getString("summary"),
            row.getString("content"),
            row.getString("author"),
            EpochMillis.read(row, "published"),
            EpochMillis.read(row, "updated_at"),
            EpochMillis.read(row, "first_seen"));

    private final Database database;

    public EntryStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The newest entries across all feeds, newest first (ties: newest first-seen, then highest id). */
    public List<MergedEntry> newest(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return database.read("Could not read the newest " + limit + " entries", connection -> {
            try (PreparedStatement query = connection.prepareStatement(NEWEST)) {
                query.setInt(1, limit);
                return RowMapper.list(query, MERGED_ENTRY);
            }
        });
    }

    /** Number of stored entries of one feed. */
    public int countForFeed(long feedId) {
        return database.read("Could not count entries of feed " + feedId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*) FROM entries WHERE feed_id = ?")) {
                query.setLong(1, feedId);
                return RowMapper.first(query, row -> row.getInt(1)).orElseThrow();
            }
        });
    }

    /** Number of stored entries across all feeds. */
    public int count() {
        return database.read("Could not count entries", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM entries")) {
                return RowMapper.first(query, row -> row.getInt(1)).orElseThrow();
            }
        });
    }
}
