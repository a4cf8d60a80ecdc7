package org.feedmerge.publish;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.feedmerge.config.OutputConfig;
import org.feedmerge.store.MergedEntry;
import org.feedmerge.store.StorySource;

/** Plain test values: a merged-feed config and entries that differ only where a test says so. */
final class Entries {

    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    static final OutputConfig OUTPUT = new OutputConfig(
            "Merged & Co", URI.create("https://news.example.org/"), "Everything <in> one place", 50);

    private Entries() {
    }

    /** Entry number {@code n}: published n hours after T0, from feed {@code n % 2}. */
    static Builder entry(int n) {
        long feed = n % 2;
        Instant published = T0.plusSeconds(3600L * n);
        return new Builder()
                .id(n).publicId("https://blog" + feed + ".example.com/posts/" + n)
                .feed(feed, "https://blog" + feed + ".example.com/feed.xml", "Blog " + feed,
                        "https://blog" + feed + ".example.com/")
                .link("https://blog" + feed + ".example.com/posts/" + n)
                .title("Post " + n).summary("<p>Summary " + n + "</p>").content("<p>Content " + n + "</p>")
                .author("Author " + n).published(published).firstSeen(published.plusSeconds(60));
    }

    /** A mutable stand-in for the record constructor. */
    static final class Builder {
        private long id;
        private String publicId;
        private long feedId;
        private String feedUrl;
        private String feedTitle;
        private String feedLink;
        private String guid;
        private String link;
        private String title;
        private String summary;
        private String content;
        private String htmlBase;
        private String author;
        private Instant published;
        private Instant updated;
        private Instant firstSeen;
        private List<StorySource> otherSources = List.of();

        Builder id(long value) {
            id = value;
            return this;
        }

        Builder publicId(String value) {
            publicId = value;
            guid = value;
            return this;
        }

        Builder feed(long id, String url, String title, String link) {
            feedId = id;
            feedUrl = url;
            feedTitle = title;
            feedLink = link;
            return this;
        }

        Builder link(String value) {
            link = value;
            return this;
        }

        Builder title(String value) {
            title = value;
            return this;
        }

        Builder summary(String value) {
            summary = value;
            return this;
        }

        Builder content(String value) {
            content = value;
            return this;
        }

        Builder htmlBase(String value) {
            htmlBase = value;
            return this;
        }

        Builder author(String value) {
            author = value;
            return this;
        }

        Builder published(Instant value) {
            published = value;
            return this;
        }

        Builder updated(Instant value) {
            updated = value;
            return this;
        }

        Builder firstSeen(Instant value) {
            firstSeen = value;
            return this;
        }

        Builder otherSources(StorySource... sources) {
            otherSources = List.of(sources);
            return this;
        }

        MergedEntry build() {
            return new MergedEntry(id, publicId, feedId, feedUrl, feedTitle, feedLink, guid, link, title,
                    summary, content, htmlBase, author, published, updated, firstSeen, otherSources);
        }
    }
}
