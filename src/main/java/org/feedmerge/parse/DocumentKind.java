package org.feedmerge.parse;

import java.util.Locale;

/**
 * Content sniffing on decoded text: the first significant character says JSON or markup, and
 * markup that opens like an HTML page is one. The URL, file extension and Content-Type are never
 * consulted: they lie ({@code .rss} files that are Atom, {@code .atom} files that are RSS,
 * feeds served as {@code text/html}).
 */
enum DocumentKind {
    EMPTY,
    JSON,
    HTML,
    MARKUP;

    private static final int HTML_SNIFF_LENGTH = 1024;

    static DocumentKind of(String text) {
        int start = skipWhitespace(text, 0);
        if (start == text.length()) {
            return EMPTY;
        }
        char first = text.charAt(start);
        if (first == '{' || first == '[') {
            return JSON;
        }
        int element = skipPrologNoise(text, start);
        if (element == text.length()) {
            return EMPTY; // only a declaration and comments
        }
        return startsLikeHtml(text, element) ? HTML : MARKUP;
    }

    /** For text the XML parser rejected: HTML tags near the top mean a web page, not broken XML. */
    static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), HTML_SNIFF_LENGTH)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
                || head.contains("<body");
    }

    /** {@code <html>} as the first element, after any DOCTYPE: feeds sometimes carry an XHTML DOCTYPE. */
    private static boolean startsLikeHtml(String text, int start) {
        int tag = start;
        if (startsWithIgnoreCase(text, tag, "<!doctype")) {
            int end = text.indexOf('>', tag);
            tag = end < 0 ? text.length() : skipPrologNoise(text, end + 1);
        }
        return startsWithIgnoreCase(text, tag, "<html");
    }

    /** Skips whitespace, the XML declaration, processing instructions and comments. */
    private static int skipPrologNoise(String text, int from) {
        int i = skipWhitespace(text, from);
        while (true) {
            String close = text.startsWith("<?", i) ? "?>" : text.startsWith("<!--", i) ? "-->" : null;
            int end = close == null ? -1 : text.indexOf(close, i);
            if (end < 0) {
                return i;
            }
            i = skipWhitespace(text, end + close.length());
        }
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static boolean startsWithIgnoreCase(String text, int offset, String prefix) {
        return text.regionMatches(true, offset, prefix, 0, prefix.length());
    }
}
