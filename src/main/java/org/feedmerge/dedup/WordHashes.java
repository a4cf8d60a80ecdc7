package org.feedmerge.dedup;

import java.util.Arrays;

/**
 * The first words of a text as their {@link Hashing#of hashes}, and which of them are
 * {@link StopWords stop words}: the same as hashing each of the first {@link PlainText#words words},
 * in one pass over the folded text and without a String per word. Fingerprinting every new entry
 * spent about half its time cutting out words only to hash them.
 *
 * <p>A word is a run of letters and digits in which apostrophes are dropped ("ukraine’s" →
 * "ukraines"), so its FNV-1a hash is fed its letters and digits and skips its apostrophes.
 */
final class WordHashes {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Not yet known, in {@link #FOLDED}. */
    private static final char UNKNOWN = 0;
    /** Folds into several chars or none, or with context: the text is folded as a whole. */
    private static final char SEVERAL = 0xffff;
    /**
     * {@link #foldedChar} for each non-ASCII char, filled as chars are met. Racy but safe: a char
     * is written whole, and a lost write only means computing it again.
     */
    private static final char[] FOLDED = new char[0x10000];

    private final long[] hashes;
    private final boolean[] stopWords;
    private final int count;

    private WordHashes(long[] hashes, boolean[] stopWords, int count) {
        this.hashes = hashes;
        this.stopWords = stopWords;
        this.count = count;
    }

    /** The first {@code limit} words of plain text (as {@link PlainText#of} gives it). */
    static WordHashes of(String text, int limit) {
        if (text == null || text.isEmpty()) {
            return new WordHashes(new long[0], new boolean[0], 0);
        }
        return scan(folded(text), limit);
    }

    /**
     * The text {@link PlainText#fold folded}, built char by char from a table instead of through
     * Strings. A char that folds into several ("…" into "...") or none (a combining mark) is looked
     * up in {@link PlainText}; a text with a char that lower-cases with context (final sigma) or
     * across two chars is folded as a whole.
     */
    private static char[] folded(String text) {
        char[] in = text.toCharArray();
        char[] out = in; // written behind the reading position until a char folds into several
        int length = 0;
        for (int i = 0; i < in.length; i++) {
            char c = in[i];
            if (c < 0x80) {
                out[length++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                continue;
            }
            char folded = FOLDED[c];
            if (folded == UNKNOWN) {
                folded = foldedChar(c);
                FOLDED[c] = folded;
            }
            if (folded != SEVERAL) {
                out[length++] = folded;
                continue;
            }
            if (Character.isSurrogate(c) || c == '\u0130' || c == '\u03a3') {
                return PlainText.fold(text).toCharArray();
            }
            char lower = Character.toLowerCase(c);
            String several = PlainText.foldedCodePoint(lower);
            if (several == null) {
                several = String.valueOf(lower); // a char that folds to itself and equals SEVERAL (U+FFFF)
            }
            int needed = length + several.length() + in.length - i - 1;
            if (out == in ? length + several.length() > i + 1 : needed > out.length) {
                out = Arrays.copyOf(out, Math.max(needed, out.length + out.length / 4));
            }
            several.getChars(0, several.length(), out, length);
            length += several.length();
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    /** What a non-ASCII char folds into when that is one char, else {@link #SEVERAL}. */
    private static char foldedChar(char c) {
        if (Character.isSurrogate(c) || c == '\u0130' || c == '\u03a3') {
            return SEVERAL;
        }
        char lower = Character.toLowerCase(c);
        String folded = PlainText.foldedCodePoint(lower);
        char single = folded == null ? lower : folded.length() == 1 ? folded.charAt(0) : SEVERAL;
        return single == UNKNOWN ? SEVERAL : single;
    }

    private static WordHashes scan(char[] chars, int limit) {
        int capacity = Math.min(limit, chars.length / 2 + 1);
        long[] hashes = new long[capacity];
        boolean[] stopWords = new boolean[capacity];
        int count = 0;
        long hash = FNV_OFFSET;
        int start = 0; // where the word's first letter or digit is
        int length = 0; // letters and digits of the word so far
        for (int i = 0; i <= chars.length && count < limit; i++) {
            char c = i < chars.length ? chars[i] : ' ';
            if (c < 0x80 ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
                    : Character.isLetterOrDigit(c)) {
                start = length == 0 ? i : start;
                hash = (hash ^ c) * FNV_PRIME;
                length++;
            } else if (!PlainText.isApostrophe(c) || i == chars.length) {
                if (length > 0) {
                    long word = Hashing.mix(hash);
                    hashes[count] = word;
                    stopWords[count] = isStopWord(chars, start, i, StopWords.withHash(length, word));
                    count++;
                }
                hash = FNV_OFFSET;
                length = 0;
            }
        }
        return new WordHashes(hashes, stopWords, count);
    }

    /**
     * Whether the word in {@code chars[from, to)} (its apostrophes dropped) is the stop word with
     * its hash: compared char by char, since a word can be crafted to have a stop word's hash.
     */
    private static boolean isStopWord(char[] chars, int from, int to, String stopWord) {
        if (stopWord == null) {
            return false;
        }
        int matched = 0;
        for (int i = from; i < to; i++) {
            if (PlainText.isApostrophe(chars[i])) {
                continue;
            }
            if (matched == stopWord.length() || chars[i] != stopWord.charAt(matched)) {
                return false;
            }
            matched++;
        }
        return matched == stopWord.length();
    }

    int count() {
        return count;
    }

    long hash(int word) {
        return hashes[word];
    }

    boolean isStopWord(int word) {
        return stopWords[word];
    }
}
