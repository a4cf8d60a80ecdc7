package org.feedmerge.parse;

import java.util.Locale;

/**
 * A first look at decoded text, so that documents that are plainly not feeds fail with a reason
 * naming what they are instead of an XML parser complaint.
 */
enum DocumentKind {
    EMPTY("empty document"),
    JSON("not a feed: JSON document"),
    HTML("not a feed: HTML page"),
    MARKUP(null);

    private static final int HTML_SNIFF_LENGTH = 1024;

    private final String rejection;

    DocumentKind(String rejection) {
        this.rejection = rejection;
    }

    static DocumentKind of(String text) {
        int start = skipWhitespace(text, 0);
        if (start == text.length()) {
            return EMPTY;
        }
        char first = text.charAt(start);
        if (first == '{' || first == '[') {
            return JSON;
        }
        return startsLikeHtml(text, start) ? HTML : MARKUP;
    }

    /** For text the XML parser rejected: HTML tags near the top mean a web page, not broken XML. */
    static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), HTML_SNIFF_LENGTH)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
                || head.contains("<body");
    }

    void rejectIfNotMarkup() throws FeedParseException {
        if (rejection != null) {
            throw new FeedParseException(rejection);
        }
    }

    private static boolean startsLikeHtml(String text, int start) {
        int tag = skipPrologNoise(text, start);
        return startsWithIgnoreCase(text, tag, "<!doctype html") || startsWithIgnoreCase(text, tag, "<html");
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
