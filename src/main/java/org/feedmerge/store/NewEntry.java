package org.feedmerge.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry as a poll hands it to the store.
 *
 * @param key         unique within the feed, stable across polls
 * @param contentHash changes when the entry's substance changes
 * @param guid        the original guid/id, or null
 * @param link        absolute link, or null
 * @param title       plain text, or null
 * @param summary     HTML, or null
 * @param content     HTML, or null
 * @param author      or null
 * @param published   as parsed, or null (the store clamps it: see {@link EntryStore})
 * @param updated     as parsed, or null
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
        Instant updated) {
    public NewEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
