package org.feedmerge.store;

import java.time.Instant;
import java.util.List;

/**
 * An entry as the merged feed republishes it: one story, shown as its winning copy, with its source
 * feed and the other feeds that carry the same story.
 *
 * @param id           row id of the winning copy
 * @param publicId     id for the merged feed: the story's, i.e. the id its first copy got at
 *                     insert (the original guid when no other feed used it first, else a
 *                     deterministic derived id); stable forever, whichever copy wins later
 * @param feedId       source feed row id
 * @param feedUrl      source feed URL
 * @param feedTitle    source feed display title
 * @param feedLink     source feed site link, or null
 * @param guid         original guid, or null
 * @param link         original link, or null
 * @param title        plain text, or null
 * @param summary      HTML as the feed gave it, not yet sanitised (the merged feed does that), or null
 * @param content      HTML as the feed gave it, not yet sanitised, or null
 * @param htmlBase     what relative URLs in summary and content resolve against, or null (rows
 *                     stored before schema version 8 hold sanitised HTML with absolute URLs)
 * @param author       or null
 * @param published    effective publication instant (never null, never after firstSeen)
 * @param updated      when feedmerge saw a substantive edit, or null
 * @param firstSeen    when feedmerge first stored it
 * @param otherSources the other copies of the story, best first by the winner rule; empty when
 *                     only one feed carries it
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
        String htmlBase,
        String author,
        Instant published,
        Instant updated,
        Instant firstSeen,
        List<StorySource> otherSources) {

    public MergedEntry {
        otherSources = otherSources == null ? List.of() : List.copyOf(otherSources);
    }

    /** An entry that no other feed carries, its HTML without a base. */
    public MergedEntry(long id, String publicId, long feedId, String feedUrl, String feedTitle, String feedLink,
            String guid, String link, String title, String summary, String content, String author,
            Instant published, Instant updated, Instant firstSeen) {
        this(id, publicId, feedId, feedUrl, feedTitle, feedLink, guid, link, title, summary, content, null, author,
                published, updated, firstSeen, List.of());
    }
}
