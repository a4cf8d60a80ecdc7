package org.feedmerge.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * The visible text of feed HTML, and its words. Pure and thread-safe.
 *
 * <p>A small scanner rather than a DOM parse: dedup needs the words, not the structure, and runs on
 * every stored entry, so it must be cheap. Tags become spaces; comments and the bodies of
 * {@code script}, {@code style} and the like ({@link #HIDDEN_BODIES}) are dropped; entities are
 * decoded (jsoup's table); whitespace is collapsed. It reads HTML as feeds give it (the store keeps
 * it so; only the merged feed sanitises), and reads it as an HTML parser would where that matters:
 * a '<' that opens no tag is text, and a quoted attribute value may hold a '>'. Its characters are
 * those of the sanitised HTML's text, but not always its spaces: sanitising drops tags it does not
 * keep (a {@code <font>} inside a word) and stray end tags, so the store compares the substance
 * of rows it stored sanitised (before schema version 8) without white space ({@link Substance#same}).
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
        // A word is its letters and digits; an apostrophe inside one is dropped (the word goes on),
        // so it is cut out of the text as one substring unless it had an apostrophe.
        StringBuilder beforeApostrophe = new StringBuilder();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                start = start < 0 ? i : start;
            } else if (isApostrophe(c) && i < folded.length()) {
                if (start >= 0) {
                    beforeApostrophe.append(folded, start, i);
                    start = -1;
                }
            } else if (beforeApostrophe.length() > 0) {
                words.add(start < 0 ? beforeApostrophe.toString()
                        : beforeApostrophe.append(folded, start, i).toString());
                beforeApostrophe.setLength(0);
                start = -1;
            } else if (start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /**
     * Lower case, then each code point's compatibility decomposition (NFKD) without combining marks:
     * "É" → "e", "ﬁ" → "fi". The same as normalising the whole string and deleting {@code \p{M}},
     * since dropping every mark leaves nothing for NFKD's reordering of marks to act on; done per
     * code point, with a table, because a regex over every text was a tenth of the poll's CPU.
     */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        int copied = 0; // lower[copied, i) is still to be copied to out
        for (int i = 0; i < lower.length(); ) {
            char c = lower.charAt(i);
            if (c < 0x80) {
                i++;
                continue;
            }
            int codePoint = lower.codePointAt(i);
            int width = Character.charCount(codePoint);
            String folded = Folding.of(codePoint);
            if (folded != null) {
                if (out == null) {
                    out = new StringBuilder(lower.length());
                }
                out.append(lower, copied, i).append(folded);
                copied = i + width;
            }
            i += width;
        }
        return out == null ? lower : out.append(lower, copied, lower.length()).toString();
    }

    /** What {@link #fold} turns a lower-case code point into, or null when it stays as it is. */
    static String foldedCodePoint(int codePoint) {
        return Folding.of(codePoint);
    }

    /** Per code point NFKD without marks, memoised for the Basic Multilingual Plane. Thread-safe. */
    private static final class Folding {
        /** Stands for "folds to itself" in the table. */
        private static final String ITSELF = new String("");
        /** Racy but safe: entries are immutable Strings, and a lost write only means computing one again. */
        private static final String[] BMP = new String[0x10000];

        /** What the code point folds to, or null when it folds to itself. */
        static String of(int codePoint) {
            if (codePoint >= BMP.length) {
                return compute(codePoint);
            }
            String known = BMP[codePoint];
            if (known == null) {
                String computed = compute(codePoint);
                known = computed == null ? ITSELF : computed;
                BMP[codePoint] = known;
            }
            return known == ITSELF ? null : known;
        }

        private static String compute(int codePoint) {
            String original = new String(Character.toChars(codePoint));
            if (isMark(codePoint)) {
                return "";
            }
            String decomposed = Normalizer.normalize(original, Normalizer.Form.NFKD);
            if (decomposed.equals(original)) {
                return null;
            }
            StringBuilder kept = new StringBuilder(decomposed.length());
            decomposed.codePoints().filter(c -> !isMark(c)).forEach(kept::appendCodePoint);
            return kept.toString();
        }

        private static boolean isMark(int codePoint) {
            int type = Character.getType(codePoint);
            return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
        }
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02bc';
    }

    /** Elements whose body is not text (an HTML parser reads it raw), and which sanitising drops. */
    static final Set<String> HIDDEN_BODIES = Set.of("script", "style", "iframe", "noembed", "noframes", "xmp");
    /** Elements whose body is text even where it looks like tags (RCDATA): sanitising keeps it as text. */
    static final Set<String> TEXT_BODIES = Set.of("textarea", "title");

    private static String stripTags(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            int tag = html.indexOf('<', i);
            if (tag < 0) {
                out.append(html, i, html.length());
                break;
            }
            if (!startsMarkup(html, tag)) {
                out.append(html, i, tag + 1);
                i = tag + 1;
                continue;
            }
            out.append(html, i, tag).append(' ');
            i = skipMarkup(html, tag, out);
        }
        return out.toString();
    }

    /**
     * Whether the '<' at {@code at} opens markup, as an HTML parser reads it: a letter (a tag), '/'
     * (an end tag), '!' (a comment or declaration) or '?' must follow; else it is text, as in
     * "a < b", which feeds write unescaped.
     */
    private static boolean startsMarkup(String html, int at) {
        if (at + 1 >= html.length()) {
            return false;
        }
        char next = html.charAt(at + 1);
        return isAsciiLetter(next) || next == '/' || next == '!' || next == '?';
    }

    /**
     * From a '<' that opens markup: past the comment, the declaration, or the tag (plus the body of
     * an element in {@link #HIDDEN_BODIES}, or of one in {@link #TEXT_BODIES}, which goes to
     * {@code out} as text). Markup left open runs to the end of the text.
     */
    private static int skipMarkup(String html, int start, StringBuilder out) {
        if (html.startsWith("<!--", start)) {
            return commentEnd(html, start + 4);
        }
        boolean closing = html.charAt(start + 1) == '/';
        int nameStart = start + (closing ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < html.length()
                && (isAsciiLetter(html.charAt(nameEnd)) || Character.isDigit(html.charAt(nameEnd)))) {
            nameEnd++;
        }
        // "<!", "<?" and "</" without a letter open a declaration or bogus comment: the first '>' ends it.
        boolean tag = nameEnd > nameStart && isAsciiLetter(html.charAt(nameStart));
        int end = tag ? tagEnd(html, nameEnd) : html.indexOf('>', nameEnd);
        if (end < 0) {
            return html.length();
        }
        String name = closing ? null : rawBody(html, nameStart, nameEnd);
        if (name != null) {
            int close = endTag(html, name, end + 1);
            if (TEXT_BODIES.contains(name)) {
                out.append(html, end + 1, close < 0 ? html.length() : close).append(' ');
            }
            if (close < 0) {
                return html.length();
            }
            int closeEnd = tagEnd(html, close + 2 + name.length());
            return closeEnd < 0 ? html.length() : closeEnd + 1;
        }
        return end + 1;
    }

    /**
     * The element of {@link #HIDDEN_BODIES} or {@link #TEXT_BODIES} named by {@code html[from, to)},
     * in any case, or null.
     */
    private static String rawBody(String html, int from, int to) {
        for (Set<String> names : List.of(HIDDEN_BODIES, TEXT_BODIES)) {
            for (String name : names) {
                if (name.length() == to - from && html.regionMatches(true, from, name, 0, name.length())) {
                    return name;
                }
            }
        }
        return null;
    }

    /**
     * Past the comment whose text starts at {@code from}: "<!-->" and "<!--->" are empty comments,
     * and "--!>" ends one as "-->" does (WHATWG HTML, comment start and comment end bang states).
     */
    private static int commentEnd(String html, int from) {
        if (html.startsWith(">", from)) {
            return from + 1;
        }
        if (html.startsWith("->", from)) {
            return from + 2;
        }
        for (int dashes = html.indexOf("--", from); dashes >= 0; dashes = html.indexOf("--", dashes + 1)) {
            if (html.startsWith("-->", dashes)) {
                return dashes + 3;
            }
            if (html.startsWith("--!>", dashes)) {
                return dashes + 4;
            }
        }
        return html.length();
    }

    /**
     * Where the end tag of a raw or text body starts, or -1: "</name" followed by HTML white space,
     * '/' or '>' (or the end), as an HTML parser requires; "</scripts>" does not end a script, nor
     * does "</script" followed by a vertical tab or an em space.
     */
    private static int endTag(String html, String name, int from) {
        String ascii = "</" + name;
        for (int at = indexOfIgnoreCase(html, ascii, from); at >= 0; at = indexOfIgnoreCase(html, ascii, at + 1)) {
            int after = at + ascii.length();
            if (after == html.length() || isHtmlWhitespace(html.charAt(after)) || html.charAt(after) == '/'
                    || html.charAt(after) == '>') {
                return at;
            }
        }
        return -1;
    }

    /**
     * The '>' that ends a tag whose name ends at {@code from}, or -1: a quoted attribute value
     * ({@code title="a > b"}) runs to its closing quote, as for an HTML parser.
     */
    private static int tagEnd(String html, int from) {
        char previous = ' ';
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '>') {
                return i;
            }
            if ((c == '"' || c == '\'') && previous == '=') {
                int close = html.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
                previous = c;
            } else if (!isHtmlWhitespace(c)) {
                previous = c;
            }
        }
        return -1;
    }

    /** Tab, LF, FF, CR and space: the white space of HTML's tokenizer (WHATWG HTML §13.2.5). */
    private static boolean isHtmlWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static int indexOfIgnoreCase(String text, String ascii, int from) {
        for (int i = text.indexOf('<', from); i >= 0; i = text.indexOf('<', i + 1)) {
            if (text.regionMatches(true, i, ascii, 0, ascii.length())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Runs of white space as one space, none at either end. Over a char array, compacted in place:
     * with C1 alone (the one-shot poll's compiler) {@code String.charAt} per char made this half of
     * what {@link #of} costs.
     */
    static String collapseWhitespace(String text) {
        char[] out = text.toCharArray();
        int length = 0;
        boolean changed = false;
        boolean pendingSpace = false;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == ' ') {
                pendingSpace = length > 0;
                continue;
            }
            if ((c < ' ' || c >= 0x80) && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                pendingSpace = length > 0;
                changed = true;
                continue;
            }
            if (pendingSpace) {
                out[length++] = ' ';
                pendingSpace = false;
            }
            out[length++] = c;
        }
        // Only a removed space changes the length; only another white space turned into ' ' keeps it.
        return changed || length != text.length() ? new String(out, 0, length) : text;
    }
}
