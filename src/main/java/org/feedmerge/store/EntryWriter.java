package org.feedmerge.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.feedmerge.dedup.EntryKeys;
import org.feedmerge.dedup.KeyScheme;
import org.feedmerge.dedup.Lazily;
import org.feedmerge.dedup.Normalised;
import org.feedmerge.dedup.StoryFingerprint;
import org.feedmerge.dedup.Substance;
import org.feedmerge.parse.HtmlSanitizer;

/**
 * Writes one poll's entries inside the caller's transaction, with its statements prepared once
 * for the whole poll. Keys each entry by its feed's {@link KeyScheme}; inserts new keys (into a
 * story: {@link StoryGrouper}), updates substantively changed ones in place, leaves the rest.
 *
 * <p>An entry whose key is unknown is first matched against the feed's stored entries that this
 * document no longer lists under their own key: same canonical link and title (or, without a
 * link, the same substance) and a published date within a day. A match is the same item under a
 * new id (a publisher changed id schemes, or its guids change on every fetch): the stored row is
 * re-keyed, keeping its public id, place and first-seen time, instead of the item being re-added.
 * Then tombstones are checked ({@link Tombstones}); only then is the entry new.
 */
final class EntryWriter implements AutoCloseable {

    private enum Outcome { ADDED, UPDATED, UNCHANGED }

    private record Stored(long id, String key, String contentHash, long firstSeen, long published, String link,
            String title, String summary, String content, String htmlBase, long storyId, byte[] anchors) {
    }

    private static final Duration SAME_ITEM_DATE_SLACK = Duration.ofDays(1);
    private static final String STORED_COLUMNS = """
            id, entry_key, content_hash, first_seen, published, link, title, summary, content, html_base, story_id,
            anchors""";
    private static final RowMapper<Stored> STORED = row -> new Stored(row.getLong("id"), row.getString("entry_key"),
            row.getString("content_hash"), row.getLong("first_seen"), row.getLong("published"), row.getString("link"),
            row.getString("title"), row.getString("summary"), row.getString("content"), row.getString("html_base"),
            row.getLong("story_id"),
            row.getBytes("anchors"));

    private static final String STORED_KEYS = "SELECT entry_key FROM entries WHERE feed_id = ?";
    private static final String FIND_BY_KEY =
            "SELECT " + STORED_COLUMNS + " FROM entries WHERE feed_id = ? AND entry_key = ?";
    private static final String FIND_BY_URL =
            "SELECT " + STORED_COLUMNS + " FROM entries WHERE canonical_url = ? AND feed_id = ?";
    /** By the content hash, or the one the entry had when the store kept HTML sanitised. */
    private static final String FIND_BY_CONTENT = "SELECT " + STORED_COLUMNS
            + " FROM entries WHERE feed_id = ? AND content_hash IN (?, ?) AND link IS NULL";
    private static final String PUBLIC_ID_TAKEN = """
            SELECT 1 FROM entries WHERE public_id = ? UNION ALL SELECT 1 FROM stories WHERE public_id = ?""";
    private static final String INSERT = """
            INSERT INTO entries (feed_id, entry_key, public_id, guid, link, title, summary, content,
                                 author, published, updated_at, first_seen, content_hash,
                                 story_id, canonical_url, anchors, html_base)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE entries SET guid = ?, link = ?, title = ?, summary = ?, content = ?, author = ?,
                               published = ?, updated_at = ?, content_hash = ?, canonical_url = ?,
                               anchors = ?, html_base = ?
            WHERE id = ?""";
    private static final String REFRESH_HASH = "UPDATE entries SET content_hash = ? WHERE id = ?";
    private static final String REKEY = "UPDATE entries SET entry_key = ? WHERE id = ?";

    private final long feedId;
    private final String feedUrl;
    private final long checkedAt;
    private final StoryRules rules;
    private final Statements statements;
    private final Statements.Lazy storedKeys;
    private final Statements.Lazy findByKey;
    private final Statements.Lazy findByUrl;
    private final Statements.Lazy findByContent;
    private final Statements.Lazy publicIdTaken;
    private final Statements.Lazy insert;
    private final Statements.Lazy update;
    private final Statements.Lazy refreshHash;
    private final Statements.Lazy rekey;
    private final StoryGrouper stories;
    private final Tombstones tombstones;
    private final FeedKeySchemes keySchemes;
    private final Set<Long> claimed = new HashSet<>();
    private Set<String> documentKeys = Set.of();
    /** The keys this feed has stored: one index scan per poll, instead of a lookup per new entry. */
    private Set<String> keysStored = Set.of();
    private int guidChanges;
    private int matchedByKey;

    /**
     * Prepares the statements; the caller closes the writer (try-with-resources).
     *
     * @param anchorBuffer the database's ({@link Database#anchorBuffer()})
     * @param lookups what poll threads found out about new entries' stories before the
     *                transaction, by entry identity
     */
    EntryWriter(Connection connection, AnchorBuffer anchorBuffer, long feedId, String feedUrl, Instant checkedAt,
            StoryRules rules, Map<NewEntry, StoryLookup> lookups) throws SQLException {
        this.feedId = feedId;
        this.feedUrl = feedUrl;
        this.checkedAt = checkedAt.toEpochMilli();
        this.rules = Objects.requireNonNull(rules, "rules");
        this.statements = new Statements(connection);
        this.storedKeys = statements.lazy(STORED_KEYS);
        this.findByKey = statements.lazy(FIND_BY_KEY);
        this.findByUrl = statements.lazy(FIND_BY_URL);
        this.findByContent = statements.lazy(FIND_BY_CONTENT);
        this.publicIdTaken = statements.lazy(PUBLIC_ID_TAKEN);
        this.insert = statements.lazy(INSERT);
        this.update = statements.lazy(UPDATE);
        this.refreshHash = statements.lazy(REFRESH_HASH);
        this.rekey = statements.lazy(REKEY);
        this.stories = new StoryGrouper(statements, anchorBuffer, rules.crossFeed(), lookups);
        this.tombstones = new Tombstones(statements, rules.crossFeed());
        this.keySchemes = new FeedKeySchemes(statements, feedId, feedUrl, checkedAt);
    }

    /**
     * Entries are written last-to-first. Feeds list newest first (RSS/Atom convention), so undated
     * entries of one poll, which all get first_seen = checkedAt, receive ascending row ids from
     * oldest to newest, and the "id DESC" tie-break of the merged order reproduces document order.
     */
    StoreCounts write(List<NewEntry> entries) throws SQLException {
        List<EntryKeys> keys = entries.stream().map(NewEntry::keys).toList();
        KeyScheme scheme = keySchemes.settle(keys);
        storedKeys.get().setLong(1, feedId);
        keysStored = new HashSet<>(RowMapper.list(storedKeys.get(), row -> row.getString(1)));
        documentKeys = new HashSet<>();
        for (EntryKeys entryKeys : keys) {
            documentKeys.add(entryKeys.forScheme(scheme));
        }
        int[] counts = new int[Outcome.values().length];
        for (int i = entries.size() - 1; i >= 0; i--) {
            NewEntry entry = entries.get(i);
            counts[writeOne(entry, entry.keys().forScheme(scheme)).ordinal()]++;
        }
        keySchemes.afterPoll(guidChanges, matchedByKey, keys);
        return new StoreCounts(counts[Outcome.ADDED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()]);
    }

    private Outcome writeOne(NewEntry entry, String key) throws SQLException {
        Supplier<String> hashWhenSanitised = new Lazily<>(() -> hashWhenStoredSanitised(entry));
        Optional<Stored> stored = find(key);
        if (stored.isPresent()) {
            matchedByKey++;
        } else {
            stored = sameItemUnderAnotherKey(entry, key, hashWhenSanitised);
        }
        if (stored.isPresent()) {
            claimed.add(stored.get().id());
            return compare(stored.get(), entry);
        }
        String canonicalUrl = entry.normalised().canonicalLink();
        if (tombstones.buries(feedId, key, canonicalUrl, entry.contentHash(), hashWhenSanitised)) {
            return Outcome.UNCHANGED;
        }
        insert(entry, key, canonicalUrl);
        return Outcome.ADDED;
    }

    private Optional<Stored> find(String key) throws SQLException {
        if (!keysStored.contains(key)) {
            return Optional.empty();
        }
        findByKey.get().setLong(1, feedId);
        findByKey.get().setString(2, key);
        return RowMapper.first(findByKey.get(), STORED);
    }

    private Optional<Stored> sameItemUnderAnotherKey(NewEntry entry, String key, Supplier<String> hashWhenSanitised)
            throws SQLException {
        if (keysStored.isEmpty()) {
            return Optional.empty(); // it looks among the feed's stored entries: none
        }
        String canonicalUrl = entry.normalised().canonicalLink();
        List<Stored> candidates;
        if (canonicalUrl != null) {
            findByUrl.get().setString(1, canonicalUrl);
            findByUrl.get().setLong(2, feedId);
            candidates = RowMapper.list(findByUrl.get(), STORED);
        } else if (entry.link() == null) {
            findByContent.get().setLong(1, feedId);
            findByContent.get().setString(2, entry.contentHash());
            findByContent.get().setString(3, hashWhenSanitised.get());
            candidates = RowMapper.list(findByContent.get(), STORED);
        } else {
            return Optional.empty();
        }
        for (Stored candidate : candidates) {
            if (isSameItem(candidate, entry)) {
                rekey(candidate, key);
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The content hash the entry's row or tombstone got when the store kept HTML sanitised (before
     * schema version 8), and keeps until a poll finds the row by its key: sanitising drops tags
     * that {@link org.feedmerge.dedup.PlainText} reads as spaces. It sanitises the entry's HTML on
     * the writer, at most once per entry: only a new entry without a link pays, when its feed has
     * stored entries or (without an article link) when tombstones exist; entries with links, nearly
     * all, never do.
     */
    private static String hashWhenStoredSanitised(NewEntry entry) {
        URI base = entry.htmlBase() == null ? null : URI.create(entry.htmlBase());
        return Substance.hash(entry.title(), entry.link(), HtmlSanitizer.clean(entry.summary(), base),
                HtmlSanitizer.clean(entry.content(), base));
    }

    private boolean isSameItem(Stored candidate, NewEntry entry) {
        if (claimed.contains(candidate.id()) || documentKeys.contains(candidate.key())) {
            return false;
        }
        boolean sameTitle = Objects.equals(collapse(candidate.title()), collapse(entry.title()));
        long published = effectivePublished(entry.published(), candidate.firstSeen());
        boolean sameDate = entry.published() == null
                || Math.abs(published - candidate.published()) <= SAME_ITEM_DATE_SLACK.toMillis();
        return sameTitle && sameDate;
    }

    private void rekey(Stored stored, String key) throws SQLException {
        if (stored.key().startsWith("guid:") && key.startsWith("guid:")) {
            guidChanges++;
        }
        rekey.get().setString(1, key);
        rekey.get().setLong(2, stored.id());
        rekey.get().executeUpdate();
    }

    private static String collapse(String text) {
        return text == null ? "" : String.join(" ", text.strip().split("\\s+"));
    }

    /**
     * Unchanged when the hashes agree, or when the substance recomputed from both sides agrees (the
     * stored hash may come from an older definition): then only the hash is refreshed. A row without
     * an HTML base was stored sanitised, before schema version 8, and sanitising drops tags that
     * {@link org.feedmerge.dedup.PlainText} reads as spaces: its substance is compared without white
     * space ({@link Substance#same}). Elsewhere a space is a word boundary, and moving one is an edit.
     */
    private Outcome compare(Stored stored, NewEntry entry) throws SQLException {
        if (stored.contentHash().equals(entry.contentHash())) {
            return Outcome.UNCHANGED;
        }
        Normalised before = Normalised.of(stored.link(), stored.summary(), stored.content());
        boolean same = stored.htmlBase() == null
                ? Substance.same(stored.title(), stored.link(), before, entry.title(), entry.link(), entry.normalised())
                : Substance.hash(stored.title(), stored.link(), before)
                        .equals(Substance.hash(entry.title(), entry.link(), entry.normalised()));
        if (same) {
            refreshHash.get().setString(1, entry.contentHash());
            refreshHash.get().setLong(2, stored.id());
            refreshHash.get().executeUpdate();
            return Outcome.UNCHANGED;
        }
        update(stored, entry);
        return Outcome.UPDATED;
    }

    private void insert(NewEntry entry, String key, String canonicalUrl) throws SQLException {
        String publicId = choosePublicId(entry, key);
        long published = effectivePublished(entry.published(), checkedAt);
        StoryFingerprint fingerprint = stories.fingerprint(entry);
        long storyId = stories.storyFor(entry, feedId, fingerprint, publicId, published, checkedAt);
        PreparedStatement insert = this.insert.get();
        insert.setLong(1, feedId);
        insert.setString(2, key);
        insert.setString(3, publicId);
        bindSubstance(insert, 4, entry);
        insert.setLong(10, published);
        insert.setLong(11, checkedAt);
        insert.setString(12, entry.contentHash());
        insert.setLong(13, storyId);
        insert.setString(14, canonicalUrl);
        insert.setBytes(15, fingerprint == null ? null : StoryFingerprint.toBytes(fingerprint.anchors()));
        insert.setString(16, entry.htmlBase());
        insert.executeUpdate();
        stories.index(statements.lastInsertRowid(), entry.title(), feedId, published, fingerprint);
    }

    /** first_seen, public_id and story never change: readers already know the entry by them. */
    private void update(Stored stored, NewEntry entry) throws SQLException {
        StoryFingerprint fingerprint = stories.fingerprint(entry);
        PreparedStatement update = this.update.get();
        long published = effectivePublished(entry.published(), stored.firstSeen());
        bindSubstance(update, 1, entry);
        update.setLong(7, published);
        update.setLong(8, checkedAt);
        update.setString(9, entry.contentHash());
        update.setString(10, entry.normalised().canonicalLink());
        update.setBytes(11, fingerprint == null ? null : StoryFingerprint.toBytes(fingerprint.anchors()));
        update.setString(12, entry.htmlBase());
        update.setLong(13, stored.id());
        update.executeUpdate();
        stories.reindex(stored.id(), stored.anchors(), entry.title(), feedId, published, fingerprint);
        stories.edited(stored.storyId(), checkedAt, rules.updatedMovesToTop());
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

    /** The candidate (guid, else link) unless any stored entry or story already has it; then the derived id. */
    private String choosePublicId(NewEntry entry, String key) throws SQLException {
        String candidate = PublicId.candidate(feedUrl, entry);
        if (!taken(candidate)) {
            return candidate;
        }
        String derived = PublicId.derived(feedUrl, key);
        for (int attempt = 2; taken(derived); attempt++) {
            // Only reachable when some publisher's guid is literally one of our derived ids.
            derived = PublicId.derived(feedUrl, key + "\n" + attempt);
        }
        return derived;
    }

    private boolean taken(String publicId) throws SQLException {
        publicIdTaken.get().setString(1, publicId);
        publicIdTaken.get().setString(2, publicId);
        try (ResultSet row = publicIdTaken.get().executeQuery()) {
            return row.next();
        }
    }

    @Override
    public void close() throws SQLException {
        statements.close();
    }
}
