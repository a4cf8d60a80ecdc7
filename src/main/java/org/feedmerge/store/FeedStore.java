package org.feedmerge.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.feedmerge.dedup.StoryFingerprint;

/** Feed rows, and the one transaction that records a poll. Thread-safe. */
public final class FeedStore {

    private static final String FEED_COLUMNS = """
            id, url, configured_title, source_title, source_link, etag, last_modified, last_status,
            last_http_status, last_error, consecutive_failures, last_checked, last_success, next_poll,
            next_poll_rule, current_url, moved_at, redirect_target, redirect_streak, retired_at, publisher_hints""";

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
            EpochMillis.read(row, "next_poll"),
            row.getString("next_poll_rule"),
            new FeedLocation(uri(row.getString("current_url")), EpochMillis.read(row, "moved_at"),
                    uri(row.getString("redirect_target")), row.getInt("redirect_streak")),
            EpochMillis.read(row, "retired_at"),
            row.getString("publisher_hints"));

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
        return register(url, configuredTitle, null);
    }

    /**
     * Inserts the feed if new (keyed by URL), updates its configured title, returns its row.
     *
     * <p>{@code configFingerprint} stands for the feed's whole config entry. When it differs from the
     * one stored at the last registration, the operator edited the entry, and what feedmerge learned
     * on its own is forgotten: the feed is no longer retired and is fetched from its configured URL
     * again. Null leaves the stored fingerprint and everything else as it is.
     */
    public FeedRow register(URI url, String configuredTitle, String configFingerprint) {
        Objects.requireNonNull(url, "url");
        return database.write("Could not register feed " + url,
                connection -> registerIn(connection, url, configuredTitle, configFingerprint));
    }

    /** One configured feed, for {@link #registerAll}. */
    public record Registration(URI url, String configuredTitle, String configFingerprint, boolean original) {
        public Registration {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * {@link #register} and {@link #configure} for every configured feed, in config order (the
     * position is the index), in one transaction: start-up with thousands of feeds commits once.
     * Every feed's row is read in one query first, and only feeds whose title, config entry,
     * {@code original} or position changed are written: a restart with the same config (every
     * one-shot poll) writes nothing here.
     */
    public List<FeedRow> registerAll(List<Registration> feeds) {
        return database.write("Could not register " + feeds.size() + " feeds", connection -> {
            Map<String, Registered> stored = registered(connection);
            List<FeedRow> rows = new ArrayList<>(feeds.size());
            for (int position = 0; position < feeds.size(); position++) {
                Registration feed = feeds.get(position);
                String url = feed.url().toString();
                Registered before = stored.get(url);
                if (before != null && before.isAsConfigured(feed, position)) {
                    rows.add(before.row());
                    continue;
                }
                FeedRow row = registerIn(connection, feed.url(), feed.configuredTitle(), feed.configFingerprint());
                configureIn(connection, row.id(), feed.original(), position);
                String fingerprint = feed.configFingerprint() != null ? feed.configFingerprint()
                        : before == null ? null : before.configFingerprint();
                stored.put(url, new Registered(row, feed.configuredTitle(), fingerprint, feed.original(), position));
                rows.add(row);
            }
            return rows;
        });
    }

    /** A feed's row as registration left it, with what registration compares. */
    private record Registered(FeedRow row, String configuredTitle, String configFingerprint, boolean original,
            Integer position) {

        /** Whether registering {@code feed} at {@code position} would change nothing. */
        boolean isAsConfigured(Registration feed, int position) {
            return Objects.equals(configuredTitle, feed.configuredTitle())
                    && (feed.configFingerprint() == null || feed.configFingerprint().equals(configFingerprint))
                    && original == feed.original()
                    && Objects.equals(this.position, position);
        }
    }

    private static Map<String, Registered> registered(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + FEED_COLUMNS + ", config_fingerprint, original, position FROM feeds")) {
            Map<String, Registered> byUrl = new HashMap<>();
            for (Registered feed : RowMapper.list(query, row -> new Registered(FEED_ROW.map(row),
                    row.getString("configured_title"), row.getString("config_fingerprint"),
                    row.getBoolean("original"), row.getObject("position") == null ? null : row.getInt("position")))) {
                byUrl.put(feed.row().url().toString(), feed);
            }
            return byUrl;
        }
    }

    private static FeedRow registerIn(Connection connection, URI url, String configuredTitle, String configFingerprint)
            throws SQLException {
        String stored = storedFingerprint(connection, url.toString());
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO feeds (url, configured_title, config_fingerprint) VALUES (?, ?, ?)
                ON CONFLICT (url) DO UPDATE SET configured_title = excluded.configured_title,
                    config_fingerprint = COALESCE(excluded.config_fingerprint, config_fingerprint)""")) {
            upsert.setString(1, url.toString());
            upsert.setString(2, configuredTitle);
            upsert.setString(3, configFingerprint);
            upsert.executeUpdate();
        }
        if (stored != null && configFingerprint != null && !stored.equals(configFingerprint)) {
            forgetWhatWasLearned(connection, url.toString());
        }
        return findByUrl(connection, url.toString());
    }

    private static String storedFingerprint(Connection connection, String url) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT config_fingerprint FROM feeds WHERE url = ? AND config_fingerprint IS NOT NULL")) {
            query.setString(1, url);
            return RowMapper.first(query, row -> row.getString(1)).orElse(null);
        }
    }

    /** A retired feed becomes due at once (next_poll null); a moved one goes back to its configured URL. */
    private static void forgetWhatWasLearned(Connection connection, String url) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE feeds SET next_poll = CASE WHEN retired_at IS NULL THEN next_poll END,
                    next_poll_rule = CASE WHEN retired_at IS NULL THEN next_poll_rule END,
                    retired_at = NULL, current_url = NULL, moved_at = NULL, redirect_target = NULL,
                    redirect_streak = 0
                WHERE url = ?""")) {
            update.setString(1, url);
            update.executeUpdate();
        }
    }

    private static FeedRow findByUrl(Connection connection, String url) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + FEED_COLUMNS + " FROM feeds WHERE url = ?")) {
            query.setString(1, url);
            return RowMapper.first(query, FEED_ROW).orElseThrow();
        }
    }

    /**
     * Marks exactly these feeds as subscribed: the others (no longer in the config) keep their
     * rows and entries, but their entries leave the merged feed until they are listed again.
     */
    public void keepSubscribed(Collection<Long> feedIds) {
        database.write("Could not update subscribed feeds", connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE feeds SET subscribed = (id IN (SELECT value FROM json_each(?1)))
                    WHERE subscribed IS NOT (id IN (SELECT value FROM json_each(?1)))""")) {
                update.setString(1, StoryGrouper.idList(feedIds));
                update.executeUpdate();
            }
            return null;
        });
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
            configureIn(connection, feedId, original, position);
            return null;
        });
    }

    private static void configureIn(Connection connection, long feedId, boolean original, int position)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE feeds SET original = ?, position = ? WHERE id = ?")) {
            update.setBoolean(1, original);
            update.setInt(2, position);
            update.setLong(3, feedId);
            update.executeUpdate();
        }
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
        Map<NewEntry, StoryLookup> lookups = lookUpNewEntries(feedId, batch, poll.checkedAt());
        return database.write("Could not record poll of feed " + feedId, connection -> {
            StoreCounts counts = batch.isEmpty() ? new StoreCounts(0, 0, 0) : writeEntries(connection, feedId, poll,
                    batch, lookups);
            writeOutcome(connection, feedId, poll);
            writeValidators(connection, feedId, poll);
            return counts;
        });
    }

    /** A document's entries (not a 304's or a failure's: they have none, and nothing to write). */
    private StoreCounts writeEntries(Connection connection, long feedId, PollRecord poll, List<NewEntry> batch,
            Map<NewEntry, StoryLookup> lookups) throws SQLException {
        try (EntryWriter writer = new EntryWriter(connection, database.anchorBuffer(), feedId,
                feedUrl(connection, feedId), poll.checkedAt(), rules, lookups)) {
            return writer.write(batch);
        }
    }

    /**
     * For the entries whose key the feed has not stored yet, before the write transaction: their
     * story fingerprints, and the committed entries of other feeds that are the same story. This
     * is CPU work and reading that need not hold the one write lock, and a cold start inserts
     * every entry; under the lock only what changed since is searched ({@link StoryLookup}).
     * Entries this misses (re-keyed, or a key found under another scheme) are fingerprinted and
     * looked up inside the transaction.
     */
    private Map<NewEntry, StoryLookup> lookUpNewEntries(long feedId, List<NewEntry> batch, Instant checkedAt) {
        if (!rules.crossFeed() || batch.isEmpty()) {
            return Map.of();
        }
        Set<String> stored = database.read("Could not read entry keys of feed " + feedId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT entry_key FROM entries WHERE feed_id = ?")) {
                query.setLong(1, feedId);
                return new HashSet<>(RowMapper.list(query, row -> row.getString(1)));
            }
        });
        Map<NewEntry, StoryFingerprint> fingerprints = new IdentityHashMap<>();
        for (NewEntry entry : batch) {
            if (!stored.contains(entry.key())) {
                fingerprints.put(entry, StoryGrouper.of(entry));
            }
        }
        if (fingerprints.isEmpty()) {
            return Map.of();
        }
        long checked = checkedAt.toEpochMilli();
        long generation = database.anchorBuffer().generation(); // before reading: see AnchorBuffer
        List<NewEntry> entries = new ArrayList<>(fingerprints.keySet());
        List<StoryGrouper.Probe> probes = new ArrayList<>(entries.size());
        for (NewEntry entry : entries) {
            probes.add(new StoryGrouper.Probe(fingerprints.get(entry),
                    EntryWriter.effectivePublished(entry.published(), checked)));
        }
        return database.read("Could not look for copies of the new entries of feed " + feedId, connection -> {
            List<Set<Long>> matches;
            try (Statements statements = new Statements(connection)) {
                matches = StoryGrouper.storedMatches(statements.prepare(StoryGrouper.LINKED_ENTRIES),
                        statements.prepare(StoryGrouper.POSTINGS), statements.prepare(StoryGrouper.PRINTS),
                        database.anchorBuffer().filter(), feedId, probes);
            }
            Map<NewEntry, StoryLookup> lookups = new IdentityHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                lookups.put(entries.get(i), new StoryLookup(probes.get(i).fingerprint(), probes.get(i).published(),
                        generation, matches.get(i)));
            }
            return lookups;
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
                    consecutive_failures = CASE WHEN ? THEN 0 WHEN ? THEN consecutive_failures + 1
                        ELSE consecutive_failures END,
                    last_success = COALESCE(?, last_success), next_poll = ?, next_poll_rule = ?,
                    retired_at = COALESCE(retired_at, ?)
                WHERE id = ?""")) {
            EpochMillis.bind(update, 1, poll.checkedAt());
            update.setString(2, poll.status().name());
            update.setInt(3, poll.httpStatus());
            update.setString(4, success ? null : poll.error());
            update.setBoolean(5, success);
            update.setBoolean(6, poll.countsAsFailure());
            EpochMillis.bind(update, 7, success ? poll.checkedAt() : null);
            EpochMillis.bind(update, 8, poll.nextPoll());
            update.setString(9, poll.nextPollRule());
            EpochMillis.bind(update, 10, poll.retire() ? poll.checkedAt() : null);
            update.setLong(11, feedId);
            if (update.executeUpdate() == 0) {
                throw new SQLException("no feed with id " + feedId);
            }
        }
        if (poll.location() != null) {
            writeLocation(connection, feedId, poll.location());
        }
    }

    private static void writeLocation(Connection connection, long feedId, FeedLocation location) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE feeds SET current_url = ?, moved_at = ?, redirect_target = ?, redirect_streak = ?
                WHERE id = ?""")) {
            update.setString(1, text(location.currentUrl()));
            EpochMillis.bind(update, 2, location.movedAt());
            update.setString(3, text(location.redirectTarget()));
            update.setInt(4, location.redirectStreak());
            update.setLong(5, feedId);
            update.executeUpdate();
        }
    }

    /**
     * Moves the feed's next poll without recording a poll: its host was busy or asked us to wait,
     * so nothing was fetched and nothing else about the feed changes.
     */
    public void postpone(long feedId, Instant nextPoll, String nextPollRule) {
        Objects.requireNonNull(nextPoll, "nextPoll");
        database.write("Could not postpone feed " + feedId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE feeds SET next_poll = ?, next_poll_rule = ? WHERE id = ?")) {
                EpochMillis.bind(update, 1, nextPoll);
                update.setString(2, nextPollRule);
                update.setLong(3, feedId);
                return update.executeUpdate();
            }
        });
    }

    private static void writeValidators(Connection connection, long feedId, PollRecord poll) throws SQLException {
        switch (poll.status()) {
            case OK -> storeFetched(connection, feedId, poll);
            case NOT_MODIFIED -> refreshValidators(connection, feedId, poll);
            case HTTP_ERROR, NETWORK_ERROR, TOO_LARGE, PARSE_ERROR, POSTPONED -> {
                // Keep them: the next conditional request still revalidates what we hold.
            }
        }
    }

    /**
     * A 200 carries the whole truth: validators and publisher hints as given (absent ones clear),
     * titles when present.
     */
    private static void storeFetched(Connection connection, long feedId, PollRecord poll) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE feeds SET etag = ?, last_modified = ?, publisher_hints = ?,
                    source_title = COALESCE(?, source_title), source_link = COALESCE(?, source_link)
                WHERE id = ?""")) {
            update.setString(1, poll.etag());
            update.setString(2, poll.lastModified());
            update.setString(3, poll.publisherHints());
            update.setString(4, poll.sourceTitle());
            update.setString(5, poll.sourceLink());
            update.setLong(6, feedId);
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

    private static URI uri(String text) {
        return text == null ? null : URI.create(text);
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }
}
