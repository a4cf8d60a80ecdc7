package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.feedmerge.dedup.StoryFingerprint;
import org.feedmerge.dedup.StoryMatch;

/**
 * Puts each new entry into a story at insert, inside the poll's transaction: the story of another
 * feed's entry with the same canonical link, else of the best near-duplicate among the candidates
 * the LSH band index (table story_bands) returns, else a new story. Entries of the same feed are
 * never candidates (a feed that repeats an item is its key scheme's business), nor are entries
 * published more than {@link #WINDOW} apart (templated items like "Weather for Monday" must not
 * chain into one story across weeks).
 *
 * <p>A story keeps the public id of its first copy and its place in the merged order, which a later
 * copy can only move down (to the earliest copy's date), never up: a story never shows up again
 * as new because another feed published it.
 */
final class StoryGrouper {

    static final Duration WINDOW = Duration.ofDays(7);

    private static final String STORY_BY_URL = """
            SELECT story_id FROM entries
            WHERE canonical_url = ? AND feed_id <> ? AND story_id IS NOT NULL
            ORDER BY id LIMIT 1""";
    private static final String CANDIDATES = """
            SELECT e.story_id, e.canonical_url, e.shingles, e.title FROM entries e
            WHERE e.id IN (SELECT entry_id FROM story_bands WHERE band IN (%s))
              AND e.feed_id <> ? AND e.published BETWEEN ? AND ? AND e.story_id IS NOT NULL
            """.formatted("?,".repeat(StoryFingerprint.BANDS - 1) + "?");
    private static final String NEW_STORY = "INSERT INTO stories (public_id, sort_time, first_seen) VALUES (?, ?, ?)";
    private static final String JOIN_STORY = "UPDATE stories SET sort_time = min(sort_time, ?) WHERE id = ?";
    private static final String MOVE_TO_TOP = "UPDATE stories SET sort_time = max(sort_time, ?) WHERE id = ?";
    static final String ADD_BAND = "INSERT OR IGNORE INTO story_bands (band, entry_id) VALUES (?, ?)";
    static final String REMOVE_BAND = "DELETE FROM story_bands WHERE band = ? AND entry_id = ?";

    private final boolean crossFeed;
    private final PreparedStatement storyByUrl;
    private final PreparedStatement candidates;
    private final PreparedStatement newStory;
    private final PreparedStatement joinStory;
    private final PreparedStatement moveToTop;
    private final PreparedStatement addBand;
    private final PreparedStatement removeBand;

    StoryGrouper(Statements statements, boolean crossFeed) throws SQLException {
        this.crossFeed = crossFeed;
        this.storyByUrl = statements.prepare(STORY_BY_URL);
        this.candidates = statements.prepare(CANDIDATES);
        this.newStory = statements.prepare(NEW_STORY);
        this.joinStory = statements.prepare(JOIN_STORY);
        this.moveToTop = statements.prepare(MOVE_TO_TOP);
        this.addBand = statements.prepare(ADD_BAND);
        this.removeBand = statements.prepare(REMOVE_BAND);
    }

    /**
     * The story for an entry about to be inserted: an existing one it joins (its place moves down
     * to the entry's date if that is earlier), or a new one under {@code publicId}.
     *
     * @param fingerprint null when cross-feed dedup is off
     */
    long storyFor(long feedId, StoryFingerprint fingerprint, String publicId, long published, long firstSeen)
            throws SQLException {
        Long existing = fingerprint == null ? null : findStory(feedId, fingerprint, published);
        if (existing != null) {
            joinStory.setLong(1, published);
            joinStory.setLong(2, existing);
            joinStory.executeUpdate();
            return existing;
        }
        newStory.setString(1, publicId);
        newStory.setLong(2, published);
        newStory.setLong(3, firstSeen);
        newStory.executeUpdate();
        try (ResultSet key = newStory.getGeneratedKeys()) {
            key.next();
            return key.getLong(1);
        }
    }

    /** The fingerprint to store with a new or edited entry, or null when cross-feed dedup is off. */
    StoryFingerprint fingerprint(NewEntry entry) {
        return crossFeed ? StoryFingerprint.of(entry.title(), entry.link(), entry.summary(), entry.content()) : null;
    }

    private Long findStory(long feedId, StoryFingerprint fingerprint, long published) throws SQLException {
        if (fingerprint.linkNamesAnArticle()) {
            storyByUrl.setString(1, fingerprint.canonicalUrl());
            storyByUrl.setLong(2, feedId);
            Long byUrl = RowMapper.first(storyByUrl, row -> row.getLong(1)).orElse(null);
            if (byUrl != null) {
                return byUrl;
            }
        }
        return fingerprint.hasText() ? nearDuplicate(feedId, fingerprint, published) : null;
    }

    private Long nearDuplicate(long feedId, StoryFingerprint fingerprint, long published) throws SQLException {
        long[] bands = fingerprint.bands();
        for (int i = 0; i < bands.length; i++) {
            candidates.setLong(i + 1, bands[i]);
        }
        candidates.setLong(bands.length + 1, feedId);
        candidates.setLong(bands.length + 2, published - WINDOW.toMillis());
        candidates.setLong(bands.length + 3, published + WINDOW.toMillis());
        Long best = null;
        double bestScore = 0;
        try (ResultSet rows = candidates.executeQuery()) {
            while (rows.next()) {
                StoryFingerprint other = StoryFingerprint.stored(rows.getString("canonical_url"),
                        rows.getBytes("shingles"), rows.getString("title"));
                double score = StoryMatch.score(fingerprint, other);
                if (score > bestScore) {
                    bestScore = score;
                    best = rows.getLong("story_id");
                }
            }
        }
        return best;
    }

    /** Adds the entry's bands to the index. */
    void index(long entryId, StoryFingerprint fingerprint) throws SQLException {
        if (fingerprint == null) {
            return;
        }
        for (long band : fingerprint.bands()) {
            addBand.setLong(1, band);
            addBand.setLong(2, entryId);
            addBand.executeUpdate();
        }
    }

    /** Removes the bands of the entry's stored shingles (before an edit replaces them). */
    void unindex(long entryId, byte[] storedShingles) throws SQLException {
        removeBands(removeBand, entryId, storedShingles);
    }

    /** With {@code output.updated-moves-to-top}, a substantive edit puts the story at the edit's time. */
    void edited(long storyId, long editedAt, boolean movesToTop) throws SQLException {
        if (movesToTop) {
            moveToTop.setLong(1, editedAt);
            moveToTop.setLong(2, storyId);
            moveToTop.executeUpdate();
        }
    }

    /** Deletes the band rows recomputed from stored shingles: the index needs no entry_id index. */
    static void removeBands(PreparedStatement removeBand, long entryId, byte[] storedShingles) throws SQLException {
        if (storedShingles == null) {
            return;
        }
        for (long band : StoryFingerprint.stored(null, storedShingles, null).bands()) {
            removeBand.setLong(1, band);
            removeBand.setLong(2, entryId);
            removeBand.executeUpdate();
        }
    }
}
