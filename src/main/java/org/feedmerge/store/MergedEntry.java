package org.feedmerge.store;

import java.time.Instant;

/**
 * An entry as the merged feed republishes it, with its source feed.
 *
 * @param id          row id
 * @param publicId    id for the merged feed: the original guid when no other feed used it first,
 *                    else a deterministic derived id; assigned once at insert, stable forever
 * @param feedId      source feed row id
 * @param feedUrl     source feed URL
 * @param feedTitle   source feed display title
 * @param feedLink    source feed site link, or null
 * @param guid        original guid, or null
 * @param link        original link, or null
 * @param title       plain text, or null
 * @param summary     HTML, or null
 * @param content     HTML, or null
 * @param author      or null
 * @param published   effective publication instant (never null, never after firstSeen)
 * @param updated     when feedmerge saw a substantive edit, or null
 * @param firstSeen   when feedmerge first stored it
 */
public record MergedEntry(
        long id,
        String publicId,
        long feedId,
        String feedUrl,
        String feedTitle,
        String feedLink,
        String guid,
        String link,
        String title,
        String summary,
        String content,
        String author,
        Instant published,
        Instant updated,
        Instant firstSeen) {
}
