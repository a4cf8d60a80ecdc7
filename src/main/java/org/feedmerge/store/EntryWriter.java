package org.feedmerge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one poll's entries inside the caller's transaction, with its statements prepared once
 * for the whole poll. Inserts new keys, updates changed ones in place, leaves unchanged ones.
 */
final class EntryWriter implements AutoCloseable {

    private enum Outcome { ADDED, UPDATED, UNCHANGED }

    private record Stored(long id, String contentHash, long firstSeen) {
    }

    private static final String FIND_BY_KEY =
            "SELECT id, content_hash, first_seen FROM entries WHERE feed_id = ? AND entry_key = ?";
    private static final String PUBLIC_ID_TAKEN = "SELECT 1 FROM entries WHERE public_id = ?";
    private static final String INSERT = """
            INSERT INTO entries (feed_id, entry_key, public_id, guid, link, title, summary, content,
                                 author, published, updated_at, first_seen, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)""";
    private static final String UPDATE = """
            UPDATE entries SET guid = ?, link = ?, title = ?, summary = ?, content = ?, author = ?,
                               published = ?, updated_at = ?, content_hash = ?
            WHERE id = ?""";

    private final long feedId;
    private final String feedUrl;
    private final long checkedAt;
    private final List<PreparedStatement> prepared = new ArrayList<>();
    private final PreparedStatement findByKey;
    private final PreparedStatement publicIdTaken;
    private final PreparedStatement insert;
    private final PreparedStatement update;

    /** Prepares the statements; the caller closes the writer (try-with-resources). */
    EntryWriter(Connection connection, long feedId, String feedUrl, Instant checkedAt) throws SQLException {
        this.feedId = feedId;
        this.feedUrl = feedUrl;
        this.checkedAt = checkedAt.toEpochMilli();
        this.findByKey = prepare(connection, FIND_BY_KEY);
        this.publicIdTaken = prepare(connection, PUBLIC_ID_TAKEN);
        this.insert = prepare(connection, INSERT);
        this.update = prepare(connection, UPDATE);
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        try {
            PreparedStatement statement = connection.prepareStatement(sql);
            prepared.add(statement);
            return statement;
        } catch (SQLException e) {
            closeAll(e);
            throw e;
        }
    }

    /**
     * Entries are written last-to-first. Feeds list newest first (RSS/Atom convention), so undated
     * entries of one poll, which all get first_seen = checkedAt, receive ascending row ids from
     * oldest to newest, and the "id DESC" tie-break of the merged order reproduces document order.
     */
    StoreCounts write(List<NewEntry> entries) throws SQLException {
        int[] counts = new int[Outcome.values().length];
        for (int i = entries.size() - 1; i >= 0; i--) {
            counts[writeOne(entries.get(i)).ordinal()]++;
        }
        return new StoreCounts(counts[Outcome.ADDED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()]);
    }

    private Outcome writeOne(NewEntry entry) throws SQLException {
        Optional<Stored> stored = find(entry.key());
        if (stored.isEmpty()) {
            insert(entry);
            return Outcome.ADDED;
        }
        if (stored.get().contentHash().equals(entry.contentHash())) {
            return Outcome.UNCHANGED;
        }
        update(stored.get(), entry);
        return Outcome.UPDATED;
    }

    private Optional<Stored> find(String key) throws SQLException {
        findByKey.setLong(1, feedId);
        findByKey.setString(2, key);
        return RowMapper.first(findByKey,
                row -> new Stored(row.getLong("id"), row.getString("content_hash"), row.getLong("first_seen")));
    }

    private void insert(NewEntry entry) throws SQLException {
        insert.setLong(1, feedId);
        insert.setString(2, entry.key());
        insert.setString(3, choosePublicId(entry));
        bindSubstance(insert, 4, entry);
        insert.setLong(10, effectivePublished(entry.published(), checkedAt));
        insert.setLong(11, checkedAt);
        insert.setString(12, entry.contentHash());
        insert.executeUpdate();
    }

    /** first_seen and public_id never change: readers already know the entry by them. */
    private void update(Stored stored, NewEntry entry) throws SQLException {
        bindSubstance(update, 1, entry);
        update.setLong(7, effectivePublished(entry.published(), stored.firstSeen()));
        update.setLong(8, checkedAt);
        update.setString(9, entry.contentHash());
        update.setLong(10, stored.id());
        update.executeUpdate();
    }

    /** Binds guid, link, title, summary, content, author to six parameters from {@code first}. */
    private static void bindSubstance(PreparedStatement statement, int first, NewEntry entry) throws SQLException {
        statement.setString(first, entry.guid());
        statement.setString(first + 1, entry.link());
        statement.setString(first + 2, entry.title());
        statement.setString(first + 3, entry.summary());
        statement.setString(first + 4, entry.content());
        statement.setString(first + 5, entry.author());
    }

    /** A missing date, or one after first sight (clock skew, scheduled posts), cannot sort above news. */
    static long effectivePublished(Instant published, long firstSeen) {
        if (published == null || published.toEpochMilli() > firstSeen) {
            return firstSeen;
        }
        return published.toEpochMilli();
    }

    /** The candidate (guid, else link) unless any stored entry already has it; then the derived id. */
    private String choosePublicId(NewEntry entry) throws SQLException {
        String candidate = PublicId.candidate(feedUrl, entry);
        if (!taken(candidate)) {
            return candidate;
        }
        String derived = PublicId.derived(feedUrl, entry.key());
        for (int attempt = 2; taken(derived); attempt++) {
            // Only reachable when some publisher's guid is literally one of our derived ids.
            derived = PublicId.derived(feedUrl, entry.key() + "\n" + attempt);
        }
        return derived;
    }

    private boolean taken(String publicId) throws SQLException {
        publicIdTaken.setString(1, publicId);
        try (ResultSet row = publicIdTaken.executeQuery()) {
            return row.next();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = new SQLException("could not close statements");
        closeAll(failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private void closeAll(Exception failure) {
        for (PreparedStatement statement : prepared) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
