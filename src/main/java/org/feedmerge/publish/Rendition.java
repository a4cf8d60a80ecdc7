package org.feedmerge.publish;

import java.util.Objects;

/**
 * Both documents as rendered for one generation of the entry set.
 *
 * @param generation the {@link MergedFeedPublisher} generation they reflect
 * @param rss        the RSS 2.0 document
 * @param atom       the Atom 1.0 document
 */
record Rendition(long generation, CachedDocument rss, CachedDocument atom) {

    Rendition {
        Objects.requireNonNull(rss, "rss");
        Objects.requireNonNull(atom, "atom");
    }

    CachedDocument document(FeedFormat format) {
        return format == FeedFormat.RSS ? rss : atom;
    }
}
