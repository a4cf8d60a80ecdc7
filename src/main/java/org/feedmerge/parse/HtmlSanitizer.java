package org.feedmerge.parse;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes entry HTML safe to republish. The merged feed applies it when it renders an entry
 * ({@code publish.PreparedEntry}); parsing and the store keep HTML as the feed gave it, with the base
 * its relative URLs resolve against ({@link ParsedEntry#htmlBase()}). Only the few dozen entries
 * a rendering shows are cleaned, not every entry of every poll: cleaning at parse time was a sixth
 * of a cold poll's CPU (docs/performance.md), and a change of this policy now applies to what is
 * already stored.
 *
 * <p>Elements and attributes: jsoup's {@link Safelist#relaxed()} (text structure, links, images,
 * lists, tables, code, quotes, headings) plus what articles commonly use (figure/figcaption, hr,
 * del/ins/s/mark, abbr, time, details/summary, kbd/samp/var). Everything else goes: no script,
 * style, iframe, object/embed or form, no event-handler or style attributes.
 *
 * <p>URLs ({@code a href}, {@code img src}, {@code blockquote/q cite}) are resolved here against
 * the entry's base with {@link XmlBase} and kept only when the result is absolute http or https
 * (links also mailto and ftp), written back in that absolute form; so {@code javascript:},
 * {@code vbscript:} and {@code data:} (images included) are removed, and so are relative URLs when
 * there is no base. We do this instead of the safelist's own protocol check, which resolves each
 * URL through {@code java.net.URL} and made cleaning several times slower than parsing. No
 * {@code rel} is added: the merged feed is read in feed readers, which decide how links open.
 *
 * <p>Thread-safe: the {@link Cleaner} and its safelist are built once and only read afterwards.
 */
public final class HtmlSanitizer {
    private static final Set<String> WEB = Set.of("http", "https");
    private static final Set<String> LINKS = Set.of("http", "https", "mailto", "ftp");
    /** Every URL-valued attribute the safelist lets through, with the schemes it may use. */
    private static final Map<String, Map<String, Set<String>>> URL_ATTRIBUTES = Map.of(
            "a", Map.of("href", LINKS),
            "img", Map.of("src", WEB),
            "blockquote", Map.of("cite", WEB),
            "q", Map.of("cite", WEB));
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp", "http", "https", "mailto")
            .removeProtocols("blockquote", "cite", "http", "https")
            .removeProtocols("cite", "cite", "http", "https")
            .removeProtocols("img", "src", "http", "https")
            .removeProtocols("q", "cite", "http", "https")
            .addTags("figure", "figcaption", "hr", "del", "ins", "s", "mark", "kbd", "samp", "var",
                    "details", "summary")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .addAttributes("del", "datetime")
            .addAttributes("ins", "datetime");
    private static final Cleaner CLEANER = new Cleaner(SAFELIST);

    private HtmlSanitizer() {
    }

    /**
     * Safe HTML, or null when nothing is left. Text without {@code <} has no markup to clean.
     * Cleaning clean HTML gives back the same text and URLs (they are already absolute), and
     * usually the same HTML; not always: dropping an element keeps its children, which can leave a
     * nesting an HTML parser never builds ({@code <p><div>} once an {@code <object>} between them
     * is gone), and cleaning again splits it ({@code <p></p><div>…</div><p></p>}).
     *
     * @param base what relative URLs resolve against; null drops them
     */
    public static String clean(String html, URI base) {
        if (html == null || html.isBlank()) {
            return null;
        }
        if (html.indexOf('<') < 0) {
            return html.strip();
        }
        Document clean = CLEANER.clean(Jsoup.parseBodyFragment(html));
        for (Element element : clean.body().getAllElements()) {
            Map<String, Set<String>> urlAttributes = URL_ATTRIBUTES.get(element.normalName());
            if (urlAttributes != null) {
                urlAttributes.forEach((attribute, schemes) -> absolutize(element, attribute, schemes, base));
            }
        }
        clean.outputSettings().prettyPrint(false);
        String safe = clean.body().html().strip();
        return safe.isEmpty() ? null : safe;
    }

    private static void absolutize(Element element, String attribute, Set<String> schemes, URI base) {
        if (!element.hasAttr(attribute)) {
            return;
        }
        URI url = XmlBase.resolve(base, element.attr(attribute));
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (schemes.contains(scheme)) {
            element.attr(attribute, url.toString());
        } else {
            element.removeAttr(attribute);
        }
    }
}
