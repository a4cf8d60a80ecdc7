package org.feedmerge.parse;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A feed document reduced to what feedmerge needs, format-independent.
 *
 * @param title       the feed's title, or null
 * @param link        the feed's site link, absolute, or null
 * @param description the feed's description/subtitle as plain text, or null
 * @param entries     entries in document order
 * @param hints       what the document says about polling it
 */
public record ParsedFeed(String title, URI link, String description, List<ParsedEntry> entries, PublisherHints hints) {
    public ParsedFeed {
        entries = List.copyOf(entries);
        Objects.requireNonNull(hints, "hints");
    }

    /** A feed that gives no polling hints. */
    public ParsedFeed(String title, URI link, String description, List<ParsedEntry> entries) {
        this(title, link, description, entries, PublisherHints.NONE);
    }
}
