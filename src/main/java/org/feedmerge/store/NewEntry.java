package org.feedmerge.store;

import java.time.Instant;
import java.util.Objects;
import org.feedmerge.dedup.EntryKeys;
import org.feedmerge.dedup.Normalised;

/**
 * An entry as a poll hands it to the store.
 *
 * @param key         unique within the feed, stable across polls (the key under the guid scheme)
 * @param contentHash changes when the entry's substance changes
 * @param guid        the original guid/id, or null
 * @param link        absolute link, or null
 * @param title       plain text, or null
 * @param summary     HTML as the feed gave it (not sanitised: the merged feed does that), or null
 * @param content     HTML as the feed gave it, or null
 * @param author      or null
 * @param published   as parsed, or null (the store clamps it: see {@link EntryStore})
 * @param updated     as parsed, or null
 * @param keys        the entry's key under every key scheme; the store uses the one its feed is on
 * @param normalised  the canonical link and the visible text of summary and content, as the poll
 *                    stage worked them out for the content hash; when they were not made from
 *                    this entry's own {@code link}, {@code summary} and {@code content} (a copy of
 *                    an entry with one field changed), they are worked out again here
 * @param htmlBase    what relative URLs in summary and content resolve against, or null
 */
public record NewEntry(
        String key,
        String contentHash,
        String guid,
        String link,
        String title,
        String summary,
        String content,
        String author,
        Instant published,
        Instant updated,
        EntryKeys keys,
        Normalised normalised,
        String htmlBase) {
    public NewEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(normalised, "normalised");
        if (!normalised.isOf(link, summary, content)) {
            normalised = Normalised.of(link, summary, content);
        }
    }

    /** An entry without an HTML base whose {@link Normalised} link and text are worked out here. */
    public NewEntry(String key, String contentHash, String guid, String link, String title, String summary,
            String content, String author, Instant published, Instant updated, EntryKeys keys) {
        this(key, contentHash, guid, link, title, summary, content, author, published, updated, keys,
                Normalised.of(link, summary, content), null);
    }

    /** An entry known by {@code key} whatever its feed's key scheme. */
    public NewEntry(String key, String contentHash, String guid, String link, String title, String summary,
            String content, String author, Instant published, Instant updated) {
        this(key, contentHash, guid, link, title, summary, content, author, published, updated,
                EntryKeys.single(key));
    }
}
