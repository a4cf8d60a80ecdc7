package org.feedmerge.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;

/**
 * What tells whether two entries from different feeds are the same story: the canonical link and a
 * sketch of the text. Pure and immutable.
 *
 * <p>The text is the content's visible text (the summary when there is no content). Its word
 * 3-grams ("shingles") over the first {@value #TEXT_WORDS} words are hashed to 32-bit ints and kept
 * as a sorted set, which {@link StoryMatch} compares by containment: a 55-word excerpt, a trimmed
 * republication or a copy without the original's "at a glance" box is largely <em>contained</em>
 * in the original even though the two sets are very different in size.
 *
 * <p>Candidates are found through {@link #anchors()}, not by comparing every pair: a sample of the
 * shingles chosen by their own hash, as in winnowing, so that when text A is contained in text B,
 * A's anchors are B's anchors too. The sample is denser at the start, where excerpts are cut: a
 * shingle starting in the first 30 words is an anchor when its hash is 0 modulo 4, up to word 60
 * when it is 0 modulo 8, up to word 300 when it is 0 modulo 64; each modulus divides the next, so
 * a copy that lost its opening still shares the later anchors. Shingles made only of stop words
 * ("one of the") are never anchors. A full article has about 15 anchors, a 30-word excerpt about
 * 7 (it shares none with its source with probability about 0.1%). Fewer anchors mean fewer index
 * rows written per entry: docs/dedup.md has the measured trade-off. The store indexes anchors in
 * SQLite (table story_anchors).
 */
public final class StoryFingerprint {

    static final int TEXT_WORDS = 400;
    /**
     * Anchor sampling by position: {words before which, modulus}. Each modulus is a power of two
     * (so a hash is 0 modulo it when its low bits are) and divides the next.
     */
    private static final int[][] TIERS = {{30, 4}, {60, 8}, {300, 64}};
    static final int BODY_WORDS = 300;
    /** At most this many anchors are used (the expected number is about 22). */
    public static final int MAX_ANCHORS = 64;
    static final int SHINGLE_WORDS = 3;
    /** Below this many shingles (about a dozen words) text says too little to match on. */
    static final int MIN_SHINGLES = 8;

    private static final int[] NONE = new int[0];
    /** Below this many values, {@link Arrays#sort(int[])} is faster than {@link #radixSort}. */
    private static final int RADIX_SORT_FROM = 64;

    private final String canonicalUrl;
    private final int[] shingles;
    private final int[] anchors;
    private final String title;
    /**
     * Worked out when first asked for: only a pair whose texts already overlap needs it, which is
     * rare. Racy but safe: the set is immutable, and a lost write only means working it out again.
     */
    private Set<String> titleWords;

    private StoryFingerprint(String canonicalUrl, int[] shingles, int[] anchors, String title) {
        this.canonicalUrl = canonicalUrl;
        this.shingles = shingles;
        this.anchors = anchors;
        this.title = title;
    }

    /** Fingerprints an entry; every argument may be null. */
    public static StoryFingerprint of(String title, String link, String summaryHtml, String contentHtml) {
        return of(title, Normalised.of(link, summaryHtml, contentHtml));
    }

    /** Fingerprints an entry from its {@link Normalised} link and text; the title may be null. */
    public static StoryFingerprint of(String title, Normalised normalised) {
        WordHashes words = WordHashes.of(normalised.body(), TEXT_WORDS);
        int[] hashes = shingleHashes(words);
        return new StoryFingerprint(normalised.canonicalLink(), sortedDistinct(hashes, hashes.length),
                anchors(words, hashes), title);
    }

    /** Rebuilds what {@link StoryMatch} needs from what the store keeps: shingle bytes and title. */
    public static StoryFingerprint stored(String canonicalUrl, byte[] shingleBytes, String title) {
        return new StoryFingerprint(canonicalUrl, fromBytes(shingleBytes), NONE, title);
    }

    /** The canonical link, or null. */
    public String canonicalUrl() {
        return canonicalUrl;
    }

    /** True when the canonical link names one article (not a site's home page). */
    public boolean linkNamesAnArticle() {
        return CanonicalUrl.namesAnArticle(canonicalUrl);
    }

    /** True when there is enough text to match on. */
    public boolean hasText() {
        return shingles.length >= MIN_SHINGLES;
    }

    int[] shingles() {
        return shingles;
    }

    Set<String> titleWords() {
        Set<String> words = titleWords;
        if (words == null) {
            words = TitleWords.of(title);
            titleWords = words;
        }
        return words;
    }

    /** The sorted shingle hashes as bytes, for storage ({@link #toBytes}). */
    public byte[] shingleBytes() {
        return toBytes(shingles);
    }

    /**
     * The index keys (sorted, distinct, at most {@value #MAX_ANCHORS}; none without enough text):
     * two entries sharing one are candidates. Not part of {@link #stored} fingerprints.
     */
    public int[] anchors() {
        return hasText() ? anchors.clone() : NONE;
    }

    /**
     * Ints as bytes (4 each, big-endian), for storage. Shifts rather than a {@code ByteBuffer}, whose
     * per-int calls C1 (the one-shot poll's compiler) does not inline away.
     */
    public static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length * Integer.BYTES];
        for (int i = 0, at = 0; i < values.length; i++, at += Integer.BYTES) {
            int value = values[i];
            bytes[at] = (byte) (value >>> 24);
            bytes[at + 1] = (byte) (value >>> 16);
            bytes[at + 2] = (byte) (value >>> 8);
            bytes[at + 3] = (byte) value;
        }
        return bytes;
    }

    /** The inverse of {@link #toBytes}; null gives none. */
    public static int[] fromBytes(byte[] bytes) {
        if (bytes == null) {
            return NONE;
        }
        int[] values = new int[bytes.length / Integer.BYTES];
        for (int i = 0, at = 0; i < values.length; i++, at += Integer.BYTES) {
            values[i] = bytes[at] << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                    | bytes[at + 3] & 0xff;
        }
        return values;
    }

    /** @param hashes the shingle hashes of the text's first words, in text order */
    private static int[] anchors(WordHashes words, int[] hashes) {
        int sampled = Math.min(hashes.length, Math.max(0, Math.min(words.count(), BODY_WORDS) - SHINGLE_WORDS + 1));
        int[] anchors = new int[sampled];
        int count = 0;
        int i = 0;
        for (int[] tier : TIERS) {
            int lowBits = tier[1] - 1;
            for (int end = Math.min(sampled, tier[0]); i < end; i++) {
                if ((hashes[i] & lowBits) == 0
                        && !(words.isStopWord(i) && words.isStopWord(i + 1) && words.isStopWord(i + 2))) {
                    anchors[count++] = hashes[i];
                }
            }
        }
        int[] distinct = sortedDistinct(anchors, count);
        return distinct.length <= MAX_ANCHORS ? distinct : Arrays.copyOf(distinct, MAX_ANCHORS);
    }

    /** The first {@code count} values, sorted, without repeats (a new array). */
    private static int[] sortedDistinct(int[] values, int count) {
        int[] sorted = Arrays.copyOf(values, count);
        if (count < RADIX_SORT_FROM) {
            Arrays.sort(sorted);
        } else {
            radixSort(sorted);
        }
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }

    /**
     * Sorts ints in ascending (signed) order, a byte at a time from the lowest: for a text's few
     * hundred random shingle hashes this is about twice as fast as {@link Arrays#sort(int[])}.
     */
    static void radixSort(int[] values) {
        int[] from = values;
        int[] to = new int[values.length];
        int[] counts = new int[256];
        for (int shift = 0; shift < Integer.SIZE; shift += Byte.SIZE) {
            int flip = shift == Integer.SIZE - Byte.SIZE ? 0x80 : 0; // the sign bit orders negatives first
            Arrays.fill(counts, 0);
            for (int value : from) {
                counts[(value >>> shift & 0xff) ^ flip]++;
            }
            for (int bucket = 0, start = 0; bucket < counts.length; bucket++) {
                int size = counts[bucket];
                counts[bucket] = start;
                start += size;
            }
            for (int value : from) {
                to[counts[(value >>> shift & 0xff) ^ flip]++] = value;
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        // Four passes: the result is back in values.
    }

    /** One hash per shingle, in text order (index i: the shingle starting at word i). */
    private static int[] shingleHashes(WordHashes words) {
        int count = words.count() - SHINGLE_WORDS + 1;
        if (count <= 0) {
            return NONE;
        }
        int[] hashes = new int[count];
        for (int i = 0; i < count; i++) {
            long h = words.hash(i);
            for (int j = 1; j < SHINGLE_WORDS; j++) {
                h = Hashing.mix(h * 31 + words.hash(i + j));
            }
            hashes[i] = (int) (h ^ (h >>> 32));
        }
        return hashes;
    }
}
