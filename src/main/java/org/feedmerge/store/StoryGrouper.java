package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    /** More copies than any story has; bounds the work per insert when a common phrase is an anchor. */
    static final int MAX_CANDIDATES = 20;

    private static final String STORY_BY_URL = """
            SELECT DISTINCT story_id FROM entries
            WHERE canonical_url = ? AND feed_id <> ? AND story_id IS NOT NULL""";
    /**
     * Entries of other feeds, published within the window, sharing the most anchors with the new
     * entry (in the index or still in the {@link AnchorBuffer}; a row is never in both, since
     * recovery runs before this process buffers anything and a flush empties the buffer, so UNION
     * ALL, which measured faster than UNION): a true copy shares most of its anchors, an unrelated story on the same topic one or two
     * (a stock phrase, a name), so the top {@value #MAX_CANDIDATES} by shared anchors are the ones
     * worth verifying, however long a common anchor's posting list grows. The index rows carry the
     * feed and date, so the filtering never reads the (wide) entry rows.
     */
    private static final String CANDIDATES = """
            SELECT e.story_id, e.canonical_url, e.shingles, e.title
            FROM (SELECT entry_id, count(*) AS shared
                  FROM (SELECT anchor, entry_id FROM story_anchors
                        WHERE anchor IN (SELECT value FROM json_each(?1)) AND feed_id <> ?2 AND published BETWEEN ?3 AND ?4
                        UNION ALL
                        SELECT anchor, entry_id FROM temp.pending_anchors
                        WHERE anchor IN (SELECT value FROM json_each(?1)) AND feed_id <> ?2 AND published BETWEEN ?3 AND ?4)
                  GROUP BY entry_id ORDER BY shared DESC, entry_id LIMIT %d) c
            JOIN entries e ON e.id = c.entry_id
            WHERE e.story_id IS NOT NULL""".formatted(MAX_CANDIDATES);
    private static final String NEW_STORY = "INSERT INTO stories (public_id, sort_time, first_seen) VALUES (?, ?, ?)";
    private static final String JOIN_STORY = "UPDATE stories SET sort_time = min(sort_time, ?) WHERE id = ?";
    private static final String MERGE_ORDER = """
            UPDATE stories SET sort_time = min(sort_time, (SELECT sort_time FROM stories WHERE id = ?)) WHERE id = ?""";
    private static final String MOVE_COPIES = "UPDATE entries SET story_id = ? WHERE story_id = ?";
    private static final String DELETE_STORY = "DELETE FROM stories WHERE id = ?";
    private static final String MOVE_TO_TOP = "UPDATE stories SET sort_time = max(sort_time, ?) WHERE id = ?";
    /** Anchors travel as one JSON array parameter ({@link #anchorList}): one statement per entry, not per anchor. */
    static final String ADD_ANCHOR = """
            INSERT OR IGNORE INTO story_anchors (anchor, entry_id, feed_id, published)
            SELECT value, ?, ?, ? FROM json_each(?)""";
    static final String REMOVE_ANCHOR =
            "DELETE FROM story_anchors WHERE anchor IN (SELECT value FROM json_each(?)) AND entry_id = ?";

    private final boolean crossFeed;
    private final Map<NewEntry, StoryFingerprint> precomputed;
    private final Statements.Lazy storyByUrl;
    private final Statements.Lazy candidates;
    private final Statements.Lazy newStory;
    private final Statements.Lazy joinStory;
    private final Statements.Lazy moveToTop;
    private final Statements.Lazy mergeOrder;
    private final Statements.Lazy moveCopies;
    private final Statements.Lazy deleteStory;
    private final Statements.Lazy addAnchor;
    private final Statements.Lazy bufferAnchor;
    private final Statements.Lazy removeAnchor;
    private final Statements.Lazy unbufferAnchor;

    StoryGrouper(Statements statements, boolean crossFeed) throws SQLException {
        this(statements, crossFeed, Map.of());
    }

    /**
     * @param precomputed fingerprints computed before the write transaction (keyed by identity);
     *                    entries missing from it are fingerprinted here
     */
    StoryGrouper(Statements statements, boolean crossFeed, Map<NewEntry, StoryFingerprint> precomputed)
            throws SQLException {
        this.crossFeed = crossFeed;
        this.precomputed = precomputed;
        this.storyByUrl = statements.lazy(STORY_BY_URL);
        this.candidates = statements.lazy(CANDIDATES);
        this.newStory = statements.lazy(NEW_STORY);
        this.joinStory = statements.lazy(JOIN_STORY);
        this.moveToTop = statements.lazy(MOVE_TO_TOP);
        this.mergeOrder = statements.lazy(MERGE_ORDER);
        this.moveCopies = statements.lazy(MOVE_COPIES);
        this.deleteStory = statements.lazy(DELETE_STORY);
        this.addAnchor = statements.lazy(ADD_ANCHOR);
        this.bufferAnchor = statements.lazy(AnchorBuffer.BUFFER);
        this.removeAnchor = statements.lazy(REMOVE_ANCHOR);
        this.unbufferAnchor = statements.lazy(AnchorBuffer.UNBUFFER);
    }

    /** The fingerprint to store with a new or edited entry, or null when cross-feed dedup is off. */
    StoryFingerprint fingerprint(NewEntry entry) {
        if (!crossFeed) {
            return null;
        }
        StoryFingerprint ready = precomputed.get(entry);
        return ready != null ? ready : of(entry);
    }

    static StoryFingerprint of(NewEntry entry) {
        return StoryFingerprint.of(entry.title(), entry.link(), entry.summary(), entry.content());
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
        joinStory.get().setLong(1, published);
        joinStory.get().setLong(2, story);
        joinStory.get().executeUpdate();
        return story;
    }

    private long newStory(String publicId, long published, long firstSeen) throws SQLException {
        newStory.get().setString(1, publicId);
        newStory.get().setLong(2, published);
        newStory.get().setLong(3, firstSeen);
        newStory.get().executeUpdate();
        try (ResultSet key = newStory.get().getGeneratedKeys()) {
            key.next();
            return key.getLong(1);
        }
    }

    /** Moves the copies of {@code from} into {@code into}, which takes the earlier place of the two. */
    private void merge(long from, long into) throws SQLException {
        mergeOrder.get().setLong(1, from);
        mergeOrder.get().setLong(2, into);
        mergeOrder.get().executeUpdate();
        moveCopies.get().setLong(1, into);
        moveCopies.get().setLong(2, from);
        moveCopies.get().executeUpdate();
        deleteStory.get().setLong(1, from);
        deleteStory.get().executeUpdate();
    }

    private SortedSet<Long> matchingStories(long feedId, StoryFingerprint fingerprint, long published)
            throws SQLException {
        SortedSet<Long> stories = new TreeSet<>();
        if (fingerprint.linkNamesAnArticle()) {
            storyByUrl.get().setString(1, fingerprint.canonicalUrl());
            storyByUrl.get().setLong(2, feedId);
            stories.addAll(RowMapper.list(storyByUrl.get(), row -> row.getLong(1)));
        }
        int[] anchors = fingerprint.anchors();
        if (anchors.length > 0) {
            stories.addAll(nearDuplicates(feedId, fingerprint, anchors, published));
        }
        return stories;
    }

    private Set<Long> nearDuplicates(long feedId, StoryFingerprint fingerprint, int[] anchors, long published)
            throws SQLException {
        PreparedStatement query = candidates.get();
        query.setString(1, anchorList(anchors));
        query.setLong(2, feedId);
        query.setLong(3, published - WINDOW.toMillis());
        query.setLong(4, published + WINDOW.toMillis());
        Set<Long> stories = new HashSet<>();
        try (ResultSet rows = query.executeQuery()) {
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

    /** Adds a new entry's anchors to the index, through the {@link AnchorBuffer}; returns how many rows. */
    int index(long entryId, long feedId, long published, StoryFingerprint fingerprint) throws SQLException {
        return addAnchors(bufferAnchor.get(), entryId, feedId, published, fingerprint);
    }

    /**
     * Replaces an edited entry's anchors: the stored ones leave the index and the buffer, the new
     * ones go straight into the index (the buffer's durability mark only covers new entries).
     */
    void reindex(long entryId, byte[] storedAnchors, long feedId, long published, StoryFingerprint fingerprint)
            throws SQLException {
        removeAnchors(removeAnchor.get(), unbufferAnchor.get(), entryId, storedAnchors);
        addAnchors(addAnchor.get(), entryId, feedId, published, fingerprint);
    }

    private static int addAnchors(PreparedStatement add, long entryId, long feedId, long published,
            StoryFingerprint fingerprint) throws SQLException {
        if (fingerprint == null || fingerprint.anchors().length == 0) {
            return 0;
        }
        add.setLong(1, entryId);
        add.setLong(2, feedId);
        add.setLong(3, published);
        add.setString(4, anchorList(fingerprint.anchors()));
        return add.executeUpdate();
    }

    /** Anchors as a JSON array, for json_each: "[-12,907,...]". */
    static String anchorList(int[] anchors) {
        StringBuilder list = new StringBuilder(anchors.length * 12).append('[');
        for (int i = 0; i < anchors.length; i++) {
            list.append(i == 0 ? "" : ",").append(anchors[i]);
        }
        return list.append(']').toString();
    }

    /** With {@code output.updated-moves-to-top}, a substantive edit puts the story at the edit's time. */
    void edited(long storyId, long editedAt, boolean movesToTop) throws SQLException {
        if (movesToTop) {
            moveToTop.get().setLong(1, editedAt);
            moveToTop.get().setLong(2, storyId);
            moveToTop.get().executeUpdate();
        }
    }

    /**
     * Deletes an entry's index rows by primary key, from its stored anchors (no entry_id index
     * needed), wherever they are: the index or the buffer.
     */
    static void removeAnchors(PreparedStatement removeAnchor, PreparedStatement unbufferAnchor, long entryId,
            byte[] storedAnchors) throws SQLException {
        int[] anchors = StoryFingerprint.fromBytes(storedAnchors);
        if (anchors.length == 0) {
            return;
        }
        for (PreparedStatement remove : List.of(removeAnchor, unbufferAnchor)) {
            remove.setString(1, anchorList(anchors));
            remove.setLong(2, entryId);
            remove.executeUpdate();
        }
    }
}
