package org.feedmerge.parse;

import java.net.URI;
import java.util.List;

/**
 * A feed document reduced to what feedmerge needs, format-independent.
 *
 * @param title       the feed's title, or null
 * @param link        the feed's site link, absolute, or null
 * @param description the feed's description/subtitle as plain text, or null
 * @param entries     entries in document order
 */
public record ParsedFeed(String title, URI link, String description, List<ParsedEntry> entries) {
    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
