package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private static final String BY_CONTENT = "SELECT 1 FROM tombstones WHERE feed_id = ? AND content_hash = ? LIMIT 1";
    static final String BURY = """
            INSERT INTO tombstones (feed_id, entry_key, canonical_url, content_hash, deleted_at)
            SELECT feed_id, entry_key, canonical_url, content_hash, ? FROM entries WHERE id = ?
            ON CONFLICT (feed_id, entry_key) DO UPDATE SET
                canonical_url = excluded.canonical_url, content_hash = excluded.content_hash,
                deleted_at = excluded.deleted_at""";

    private final PreparedStatement byKey;
    private final PreparedStatement byUrl;
    private final PreparedStatement byContent;
    private final boolean crossFeed;

    Tombstones(Statements statements, boolean crossFeed) throws SQLException {
        this.byKey = statements.prepare(BY_KEY);
        this.byUrl = statements.prepare(BY_URL);
        this.byContent = statements.prepare(BY_CONTENT);
        this.crossFeed = crossFeed;
    }

    /** Whether a tombstone forbids storing this entry as new. */
    boolean buries(long feedId, String key, String canonicalUrl, String contentHash) throws SQLException {
        byKey.setLong(1, feedId);
        byKey.setString(2, key);
        if (exists(byKey)) {
            return true;
        }
        if (CanonicalUrl.namesAnArticle(canonicalUrl)) {
            byUrl.setString(1, canonicalUrl);
            byUrl.setLong(2, feedId);
            byUrl.setBoolean(3, crossFeed);
            return exists(byUrl);
        }
        byContent.setLong(1, feedId);
        byContent.setString(2, contentHash);
        return exists(byContent);
    }

    private static boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }
}
