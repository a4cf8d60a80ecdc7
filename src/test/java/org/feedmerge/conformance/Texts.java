package org.feedmerge.conformance;

import org.jsoup.Jsoup;

/**
 * How republished text is compared with feedparser's expectations: whitespace trimmed and
 * collapsed, and for HTML the text a reader sees rather than the exact markup (feedparser's
 * expected strings come from its own sanitiser; the corpus README asks for this). Pure.
 */
final class Texts {
    private Texts() {
    }

    /** Whitespace runs collapsed to one space, trimmed; null counts as empty. */
    static String squash(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** The text content of an HTML fragment, as a browser would show it. */
    static String textOf(String html) {
        return html == null ? "" : squash(Jsoup.parseBodyFragment(html).body().text());
    }

    /**
     * A plain-text field (title, feed title) matches when it equals the expectation verbatim or
     * equals the text of the expectation read as HTML (feedparser returns HTML for typed titles).
     */
    static boolean plainMatches(String expected, String actual) {
        String shown = squash(actual);
        return shown.equals(squash(expected)) || shown.equals(textOf(expected));
    }

    /** An HTML field (summary, content) matches when the text a reader sees is the same. */
    static boolean htmlMatches(String expected, String actual) {
        return squash(actual).equals(squash(expected)) || textOf(actual).equals(textOf(expected));
    }
}
