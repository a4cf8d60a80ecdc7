package org.feedmerge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import org.feedmerge.config.RetentionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention cleanup: deletes entries first seen longer ago than {@code retention.max-age} and
 * each feed's entries beyond its newest {@code retention.max-entries-per-feed}, leaving a tombstone
 * of each ({@link Tombstones}); expires tombstones older than {@code retention.tombstone-ttl}; then
 * gives freed pages back to the file system. Thread-safe.
 *
 * <p>Every step is a batch of at most {@value #BATCH} rows in its own short write transaction, so
 * polls queue behind one batch at most, never behind the whole cleanup. Meant to run once a day
 * (the scheduler calls {@link #runOnce(Instant)}), and idempotent: a run interrupted half-way is
 * finished by the next.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 200;
    private static final int VACUUM_PAGES = 512;

    private static final String EXPIRED = """
            SELECT id FROM entries WHERE feed_id = ? AND published < ? AND first_seen < ? LIMIT ?""";
    private static final String OVER_LIMIT = """
            SELECT id FROM entries WHERE feed_id = ?
            ORDER BY published DESC, first_seen DESC, id DESC LIMIT ? OFFSET ?""";
    private static final String ANY_EXPIRED =
            "SELECT 1 FROM entries WHERE feed_id = ? AND published < ? AND first_seen < ? LIMIT 1";
    private static final String ANY_OVER_LIMIT = """
            SELECT 1 FROM entries WHERE feed_id = ?
            ORDER BY published DESC, first_seen DESC, id DESC LIMIT 1 OFFSET ?""";
    private static final String ENTRY = "SELECT story_id, anchors FROM entries WHERE id = ?";
    private static final String DELETE_ENTRY = "DELETE FROM entries WHERE id = ?";
    private static final String DELETE_EMPTY_STORY = """
            DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM entries WHERE story_id = ?)""";
    private static final String EXPIRE_TOMBSTONES = """
            DELETE FROM tombstones WHERE rowid IN (SELECT rowid FROM tombstones WHERE deleted_at < ? LIMIT ?)""";

    private final Database database;
    private final RetentionConfig config;

    public Retention(Database database, RetentionConfig config) {
        this.database = Objects.requireNonNull(database, "database");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Runs the whole cleanup once; {@code now} is the reference time for ages and expiry. */
    public RetentionReport runOnce(Instant now) {
        long started = System.nanoTime();
        int expired = deleteExpired(now);
        int overLimit = deleteOverLimit(now);
        int tombstones = expireTombstones(now);
        long pagesFreed = vacuum();
        RetentionReport report = new RetentionReport(expired, overLimit, tombstones, pagesFreed,
                (System.nanoTime() - started) / 1_000_000);
        LOG.info("retention expired={} over-limit={} tombstones-expired={} pages-freed={} ms={}",
                report.expired(), report.overLimit(), report.tombstonesExpired(), report.pagesFreed(), report.millis());
        return report;
    }

    private int deleteExpired(Instant now) {
        long cutoff = now.minus(config.maxAge()).toEpochMilli();
        // published <= first_seen always (clamped at insert): a range of entries_feed_newest.
        return deleteFeedByFeed("Could not delete expired entries of feed ", feedsWhere(ANY_EXPIRED, cutoff, cutoff),
                EXPIRED, now, cutoff, cutoff, BATCH);
    }

    private int deleteOverLimit(Instant now) {
        return deleteFeedByFeed("Could not delete old entries of feed ",
                feedsWhere(ANY_OVER_LIMIT, config.maxEntriesPerFeed()), OVER_LIMIT, now, BATCH,
                config.maxEntriesPerFeed());
    }

    /**
     * For each feed, deletes the entries {@code batch} (feed id, then {@code parameters}) names, a
     * batch per write transaction, until a batch comes back short.
     */
    private int deleteFeedByFeed(String what, List<Long> feeds, String batch, Instant now, long... parameters) {
        int total = 0;
        for (long feedId : feeds) {
            long[] feedThenParameters = feedThen(feedId, parameters);
            int deleted;
            do {
                deleted = database.write(what + feedId, connection -> delete(connection, database.anchorBuffer(),
                        ids(connection, batch, feedThenParameters), now));
                total += deleted;
            } while (deleted == BATCH);
        }
        return total;
    }

    /**
     * The feeds for which {@code probe} (feed id, then {@code parameters}) finds a row, asked on a
     * read connection: on most days most feeds have nothing to delete, and a write transaction
     * each would queue polls behind thousands of empty commits (the one-shot poll runs this every
     * time). Each feed found is then searched again inside its write transaction.
     */
    private List<Long> feedsWhere(String probe, long... parameters) {
        return database.read("Could not look for entries to delete", connection -> {
            List<Long> feeds = new ArrayList<>();
            try (PreparedStatement all = connection.prepareStatement("SELECT id FROM feeds ORDER BY id");
                    PreparedStatement query = connection.prepareStatement(probe)) {
                for (long feedId : RowMapper.list(all, row -> row.getLong(1))) {
                    bind(query, feedThen(feedId, parameters));
                    try (ResultSet row = query.executeQuery()) {
                        if (row.next()) {
                            feeds.add(feedId);
                        }
                    }
                }
            }
            return feeds;
        });
    }

    private static List<Long> ids(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            return RowMapper.list(query, row -> row.getLong(1));
        }
    }

    private static long[] feedThen(long feedId, long... parameters) {
        return LongStream.concat(LongStream.of(feedId), LongStream.of(parameters)).toArray();
    }

    private static void bind(PreparedStatement query, long... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            query.setLong(i + 1, parameters[i]);
        }
    }

    /** Tombstone, anchor rows, entry, and the story when this was its last copy; in the caller's transaction. */
    static int delete(Connection connection, AnchorBuffer buffer, List<Long> ids, Instant now) throws SQLException {
        try (Statements statements = new Statements(connection)) {
            PreparedStatement bury = statements.prepare(Tombstones.BURY);
            PreparedStatement entry = statements.prepare(ENTRY);
            PreparedStatement removeAnchor = statements.prepare(StoryGrouper.REMOVE_ANCHOR);
            PreparedStatement deleteEntry = statements.prepare(DELETE_ENTRY);
            PreparedStatement deletePrint = statements.prepare(StoryGrouper.REMOVE_PRINT);
            PreparedStatement deleteStory = statements.prepare(DELETE_EMPTY_STORY);
            for (long id : ids) {
                bury.setLong(1, now.toEpochMilli());
                bury.setLong(2, id);
                bury.executeUpdate();
                entry.setLong(1, id);
                long storyId;
                try (ResultSet row = entry.executeQuery()) {
                    row.next();
                    storyId = row.getLong("story_id");
                    StoryGrouper.removeAnchors(removeAnchor, buffer, id, row.getBytes("anchors"));
                }
                deleteEntry.setLong(1, id);
                deleteEntry.executeUpdate();
                deletePrint.setLong(1, id);
                deletePrint.executeUpdate();
                deleteStory.setLong(1, storyId);
                deleteStory.setLong(2, storyId);
                deleteStory.executeUpdate();
            }
            buffer.afterDeletes(connection);
        }
        return ids.size();
    }

    private int expireTombstones(Instant now) {
        long cutoff = now.minus(config.tombstoneTtl()).toEpochMilli();
        int total = 0;
        int deleted;
        do {
            deleted = database.write("Could not expire tombstones", connection -> {
                try (PreparedStatement delete = connection.prepareStatement(EXPIRE_TOMBSTONES)) {
                    delete.setLong(1, cutoff);
                    delete.setInt(2, BATCH);
                    return delete.executeUpdate();
                }
            });
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    /**
     * With auto_vacuum=INCREMENTAL (new databases), frees pages in steps of {@value #VACUUM_PAGES},
     * each a short hold of the write lock; then truncates the WAL so the freed space shows on disk.
     * A database created before auto_vacuum was set keeps its free pages for reuse (a full VACUUM,
     * which rewrites the file, is left to the operator).
     */
    private long vacuum() {
        return database.maintain("Could not vacuum the database", connection -> {
            if (pragmaLong(connection, "auto_vacuum") != 2) {
                return 0L;
            }
            long before = pragmaLong(connection, "freelist_count");
            long left = before;
            while (left > 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA incremental_vacuum(" + VACUUM_PAGES + ")");
                }
                long now = pragmaLong(connection, "freelist_count");
                if (now >= left) {
                    break;
                }
                left = now;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return before - left;
        });
    }

    static long pragmaLong(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
