package org.feedmerge.parse;

import java.net.URI;
import java.time.Instant;

/**
 * One entry (RSS item / Atom entry), format-independent. Every field may be null.
 *
 * @param guid      RSS guid / Atom id, trimmed, or null when absent or blank
 * @param link      the entry's link, made absolute (xml:base, else the feed URL)
 * @param title     plain-text title
 * @param summary   HTML summary (RSS description, Atom summary)
 * @param content   HTML full content (content:encoded, Atom content)
 * @param author    author name
 * @param published publication instant (UTC); null when absent or unparseable
 * @param updated   last-update instant (UTC); null when absent
 */
public record ParsedEntry(
        String guid,
        URI link,
        String title,
        String summary,
        String content,
        String author,
        Instant published,
        Instant updated) {
}
