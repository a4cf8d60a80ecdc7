package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.feedmerge.dedup.CopyPrecedence;
import org.feedmerge.dedup.KeyScheme;

/**
 * Reads the merged feed: stories across all feeds, each shown once as its winning copy with the
 * other copies as sources. Effective publication time: the parsed date, or first-seen time when
 * the date is missing or lies in the future (so no item pins itself to the top). Thread-safe;
 * reads never wait for a poll's write transaction.
 */
public final class EntryStore {

    /** The page of stories comes from an index walk of stories_newest that stops after {@code limit} rows. */
    static final String NEWEST = """
            WITH page AS (
                SELECT id, public_id, sort_time, first_seen FROM stories s
                WHERE EXISTS (SELECT 1 FROM entries e JOIN feeds f ON f.id = e.feed_id
                              WHERE e.story_id = s.id AND f.subscribed = 1)
                ORDER BY sort_time DESC, first_seen DESC, id DESC
                LIMIT ?)
            SELECT p.id AS story_id, p.public_id AS story_public_id, p.sort_time AS story_sort_time,
                   p.first_seen AS story_first_seen,
                   e.id, e.feed_id, f.url, f.configured_title, f.source_title, f.source_link, f.original, f.position,
                   e.guid, e.link, e.title, e.summary, e.content, e.html_base, e.author, e.published, e.updated_at,
                   e.first_seen
            FROM page p JOIN entries e ON e.story_id = p.id JOIN feeds f ON f.id = e.feed_id
            WHERE f.subscribed = 1""";

    private record Story(long id, String publicId, long sortTime, long firstSeen) {
    }

    private record Copy(Story story, MergedEntry entry, CopyPrecedence.Copy rank) {
    }

    private static final Comparator<Story> NEWEST_FIRST = Comparator.comparingLong(Story::sortTime)
            .thenComparingLong(Story::firstSeen).thenComparingLong(Story::id).reversed();

    private static final RowMapper<Copy> COPY = row -> {
        MergedEntry entry = new MergedEntry(
                row.getLong("id"),
                row.getString("story_public_id"),
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
                row.getString("html_base"),
                row.getString("author"),
                EpochMillis.read(row, "published"),
                EpochMillis.read(row, "updated_at"),
                EpochMillis.read(row, "first_seen"),
                List.of());
        Story story = new Story(row.getLong("story_id"), row.getString("story_public_id"),
                row.getLong("story_sort_time"), row.getLong("story_first_seen"));
        return new Copy(story, entry, rank(row, entry));
    };

    private final Database database;
    private final Comparator<CopyPrecedence.Copy> precedence;

    public EntryStore(Database database) {
        this(database, StoryRules.DEFAULT);
    }

    /** @param rules {@link StoryRules#winner()} picks the copy each story shows */
    public EntryStore(Database database, StoryRules rules) {
        this.database = Objects.requireNonNull(database, "database");
        this.precedence = CopyPrecedence.of(rules.winner());
    }

    /**
     * The newest stories across all feeds, newest first (ties: newest first-seen, then highest id),
     * each as its winning copy under the story's public id, with the other copies as sources.
     */
    public List<MergedEntry> newest(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<Copy> copies = database.read("Could not read the newest " + limit + " entries", connection -> {
            try (PreparedStatement query = connection.prepareStatement(NEWEST)) {
                query.setInt(1, limit);
                return RowMapper.list(query, COPY);
            }
        });
        return merge(copies);
    }

    private List<MergedEntry> merge(List<Copy> copies) {
        Map<Story, List<Copy>> byStory = new LinkedHashMap<>();
        for (Copy copy : copies) {
            byStory.computeIfAbsent(copy.story(), story -> new ArrayList<>()).add(copy);
        }
        List<Story> order = new ArrayList<>(byStory.keySet());
        order.sort(NEWEST_FIRST);
        List<MergedEntry> merged = new ArrayList<>(order.size());
        for (Story story : order) {
            merged.add(winnerWithSources(byStory.get(story)));
        }
        return merged;
    }

    private MergedEntry winnerWithSources(List<Copy> copies) {
        copies.sort(Comparator.comparing(Copy::rank, precedence));
        MergedEntry winner = copies.get(0).entry();
        List<StorySource> others = new ArrayList<>(copies.size() - 1);
        for (Copy copy : copies.subList(1, copies.size())) {
            MergedEntry other = copy.entry();
            others.add(new StorySource(other.feedTitle(), other.feedUrl(), other.feedLink(), other.link()));
        }
        return new MergedEntry(winner.id(), winner.publicId(), winner.feedId(), winner.feedUrl(), winner.feedTitle(),
                winner.feedLink(), winner.guid(), winner.link(), winner.title(), winner.summary(), winner.content(),
                winner.htmlBase(), winner.author(), winner.published(), winner.updated(), winner.firstSeen(), others);
    }

    private static CopyPrecedence.Copy rank(ResultSet row, MergedEntry entry) throws SQLException {
        int position = row.getInt("position");
        if (row.wasNull()) {
            position = Integer.MAX_VALUE;
        }
        return new CopyPrecedence.Copy(row.getBoolean("original"), position, entry.published(), entry.firstSeen(),
                entry.id());
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

    /**
     * The feeds that are not identified by guid, with why and since when, for
     * {@code feedmerge status}. Feeds on guids (the default) are not listed.
     */
    public List<FeedKeyScheme> keySchemes() {
        return database.read("Could not read key schemes", connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT feed_id, scheme, reason, decided_at FROM feed_key_schemes
                    WHERE scheme <> 'GUID' ORDER BY feed_id""")) {
                return RowMapper.list(query, row -> new FeedKeyScheme(row.getLong("feed_id"),
                        KeyScheme.valueOf(row.getString("scheme")), row.getString("reason"),
                        EpochMillis.read(row, "decided_at")));
            }
        });
    }
}
