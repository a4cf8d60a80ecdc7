package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.feedmerge.dedup.CanonicalUrl;

/**
 * The identities of deleted entries, so that a feed still carrying an entry after retention
 * deleted it cannot bring it back as new. A tombstone holds the feed and entry key, the canonical
 * link and the content hash; it expires after {@code retention.tombstone-ttl}.
 *
 * <p>An entry is buried when its feed left a tombstone with the same key, or the same canonical
 * link (the key may have changed since), or, for an entry without a link, the same content hash.
 * With cross-feed dedup, a tombstone's canonical link also buries other feeds' copies of that
 * article, unless a live copy still carries the story (then the new copy joins it as a source).
 */
final class Tombstones {

    private static final String BY_KEY = "SELECT 1 FROM tombstones WHERE feed_id = ? AND entry_key = ?";
    private static final String BY_URL = """
            SELECT 1 FROM tombstones t
            WHERE t.canonical_url = ?
              AND (t.feed_id = ? OR (? AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.canonical_url = t.canonical_url)))
            LIMIT 1""";
    private static final String BY_CONTENT =
            "SELECT 1 FROM tombstones WHERE feed_id = ? AND content_hash IN (?, ?) LIMIT 1";
    static final String BURY = """
            INSERT INTO tombstones (feed_id, entry_key, canonical_url, content_hash, deleted_at)
            SELECT feed_id, entry_key, canonical_url, content_hash, ? FROM entries WHERE id = ?
            ON CONFLICT (feed_id, entry_key) DO UPDATE SET
                canonical_url = excluded.canonical_url, content_hash = excluded.content_hash,
                deleted_at = excluded.deleted_at""";

    private static final String ANY = "SELECT 1 FROM tombstones LIMIT 1";

    private final Statements.Lazy any;
    private final Statements.Lazy byKey;
    private final Statements.Lazy byUrl;
    private final Statements.Lazy byContent;
    private final boolean crossFeed;
    /** Whether there are any tombstones, asked once per poll (none until retention first deleted); null: not asked yet. */
    private Boolean anyLeft;

    Tombstones(Statements statements, boolean crossFeed) throws SQLException {
        this.any = statements.lazy(ANY);
        this.byKey = statements.lazy(BY_KEY);
        this.byUrl = statements.lazy(BY_URL);
        this.byContent = statements.lazy(BY_CONTENT);
        this.crossFeed = crossFeed;
    }

    /**
     * Whether a tombstone forbids storing this entry as new.
     *
     * @param hashWhenSanitised the content hash the entry had when the store kept HTML sanitised
     *                          (before schema version 8): tombstones from then hold that one
     */
    boolean buries(long feedId, String key, String canonicalUrl, String contentHash,
            Supplier<String> hashWhenSanitised) throws SQLException {
        if (anyLeft == null) {
            anyLeft = exists(any.get());
        }
        if (!anyLeft) {
            return false;
        }
        byKey.get().setLong(1, feedId);
        byKey.get().setString(2, key);
        if (exists(byKey.get())) {
            return true;
        }
        if (CanonicalUrl.namesAnArticle(canonicalUrl)) {
            byUrl.get().setString(1, canonicalUrl);
            byUrl.get().setLong(2, feedId);
            byUrl.get().setBoolean(3, crossFeed);
            return exists(byUrl.get());
        }
        byContent.get().setLong(1, feedId);
        byContent.get().setString(2, contentHash);
        byContent.get().setString(3, hashWhenSanitised.get());
        return exists(byContent.get());
    }

    private static boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }
}
