package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.feedmerge.dedup.EntryKeys;
import org.feedmerge.dedup.KeyScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed's key scheme during a poll: read at the start, moved down the ladder when the document
 * shows the current scheme unusable (blank or repeated values) or when the feed's guids changed
 * for unchanged items in {@value #GUID_CHANGE_POLLS} polls in a row, and written back. Each move is
 * logged once, when it is decided, and kept on the feed (table feed_key_schemes).
 *
 * <p>One poll whose guids all changed is a publisher switching id schemes once: the store re-keys
 * the stored rows (matched by link and title) and stays on guids. Only a repeat makes guids unusable.
 */
final class FeedKeySchemes {

    private static final Logger LOG = LoggerFactory.getLogger(FeedKeySchemes.class);
    static final int GUID_CHANGE_POLLS = 2;

    private record State(KeyScheme scheme, int guidChangePolls) {
    }

    private static final String READ = "SELECT scheme, guid_change_polls FROM feed_key_schemes WHERE feed_id = ?";
    private static final String WRITE = """
            INSERT INTO feed_key_schemes (feed_id, scheme, reason, decided_at, guid_change_polls)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (feed_id) DO UPDATE SET guid_change_polls = excluded.guid_change_polls,
                scheme = excluded.scheme,
                reason = CASE WHEN scheme = excluded.scheme THEN reason ELSE excluded.reason END,
                decided_at = CASE WHEN scheme = excluded.scheme THEN decided_at ELSE excluded.decided_at END""";

    private final Statements.Lazy read;
    private final Statements.Lazy write;
    private final long feedId;
    private final String feedUrl;
    private final Instant now;
    private State state;

    FeedKeySchemes(Statements statements, long feedId, String feedUrl, Instant now) throws SQLException {
        this.read = statements.lazy(READ);
        this.write = statements.lazy(WRITE);
        this.feedId = feedId;
        this.feedUrl = feedUrl;
        this.now = now;
    }

    /** The scheme for this document: the stored one, or a less specific one the document forces. */
    KeyScheme settle(List<EntryKeys> document) throws SQLException {
        state = load();
        KeyScheme usable = KeyScheme.firstUsable(document);
        if (usable.ordinal() > state.scheme().ordinal()) {
            String reason = KeyScheme.whyUnusable(state.scheme(), document);
            state = new State(usable, state.guidChangePolls());
            save(reason);
            LOG.warn("feed={} key-scheme={} reason=\"{}\": identifying its items by {} from now on",
                    feedUrl, usable.label(), reason, usable.label());
        }
        return state.scheme();
    }

    /**
     * Counts a poll in which stored items came back under new guids (same link and title); a poll
     * whose items were all recognised by their guids resets the count.
     *
     * @param guidChanges  items re-keyed from one guid to another in this poll
     * @param matchedByKey items found under their key in this poll
     * @param document     the poll's keys, to pick the next usable scheme
     */
    void afterPoll(int guidChanges, int matchedByKey, List<EntryKeys> document) throws SQLException {
        if (state.scheme() != KeyScheme.GUID || guidChanges == 0 && matchedByKey == 0) {
            return;
        }
        int polls = guidChanges > 0 ? state.guidChangePolls() + 1 : 0;
        if (polls == state.guidChangePolls()) {
            return;
        }
        if (polls < GUID_CHANGE_POLLS) {
            state = new State(state.scheme(), polls);
            save(null);
            return;
        }
        KeyScheme next = KeyScheme.LINK.atLeast(KeyScheme.firstUsable(document));
        String reason = "guid changed between fetches for items whose link and title did not (" + polls + " polls)";
        state = new State(next, 0);
        save(reason);
        LOG.warn("feed={} key-scheme={} reason=\"{}\": identifying its items by {} from now on",
                feedUrl, next.label(), reason, next.label());
    }

    private State load() throws SQLException {
        read.get().setLong(1, feedId);
        return RowMapper.first(read.get(), row -> new State(KeyScheme.valueOf(row.getString("scheme")),
                row.getInt("guid_change_polls"))).orElse(new State(KeyScheme.GUID, 0));
    }

    private void save(String reason) throws SQLException {
        PreparedStatement write = this.write.get();
        write.setLong(1, feedId);
        write.setString(2, state.scheme().name());
        write.setString(3, reason);
        EpochMillis.bind(write, 4, reason == null ? null : now);
        write.setInt(5, state.guidChangePolls());
        write.executeUpdate();
    }
}
