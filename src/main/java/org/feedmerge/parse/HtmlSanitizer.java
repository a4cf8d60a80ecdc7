package org.feedmerge.parse;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes entry HTML safe to republish, at parse time, so that what is stored is already safe.
 * jsoup's {@link Safelist#relaxed()} (text structure, links, images, lists, tables, code, quotes,
 * headings) plus what articles commonly use (figure/figcaption, hr, del/ins/s/mark, abbr, time,
 * details/summary, kbd/samp/var). Everything else goes: no script, style, iframe, object/embed,
 * form, no event-handler or style attributes, and URL attributes only with http/https (links also
 * ftp/mailto), so {@code javascript:}, {@code vbscript:} and {@code data:} (images included) are
 * removed. Relative URLs are made absolute against the entry's base; without a base they are
 * removed (they could not work anywhere else). No {@code rel} is added: the merged feed is read in
 * feed readers, which decide how links open.
 *
 * <p>Thread-safe: the {@link Cleaner} and its safelist are built once and only read afterwards.
 */
final class HtmlSanitizer {
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "del", "ins", "s", "mark", "kbd", "samp", "var",
                    "details", "summary")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .addAttributes("del", "datetime")
            .addAttributes("ins", "datetime")
            .preserveRelativeLinks(false);
    private static final Cleaner CLEANER = new Cleaner(SAFELIST);

    private HtmlSanitizer() {
    }

    /** Safe HTML, or null when nothing is left. Text without {@code <} has no markup to clean. */
    static String clean(String html, URI base) {
        if (html == null || html.isBlank()) {
            return null;
        }
        if (html.indexOf('<') < 0) {
            return html.strip();
        }
        Document dirty = Jsoup.parseBodyFragment(html, base == null ? "" : base.toString());
        Document clean = CLEANER.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        String safe = clean.body().html().strip();
        return safe.isEmpty() ? null : safe;
    }
}
