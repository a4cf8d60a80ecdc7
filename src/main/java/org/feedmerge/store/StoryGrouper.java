package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.feedmerge.dedup.StoryFingerprint;
import org.feedmerge.dedup.StoryMatch;

/**
 * Puts each new entry into a story at insert, inside the poll's transaction: the story of other
 * feeds' entries with the same canonical link or of near-duplicates among the candidates that share
 * an anchor with it (index table story_anchors), else a new story. Entries of the same
 * feed are never candidates (a feed that repeats an item is its key scheme's business), nor are
 * entries published more than {@link #WINDOW} apart (templated items like "Weather for Monday"
 * must not chain into one story across weeks).
 *
 * <p>A story keeps the public id of its first copy and its place in the merged order, which a later
 * copy can only move down (to the earliest copy's date), never up: a story never shows up again
 * as new because another feed published it.
 */
final class StoryGrouper {

    static final Duration WINDOW = Duration.ofDays(7);
    /** Enough for any real story; bounds the work per insert when a common phrase is an anchor. */
    static final int MAX_CANDIDATES = 500;

    private static final String STORY_BY_URL = """
            SELECT DISTINCT story_id FROM entries
            WHERE canonical_url = ? AND feed_id <> ? AND story_id IS NOT NULL""";
    private static final String CANDIDATES = """
            SELECT e.story_id, e.canonical_url, e.shingles, e.title FROM entries e
            WHERE e.id IN (SELECT entry_id FROM story_anchors WHERE anchor IN (%s))
              AND e.feed_id <> ? AND e.published BETWEEN ? AND ? AND e.story_id IS NOT NULL
            LIMIT %d""".formatted("?,".repeat(StoryFingerprint.MAX_ANCHORS - 1) + "?", MAX_CANDIDATES);
    private static final String NEW_STORY = "INSERT INTO stories (public_id, sort_time, first_seen) VALUES (?, ?, ?)";
    private static final String JOIN_STORY = "UPDATE stories SET sort_time = min(sort_time, ?) WHERE id = ?";
    private static final String MERGE_ORDER = """
            UPDATE stories SET sort_time = min(sort_time, (SELECT sort_time FROM stories WHERE id = ?)) WHERE id = ?""";
    private static final String MOVE_COPIES = "UPDATE entries SET story_id = ? WHERE story_id = ?";
    private static final String DELETE_STORY = "DELETE FROM stories WHERE id = ?";
    private static final String MOVE_TO_TOP = "UPDATE stories SET sort_time = max(sort_time, ?) WHERE id = ?";
    private static final String ADD_ANCHOR = "INSERT OR IGNORE INTO story_anchors (anchor, entry_id) VALUES (?, ?)";
    static final String REMOVE_ANCHOR = "DELETE FROM story_anchors WHERE anchor = ? AND entry_id = ?";

    private final boolean crossFeed;
    private final PreparedStatement storyByUrl;
    private final PreparedStatement candidates;
    private final PreparedStatement newStory;
    private final PreparedStatement joinStory;
    private final PreparedStatement moveToTop;
    private final PreparedStatement mergeOrder;
    private final PreparedStatement moveCopies;
    private final PreparedStatement deleteStory;
    private final PreparedStatement addAnchor;
    private final PreparedStatement removeAnchor;

    StoryGrouper(Statements statements, boolean crossFeed) throws SQLException {
        this.crossFeed = crossFeed;
        this.storyByUrl = statements.prepare(STORY_BY_URL);
        this.candidates = statements.prepare(CANDIDATES);
        this.newStory = statements.prepare(NEW_STORY);
        this.joinStory = statements.prepare(JOIN_STORY);
        this.moveToTop = statements.prepare(MOVE_TO_TOP);
        this.mergeOrder = statements.prepare(MERGE_ORDER);
        this.moveCopies = statements.prepare(MOVE_COPIES);
        this.deleteStory = statements.prepare(DELETE_STORY);
        this.addAnchor = statements.prepare(ADD_ANCHOR);
        this.removeAnchor = statements.prepare(REMOVE_ANCHOR);
    }

    /** The fingerprint to store with a new or edited entry, or null when cross-feed dedup is off. */
    StoryFingerprint fingerprint(NewEntry entry) {
        return crossFeed ? StoryFingerprint.of(entry.title(), entry.link(), entry.summary(), entry.content()) : null;
    }

    /**
     * The story for an entry about to be inserted: an existing one it joins (its place moves down
     * to the entry's date if that is earlier), or a new one under {@code publicId}. An entry that
     * matches several stories (its link matches one, its text another: the original that bridges
     * an aggregator's excerpt and a republished rewrite) merges them into the oldest, whose public
     * id readers saw first.
     *
     * @param fingerprint null when cross-feed dedup is off
     */
    long storyFor(long feedId, StoryFingerprint fingerprint, String publicId, long published, long firstSeen)
            throws SQLException {
        SortedSet<Long> matches = fingerprint == null ? new TreeSet<>() : matchingStories(feedId, fingerprint, published);
        if (matches.isEmpty()) {
            return newStory(publicId, published, firstSeen);
        }
        long story = matches.first();
        for (long other : matches.tailSet(story + 1)) {
            merge(other, story);
        }
        joinStory.setLong(1, published);
        joinStory.setLong(2, story);
        joinStory.executeUpdate();
        return story;
    }

    private long newStory(String publicId, long published, long firstSeen) throws SQLException {
        newStory.setString(1, publicId);
        newStory.setLong(2, published);
        newStory.setLong(3, firstSeen);
        newStory.executeUpdate();
        try (ResultSet key = newStory.getGeneratedKeys()) {
            key.next();
            return key.getLong(1);
        }
    }

    /** Moves the copies of {@code from} into {@code into}, which takes the earlier place of the two. */
    private void merge(long from, long into) throws SQLException {
        mergeOrder.setLong(1, from);
        mergeOrder.setLong(2, into);
        mergeOrder.executeUpdate();
        moveCopies.setLong(1, into);
        moveCopies.setLong(2, from);
        moveCopies.executeUpdate();
        deleteStory.setLong(1, from);
        deleteStory.executeUpdate();
    }

    private SortedSet<Long> matchingStories(long feedId, StoryFingerprint fingerprint, long published)
            throws SQLException {
        SortedSet<Long> stories = new TreeSet<>();
        if (fingerprint.linkNamesAnArticle()) {
            storyByUrl.setString(1, fingerprint.canonicalUrl());
            storyByUrl.setLong(2, feedId);
            stories.addAll(RowMapper.list(storyByUrl, row -> row.getLong(1)));
        }
        int[] anchors = fingerprint.anchors();
        if (anchors.length > 0) {
            stories.addAll(nearDuplicates(feedId, fingerprint, anchors, published));
        }
        return stories;
    }

    private Set<Long> nearDuplicates(long feedId, StoryFingerprint fingerprint, int[] anchors, long published)
            throws SQLException {
        for (int i = 0; i < StoryFingerprint.MAX_ANCHORS; i++) {
            // Fewer anchors than parameters: repeating one changes nothing in an IN list.
            candidates.setInt(i + 1, anchors[Math.min(i, anchors.length - 1)]);
        }
        int next = StoryFingerprint.MAX_ANCHORS + 1;
        candidates.setLong(next, feedId);
        candidates.setLong(next + 1, published - WINDOW.toMillis());
        candidates.setLong(next + 2, published + WINDOW.toMillis());
        Set<Long> stories = new HashSet<>();
        try (ResultSet rows = candidates.executeQuery()) {
            while (rows.next()) {
                StoryFingerprint other = StoryFingerprint.stored(rows.getString("canonical_url"),
                        rows.getBytes("shingles"), rows.getString("title"));
                if (StoryMatch.score(fingerprint, other) > 0) {
                    stories.add(rows.getLong("story_id"));
                }
            }
        }
        return stories;
    }

    /** Adds the entry's anchors to the index. */
    void index(long entryId, StoryFingerprint fingerprint) throws SQLException {
        if (fingerprint == null) {
            return;
        }
        for (int anchor : fingerprint.anchors()) {
            addAnchor.setInt(1, anchor);
            addAnchor.setLong(2, entryId);
            addAnchor.executeUpdate();
        }
    }

    /** Removes the entry's stored anchors from the index (before an edit replaces them). */
    void unindex(long entryId, byte[] storedAnchors) throws SQLException {
        removeAnchors(removeAnchor, entryId, storedAnchors);
    }

    /** With {@code output.updated-moves-to-top}, a substantive edit puts the story at the edit's time. */
    void edited(long storyId, long editedAt, boolean movesToTop) throws SQLException {
        if (movesToTop) {
            moveToTop.setLong(1, editedAt);
            moveToTop.setLong(2, storyId);
            moveToTop.executeUpdate();
        }
    }

    /** Deletes an entry's index rows by primary key, from its stored anchors: no entry_id index needed. */
    static void removeAnchors(PreparedStatement removeAnchor, long entryId, byte[] storedAnchors) throws SQLException {
        for (int anchor : StoryFingerprint.fromBytes(storedAnchors)) {
            removeAnchor.setInt(1, anchor);
            removeAnchor.setLong(2, entryId);
            removeAnchor.executeUpdate();
        }
    }
}
