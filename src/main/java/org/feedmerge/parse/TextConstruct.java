package org.feedmerge.parse;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Atom text constructs (RFC 4287 §3.1) and RSS strings, reduced to plain text (titles,
 * descriptions) or to an HTML string (summaries, content). RSS has no type attribute and its
 * strings are, in practice, HTML (RSS 2.0 "entity-encoded HTML"), so callers pass {@link #RSS}.
 * HTML is not sanitised here: {@link HtmlSanitizer} does that to what this returns. Plain text
 * has its character references decoded exactly once.
 */
final class TextConstruct {
    static final String RSS = "html";

    /** Like jsoup's text(), no-break spaces count as whitespace: titles want plain spaces. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\u00a0]+");

    private enum Kind { TEXT, HTML, OPAQUE }

    private TextConstruct() {
    }

    /** Markup stripped, entities decoded, whitespace collapsed; null when blank or not text. */
    static String toPlainText(String type, String value) {
        if (value == null) {
            return null;
        }
        return switch (kindOf(type)) {
            case TEXT -> blankToNull(collapseWhitespace(value));
            case HTML -> blankToNull(htmlToText(value));
            case OPAQUE -> null;
        };
    }

    /** Identifiers and names: surrounding whitespace removed, blank as null. */
    static String trimmed(String value) {
        return value == null ? null : blankToNull(value.strip());
    }

    /** An HTML string; plain text is escaped so that it displays as written. */
    static String toHtml(String type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (kindOf(type)) {
            case TEXT -> Entities.escape(value.strip());
            case HTML -> value.strip();
            case OPAQUE -> null;
        };
    }

    /**
     * RFC 4287 §3.1.1 types, Atom 0.3's MIME types, and §4.1.3.3 content media types. Other XML
     * types arrive serialised by Rome and are shown as text; anything else (base64 media) is
     * opaque.
     */
    private static Kind kindOf(String type) {
        if (type == null) {
            return Kind.TEXT;
        }
        String mime = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return switch (mime) {
            case "", "text", "text/plain" -> Kind.TEXT;
            case "html", "text/html", "xhtml", "application/xhtml+xml" -> Kind.HTML;
            default -> mime.startsWith("text/") || mime.endsWith("/xml") || mime.endsWith("+xml")
                    ? Kind.TEXT
                    : Kind.OPAQUE;
        };
    }

    /** Text with HTML character references decoded (JSON Feed titles arrive like that too). */
    static String decodeReferences(String text) {
        return text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    }

    private static String htmlToText(String html) {
        if (html.indexOf('<') < 0) {
            return collapseWhitespace(decodeReferences(html));
        }
        return collapseWhitespace(Jsoup.parseBodyFragment(html).text());
    }

    static String collapseWhitespace(String text) {
        return WHITESPACE_RUN.matcher(text).replaceAll(" ").strip();
    }

    static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
