package org.feedmerge.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * The visible text of feed HTML, and its words. Pure and thread-safe.
 *
 * <p>A small scanner rather than a DOM parse: dedup needs the words, not the structure, and runs on
 * every stored entry, so it must be cheap. Tags become spaces, {@code script}/{@code style} bodies
 * and comments are dropped, entities are decoded (jsoup's table), whitespace is collapsed.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Visible text with runs of whitespace (no-break spaces included) collapsed to one space; "" for null. */
    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = html.indexOf('<') < 0 ? html : stripTags(html);
        if (text.indexOf('&') >= 0) {
            text = Parser.unescapeEntities(text, false);
        }
        return collapseWhitespace(text);
    }

    /**
     * Lower-case words of plain text, accents removed and apostrophes dropped ("Ukraine’s" →
     * "ukraines"); everything that is not a letter or digit separates words.
     */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String folded = fold(text);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!isApostrophe(c) && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            return lower;
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02bc';
    }

    private static String stripTags(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
            } else {
                out.append(' ');
                i = skipMarkup(html, i);
            }
        }
        return out.toString();
    }

    /** From a '<': past the comment, the tag, or the tag plus the body of a script or style element. */
    private static int skipMarkup(String html, int start) {
        if (html.startsWith("<!--", start)) {
            int end = html.indexOf("-->", start + 4);
            return end < 0 ? html.length() : end + 3;
        }
        int end = html.indexOf('>', start);
        if (end < 0) {
            return html.length();
        }
        String opening = html.substring(start + 1, Math.min(end, start + 8)).toLowerCase(Locale.ROOT);
        for (String raw : new String[] {"script", "style"}) {
            if (opening.startsWith(raw)) {
                int close = html.toLowerCase(Locale.ROOT).indexOf("</" + raw, end);
                if (close < 0) {
                    return html.length();
                }
                int closeEnd = html.indexOf('>', close);
                return closeEnd < 0 ? html.length() : closeEnd + 1;
            }
        }
        return end + 1;
    }

    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
