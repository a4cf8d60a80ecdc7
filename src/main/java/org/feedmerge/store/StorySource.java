package org.feedmerge.store;

import java.util.Objects;

/**
 * Another feed that carries the same story as a merged entry.
 *
 * @param feedTitle the feed's display title
 * @param feedUrl   the feed's URL
 * @param feedLink  the feed's site link, or null
 * @param link      that feed's link to the story, or null
 */
public record StorySource(String feedTitle, String feedUrl, String feedLink, String link) {
    public StorySource {
        Objects.requireNonNull(feedTitle, "feedTitle");
        Objects.requireNonNull(feedUrl, "feedUrl");
    }
}
