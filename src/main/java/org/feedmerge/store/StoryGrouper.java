package org.feedmerge.store;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.feedmerge.dedup.StoryFingerprint;
import org.feedmerge.dedup.StoryMatch;

/**
 * Puts each new entry into a story at insert, inside the poll's transaction: the story of other
 * feeds' entries with the same canonical link or of near-duplicates among the candidates that share
 * an anchor with it (in the index table story_anchors or the writer's {@link AnchorBuffer}), else a
 * new story. Entries of the same
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

    /**
     * Entries of other feeds with any of these canonical links (a JSON array), each row naming the
     * link by its place in the array: a link is compared as SQLite stores it (UTF-8, where an
     * unpaired surrogate becomes '?'), so the Java string cannot name it. Their stories are read
     * under the write lock; story_id is not read here, since it comes after the content and
     * reading it would follow the row's overflow pages.
     */
    static final String LINKED_ENTRIES = """
            SELECT link.key, e.id FROM json_each(?1) link
            JOIN entries e ON e.canonical_url = link.value AND e.feed_id <> ?2""";
    /**
     * The index rows of other feeds' entries under any of these anchors (a JSON array), published
     * in a window. They carry the feed and date, and the candidates' text is in entry_prints
     * ({@link #PRINTS}), so finding and verifying candidates never reads the (wide) entry rows.
     * Entries whose anchors are still in the {@link AnchorBuffer} are searched there.
     */
    static final String POSTINGS = """
            SELECT anchor, entry_id, published FROM story_anchors
            WHERE anchor IN (SELECT value FROM json_each(?1)) AND feed_id <> ?2 AND published BETWEEN ?3 AND ?4""";
    /** The stored titles and shingles of these entries (a JSON array of ids). */
    static final String PRINTS = """
            SELECT entry_id, shingles, title FROM entry_prints WHERE entry_id IN (SELECT value FROM json_each(?1))""";
    static final String ADD_PRINT = "INSERT OR REPLACE INTO entry_prints (entry_id, title, shingles) VALUES (?, ?, ?)";
    static final String REMOVE_PRINT = "DELETE FROM entry_prints WHERE entry_id = ?";
    private static final String STORIES_OF = """
            SELECT DISTINCT story_id FROM entries WHERE id IN (SELECT value FROM json_each(?)) AND story_id IS NOT NULL""";
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

    private final Statements statements;
    private final boolean crossFeed;
    private final AnchorBuffer buffer;
    private final Map<NewEntry, StoryLookup> lookups;
    private final Statements.Lazy linkedEntries;
    private final Statements.Lazy postings;
    private final Statements.Lazy prints;
    private final Statements.Lazy storiesOf;
    private final Statements.Lazy newStory;
    private final Statements.Lazy joinStory;
    private final Statements.Lazy moveToTop;
    private final Statements.Lazy mergeOrder;
    private final Statements.Lazy moveCopies;
    private final Statements.Lazy deleteStory;
    private final Statements.Lazy addAnchor;
    private final Statements.Lazy removeAnchor;
    private final Statements.Lazy addPrint;
    private final Statements.Lazy removePrint;

    StoryGrouper(Statements statements, AnchorBuffer buffer, boolean crossFeed) throws SQLException {
        this(statements, buffer, crossFeed, Map.of());
    }

    /**
     * @param lookups what poll threads found before the write transaction (keyed by identity);
     *                entries missing from it are fingerprinted and looked up here
     */
    StoryGrouper(Statements statements, AnchorBuffer buffer, boolean crossFeed, Map<NewEntry, StoryLookup> lookups)
            throws SQLException {
        this.statements = statements;
        this.crossFeed = crossFeed;
        this.buffer = buffer;
        this.lookups = lookups;
        this.linkedEntries = statements.lazy(LINKED_ENTRIES);
        this.postings = statements.lazy(POSTINGS);
        this.prints = statements.lazy(PRINTS);
        this.storiesOf = statements.lazy(STORIES_OF);
        this.newStory = statements.lazy(NEW_STORY);
        this.joinStory = statements.lazy(JOIN_STORY);
        this.moveToTop = statements.lazy(MOVE_TO_TOP);
        this.mergeOrder = statements.lazy(MERGE_ORDER);
        this.moveCopies = statements.lazy(MOVE_COPIES);
        this.deleteStory = statements.lazy(DELETE_STORY);
        this.addAnchor = statements.lazy(ADD_ANCHOR);
        this.removeAnchor = statements.lazy(REMOVE_ANCHOR);
        this.addPrint = statements.lazy(ADD_PRINT);
        this.removePrint = statements.lazy(REMOVE_PRINT);
    }

    /** The fingerprint to store with a new or edited entry, or null when cross-feed dedup is off. */
    StoryFingerprint fingerprint(NewEntry entry) {
        if (!crossFeed) {
            return null;
        }
        StoryLookup ready = lookups.get(entry);
        return ready != null ? ready.fingerprint() : of(entry);
    }

    static StoryFingerprint of(NewEntry entry) {
        return StoryFingerprint.of(entry.title(), entry.normalised());
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
    long storyFor(NewEntry entry, long feedId, StoryFingerprint fingerprint, String publicId, long published,
            long firstSeen) throws SQLException {
        SortedSet<Long> matches = fingerprint == null ? new TreeSet<>()
                : storiesOf(matchingEntries(entry, feedId, fingerprint, published));
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

    /**
     * Entries of other feeds that are the same story: in the index and the entries table as a
     * poll thread found them, if nothing but buffering changed the index since, else as they are
     * now; and among the buffered entries.
     */
    private Set<Long> matchingEntries(NewEntry entry, long feedId, StoryFingerprint fingerprint, long published)
            throws SQLException {
        StoryLookup lookup = lookups.get(entry);
        Set<Long> entries = new HashSet<>();
        if (lookup != null && lookup.published() == published && buffer.unchangedSince(lookup.indexGeneration())) {
            entries.addAll(lookup.storedMatches());
            if (fingerprint.linkNamesAnArticle()) {
                entries.addAll(buffer.sameLink(feedId, fingerprint.canonicalUrl()));
            }
        } else {
            entries.addAll(storedMatches(linkedEntries.get(), postings.get(), prints.get(), buffer.filter(), feedId,
                    List.of(new Probe(fingerprint, published))).get(0));
        }
        entries.addAll(buffer.nearDuplicates(feedId, fingerprint, published - WINDOW.toMillis(),
                published + WINDOW.toMillis(), MAX_CANDIDATES));
        return entries;
    }

    /** A new entry to look up: its fingerprint, and its published time as it will be stored. */
    record Probe(StoryFingerprint fingerprint, long published) {
    }

    /**
     * For each probe (in order), the committed entries of other feeds that are the same story: by
     * canonical link, or by text among the {@value #MAX_CANDIDATES} indexed entries sharing the
     * most anchors with it within its window (ties: the lower entry id), verified by
     * {@link StoryMatch}. A true copy shares most of its anchors, an unrelated story on the same
     * topic one or two (a stock phrase, a name), so the top candidates are the ones worth
     * verifying, however long a common anchor's posting list grows. A whole poll's new entries of
     * one feed take three queries, whatever their number.
     *
     * @param linkedEntries {@link #LINKED_ENTRIES}, {@code postings} {@link #POSTINGS},
     *                      {@code prints} {@link #PRINTS}, prepared on the connection to search
     */
    static List<Set<Long>> storedMatches(PreparedStatement linkedEntries, PreparedStatement postings,
            PreparedStatement prints, AnchorFilter filter, long feedId, List<Probe> probes) throws SQLException {
        List<Set<Long>> matches = new ArrayList<>(probes.size());
        for (int i = 0; i < probes.size(); i++) {
            matches.add(new HashSet<>());
        }
        addLinked(linkedEntries, feedId, probes, matches);
        List<Map<Long, Integer>> shared = sharedAnchors(postings, filter, feedId, probes);
        List<List<Long>> candidates = new ArrayList<>(probes.size());
        Set<Long> all = new HashSet<>();
        for (Map<Long, Integer> counts : shared) {
            List<Long> top = counts.entrySet().stream()
                    .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_CANDIDATES).map(Map.Entry::getKey).toList();
            candidates.add(top);
            all.addAll(top);
        }
        Map<Long, StoryFingerprint> stored = prints(prints, all);
        for (int i = 0; i < probes.size(); i++) {
            for (long candidate : candidates.get(i)) {
                StoryFingerprint other = stored.get(candidate);
                if (other != null && StoryMatch.score(probes.get(i).fingerprint(), other) > 0) {
                    matches.get(i).add(candidate);
                }
            }
        }
        return matches;
    }

    private static void addLinked(PreparedStatement linkedEntries, long feedId, List<Probe> probes,
            List<Set<Long>> matches) throws SQLException {
        Set<String> distinct = new LinkedHashSet<>();
        for (Probe probe : probes) {
            if (probe.fingerprint().linkNamesAnArticle()) {
                distinct.add(probe.fingerprint().canonicalUrl());
            }
        }
        if (distinct.isEmpty()) {
            return;
        }
        List<String> links = List.copyOf(distinct);
        Map<String, List<Long>> linked = new HashMap<>();
        linkedEntries.setString(1, jsonStrings(links));
        linkedEntries.setLong(2, feedId);
        try (ResultSet rows = linkedEntries.executeQuery()) {
            while (rows.next()) {
                linked.computeIfAbsent(links.get(rows.getInt(1)), link -> new ArrayList<>()).add(rows.getLong(2));
            }
        }
        for (int i = 0; i < probes.size(); i++) {
            StoryFingerprint fingerprint = probes.get(i).fingerprint();
            if (fingerprint.linkNamesAnArticle()) {
                matches.get(i).addAll(linked.getOrDefault(fingerprint.canonicalUrl(), List.of()));
            }
        }
    }

    /** Strings as a JSON array, for json_each. */
    private static String jsonStrings(Collection<String> texts) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        StringBuilder json = new StringBuilder().append('[');
        for (String text : texts) {
            json.append(json.length() > 1 ? ",\"" : "\"").append(encoder.quoteAsString(text)).append('"');
        }
        return json.append(']').toString();
    }

    /**
     * Per probe: the indexed entries within its window that share anchors with it, and how many.
     * Anchors the filter says the index cannot hold are not searched for.
     */
    private static List<Map<Long, Integer>> sharedAnchors(PreparedStatement postings, AnchorFilter filter, long feedId,
            List<Probe> probes) throws SQLException {
        List<Map<Long, Integer>> shared = new ArrayList<>(probes.size());
        Map<Integer, List<Integer>> probesByAnchor = new HashMap<>();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (int i = 0; i < probes.size(); i++) {
            shared.add(new HashMap<>());
            boolean searched = false;
            for (int anchor : probes.get(i).fingerprint().anchors()) {
                if (filter.mightHold(anchor)) {
                    probesByAnchor.computeIfAbsent(anchor, a -> new ArrayList<>(1)).add(i);
                    searched = true;
                }
            }
            if (searched) {
                from = Math.min(from, probes.get(i).published() - WINDOW.toMillis());
                to = Math.max(to, probes.get(i).published() + WINDOW.toMillis());
            }
        }
        if (probesByAnchor.isEmpty()) {
            return shared;
        }
        postings.setString(1, anchorList(probesByAnchor.keySet().stream().mapToInt(Integer::intValue).toArray()));
        postings.setLong(2, feedId);
        postings.setLong(3, from);
        postings.setLong(4, to);
        try (ResultSet rows = postings.executeQuery()) {
            while (rows.next()) {
                long entry = rows.getLong(2);
                long published = rows.getLong(3);
                for (int probe : probesByAnchor.getOrDefault(rows.getInt(1), List.of())) {
                    long at = probes.get(probe).published();
                    if (published >= at - WINDOW.toMillis() && published <= at + WINDOW.toMillis()) {
                        shared.get(probe).merge(entry, 1, Integer::sum);
                    }
                }
            }
        }
        return shared;
    }

    private static Map<Long, StoryFingerprint> prints(PreparedStatement prints, Set<Long> entries) throws SQLException {
        Map<Long, StoryFingerprint> stored = new HashMap<>();
        if (entries.isEmpty()) {
            return stored;
        }
        prints.setString(1, idList(entries));
        try (ResultSet rows = prints.executeQuery()) {
            while (rows.next()) {
                stored.put(rows.getLong(1), StoryFingerprint.stored(null, rows.getBytes(2), rows.getString(3)));
            }
        }
        return stored;
    }

    /** The stories of these entries as they are now (a story may have merged into another since). */
    private SortedSet<Long> storiesOf(Set<Long> entries) throws SQLException {
        SortedSet<Long> stories = new TreeSet<>();
        if (entries.isEmpty()) {
            return stories;
        }
        storiesOf.get().setString(1, idList(entries));
        stories.addAll(RowMapper.list(storiesOf.get(), row -> row.getLong(1)));
        return stories;
    }

    private long newStory(String publicId, long published, long firstSeen) throws SQLException {
        newStory.get().setString(1, publicId);
        newStory.get().setLong(2, published);
        newStory.get().setLong(3, firstSeen);
        newStory.get().executeUpdate();
        return statements.lastInsertRowid();
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

    /**
     * Keeps a new entry's title and shingles for later candidates to be verified against, and
     * buffers its anchors and link ({@link AnchorBuffer}) until the next flush into the index.
     */
    void index(long entryId, String title, long feedId, long published, StoryFingerprint fingerprint)
            throws SQLException {
        if (fingerprint != null) {
            addPrint(entryId, title, fingerprint);
            buffer.add(entryId, feedId, published, title, fingerprint);
        }
    }

    private void addPrint(long entryId, String title, StoryFingerprint fingerprint) throws SQLException {
        addPrint.get().setLong(1, entryId);
        addPrint.get().setString(2, title);
        addPrint.get().setBytes(3, fingerprint.shingleBytes());
        addPrint.get().executeUpdate();
    }

    /**
     * Replaces an edited entry's anchors: the stored ones leave the index and the buffer, the new
     * ones go straight into the index (the buffer's durability mark only covers new entries).
     */
    void reindex(long entryId, byte[] storedAnchors, String title, long feedId, long published,
            StoryFingerprint fingerprint) throws SQLException {
        removeAnchors(removeAnchor.get(), buffer, entryId, storedAnchors);
        if (fingerprint != null) {
            buffer.filter().add(fingerprint.anchors());
        }
        addAnchors(addAnchor.get(), entryId, feedId, published, fingerprint);
        if (fingerprint != null) {
            addPrint(entryId, title, fingerprint);
        } else {
            removePrint.get().setLong(1, entryId);
            removePrint.get().executeUpdate();
        }
        buffer.indexChanged(); // its link and text may have changed too
    }

    private static void addAnchors(PreparedStatement add, long entryId, long feedId, long published,
            StoryFingerprint fingerprint) throws SQLException {
        if (fingerprint == null || fingerprint.anchors().length == 0) {
            return;
        }
        add.setLong(1, entryId);
        add.setLong(2, feedId);
        add.setLong(3, published);
        add.setString(4, anchorList(fingerprint.anchors()));
        add.executeUpdate();
    }

    /** Entry ids as a JSON array, for json_each. */
    static String idList(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
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
     * needed), and takes it out of the buffer if it is there.
     */
    static void removeAnchors(PreparedStatement removeAnchor, AnchorBuffer buffer, long entryId, byte[] storedAnchors)
            throws SQLException {
        buffer.remove(entryId);
        int[] anchors = StoryFingerprint.fromBytes(storedAnchors);
        if (anchors.length == 0) {
            return;
        }
        removeAnchor.setString(1, anchorList(anchors));
        removeAnchor.setLong(2, entryId);
        removeAnchor.executeUpdate();
    }
}
