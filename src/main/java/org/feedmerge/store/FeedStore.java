package org.feedmerge.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Feed rows, and the one transaction that records a poll. Thread-safe. */
public final class FeedStore {

    private static final String FEED_COLUMNS = """
            id, url, configured_title, source_title, source_link, etag, last_modified, last_status,
            last_http_status, last_error, consecutive_failures, last_checked, last_success, next_poll""";

    private static final RowMapper<FeedRow> FEED_ROW = row -> new FeedRow(
            row.getLong("id"),
            URI.create(row.getString("url")),
            row.getString("configured_title"),
            row.getString("source_title"),
            row.getString("source_link"),
            row.getString("etag"),
            row.getString("last_modified"),
            pollStatus(row.getString("last_status")),
            row.getInt("last_http_status"),
            row.getString("last_error"),
            row.getInt("consecutive_failures"),
            EpochMillis.read(row, "last_checked"),
            EpochMillis.read(row, "last_success"),
            EpochMillis.read(row, "next_poll"));

    private final Database database;
    private final StoryRules rules;

    public FeedStore(Database database) {
        this(database, StoryRules.DEFAULT);
    }

    /** @param rules how new entries are grouped into stories ({@code dedup}, {@code output.updated-moves-to-top}) */
    public FeedStore(Database database, StoryRules rules) {
        this.database = Objects.requireNonNull(database, "database");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Inserts the feed if new (keyed by URL), updates its configured title, returns its row. */
    public FeedRow register(URI url, String configuredTitle) {
        Objects.requireNonNull(url, "url");
        return database.write("Could not register feed " + url, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO feeds (url, configured_title) VALUES (?, ?)
                    ON CONFLICT (url) DO UPDATE SET configured_title = excluded.configured_title""")) {
                upsert.setString(1, url.toString());
                upsert.setString(2, configuredTitle);
                upsert.executeUpdate();
            }
            return findByUrl(connection, url.toString());
        });
    }

    private static FeedRow findByUrl(Connection connection, String url) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + FEED_COLUMNS + " FROM feeds WHERE url = ?")) {
            query.setString(1, url);
            return RowMapper.first(query, FEED_ROW).orElseThrow();
        }
    }

    public Optional<FeedRow> find(long feedId) {
        return database.read("Could not read feed " + feedId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + FEED_COLUMNS + " FROM feeds WHERE id = ?")) {
                query.setLong(1, feedId);
                return RowMapper.first(query, FEED_ROW);
            }
        });
    }

    /** Every feed, in registration order. */
    public List<FeedRow> all() {
        return database.read("Could not read feeds", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + FEED_COLUMNS + " FROM feeds ORDER BY id")) {
                return RowMapper.list(query, FEED_ROW);
            }
        });
    }

    /**
     * Stores what the story winner rule needs to know about a configured feed.
     *
     * @param original whether the feed is marked {@code original: true}
     * @param position its place in the config file, 0 for the first
     */
    public void configure(long feedId, boolean original, int position) {
        database.write("Could not configure feed " + feedId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE feeds SET original = ?, position = ? WHERE id = ?")) {
                update.setBoolean(1, original);
                update.setInt(2, position);
                update.setLong(3, feedId);
                return update.executeUpdate();
            }
        });
    }

    /**
     * In one transaction: stores the entries (insert new keys, update changed ones in place,
     * leave unchanged ones) and writes the poll's outcome on the feed's row.
     *
     * <p>New entries get {@code first_seen = poll.checkedAt()} and a public id that is never
     * changed afterwards; their effective date is the parsed one unless it is missing or later
     * than first_seen. A changed content hash updates the entry in place and marks it updated.
     * {@link NewEntry#updated()} is not stored: "updated" means feedmerge saw the substance change.
     * Validators: OK stores them as given (null clears), NOT_MODIFIED stores only the non-null
     * ones, failures keep them.
     *
     * @throws StoreException naming the feed when anything fails; then nothing was written
     */
    public StoreCounts recordPoll(long feedId, PollRecord poll, List<NewEntry> entries) {
        Objects.requireNonNull(poll, "poll");
        List<NewEntry> batch = List.copyOf(entries);
        return database.write("Could not record poll of feed " + feedId, connection -> {
            String feedUrl = feedUrl(connection, feedId);
            StoreCounts counts;
            try (EntryWriter writer = new EntryWriter(connection, feedId, feedUrl, poll.checkedAt(), rules)) {
                counts = writer.write(batch);
            }
            writeOutcome(connection, feedId, poll);
            writeValidators(connection, feedId, poll);
            return counts;
        });
    }

    private static String feedUrl(Connection connection, long feedId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT url FROM feeds WHERE id = ?")) {
            query.setLong(1, feedId);
            return RowMapper.first(query, row -> row.getString("url"))
                    .orElseThrow(() -> new SQLException("no feed with id " + feedId));
        }
    }

    private static void writeOutcome(Connection connection, long feedId, PollRecord poll) throws SQLException {
        boolean success = poll.status().isSuccess();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE feeds SET last_checked = ?, last_status = ?, last_http_status = ?, last_error = ?,
                    consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures + 1 END,
                    last_success = COALESCE(?, last_success), next_poll = ?
                WHERE id = ?""")) {
            EpochMillis.bind(update, 1, poll.checkedAt());
            update.setString(2, poll.status().name());
            update.setInt(3, poll.httpStatus());
            update.setString(4, success ? null : poll.error());
            update.setBoolean(5, success);
            EpochMillis.bind(update, 6, success ? poll.checkedAt() : null);
            EpochMillis.bind(update, 7, poll.nextPoll());
            update.setLong(8, feedId);
            update.executeUpdate();
        }
    }

    private static void writeValidators(Connection connection, long feedId, PollRecord poll) throws SQLException {
        switch (poll.status()) {
            case OK -> storeFetched(connection, feedId, poll);
            case NOT_MODIFIED -> refreshValidators(connection, feedId, poll);
            case HTTP_ERROR, NETWORK_ERROR, TOO_LARGE, PARSE_ERROR -> {
                // Keep them: the next conditional request still revalidates what we hold.
            }
        }
    }

    /** A 200 carries the whole truth: validators as given (absent ones clear), titles when present. */
    private static void storeFetched(Connection connection, long feedId, PollRecord poll) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE feeds SET etag = ?, last_modified = ?,
                    source_title = COALESCE(?, source_title), source_link = COALESCE(?, source_link)
                WHERE id = ?""")) {
            update.setString(1, poll.etag());
            update.setString(2, poll.lastModified());
            update.setString(3, poll.sourceTitle());
            update.setString(4, poll.sourceLink());
            update.setLong(5, feedId);
            update.executeUpdate();
        }
    }

    /** RFC 9111 §4.3.4: a 304 updates the validators it carries and leaves the others. */
    private static void refreshValidators(Connection connection, long feedId, PollRecord poll) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)
                WHERE id = ?""")) {
            update.setString(1, poll.etag());
            update.setString(2, poll.lastModified());
            update.setLong(3, feedId);
            update.executeUpdate();
        }
    }

    private static PollStatus pollStatus(String name) {
        return name == null ? null : PollStatus.valueOf(name);
    }
}
