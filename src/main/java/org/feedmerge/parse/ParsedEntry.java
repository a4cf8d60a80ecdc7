package org.feedmerge.parse;

import java.net.URI;
import java.time.Instant;

/**
 * One entry (RSS item / Atom entry), format-independent. Every field may be null.
 *
 * <p>Summary and content are HTML as the feed gave it (text constructs of type text already
 * escaped into HTML), <em>not</em> safe to republish: the merged feed cleans what it shows with
 * {@link HtmlSanitizer} against {@link #htmlBase()}, as {@link #safeSummary()} and
 * {@link #safeContent()} do here. Deduplication only needs their visible text.
 *
 * @param guid      RSS guid / Atom id, trimmed, or null when absent or blank
 * @param link      the entry's link, made absolute (xml:base, else the feed URL)
 * @param title     plain-text title
 * @param summary   HTML summary (RSS description, Atom summary) as the feed gave it; null when blank
 * @param content   HTML full content (content:encoded, Atom content) as the feed gave it; null when blank
 * @param htmlBase  what relative URLs in summary and content resolve against (xml:base, else the
 *                  feed URL), or null when there is none (relative URLs are then dropped)
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
        URI htmlBase,
        String author,
        Instant published,
        Instant updated) {

    public ParsedEntry {
        summary = summary == null || summary.isBlank() ? null : summary;
        content = content == null || content.isBlank() ? null : content;
    }

    /** An entry whose HTML has no base: relative URLs in it are dropped when it is cleaned. */
    public ParsedEntry(String guid, URI link, String title, String summary, String content, String author,
            Instant published, Instant updated) {
        this(guid, link, title, summary, content, null, author, published, updated);
    }

    /** The summary made safe to republish ({@link HtmlSanitizer}), or null. Cleans on every call. */
    public String safeSummary() {
        return HtmlSanitizer.clean(summary, htmlBase);
    }

    /** The content made safe to republish ({@link HtmlSanitizer}), or null. Cleans on every call. */
    public String safeContent() {
        return HtmlSanitizer.clean(content, htmlBase);
    }
}
