package org.feedmerge.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
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
 * <p>Candidates are found through {@link #anchors()}, not by comparing every pair: the shingles of
 * the first {@value #ANCHOR_WORDS} words whose hash is 0 modulo {@value #ANCHOR_MODULUS} (about one
 * in eight), leaving out shingles made only of stop words ("one of the"). The choice depends only
 * on a shingle's own hash, so when text A is contained in text B, A's anchors are B's anchors too
 * (content-defined sampling, as in winnowing): an excerpt of 55 words has 6–7 anchors, and shares
 * none with its source only with probability about 0.1%. The store indexes anchors in SQLite.
 */
public final class StoryFingerprint {

    static final int TEXT_WORDS = 400;
    static final int ANCHOR_WORDS = 120;
    static final int ANCHOR_MODULUS = 8;
    /** At most this many anchors are used (more than 32 in 120 words is a 1-in-10⁴ event). */
    public static final int MAX_ANCHORS = 32;
    static final int SHINGLE_WORDS = 3;
    /** Below this many shingles (about a dozen words) text says too little to match on. */
    static final int MIN_SHINGLES = 8;

    private static final int[] NONE = new int[0];

    private final String canonicalUrl;
    private final int[] shingles;
    private final int[] anchors;
    private final Set<String> titleWords;

    private StoryFingerprint(String canonicalUrl, int[] shingles, int[] anchors, Set<String> titleWords) {
        this.canonicalUrl = canonicalUrl;
        this.shingles = shingles;
        this.anchors = anchors;
        this.titleWords = titleWords;
    }

    /** Fingerprints an entry; every argument may be null. */
    public static StoryFingerprint of(String title, String link, String summaryHtml, String contentHtml) {
        String body = PlainText.of(contentHtml);
        if (body.isEmpty()) {
            body = PlainText.of(summaryHtml);
        }
        List<String> words = PlainText.words(body);
        return new StoryFingerprint(CanonicalUrl.of(link), shingles(words, TEXT_WORDS), anchors(words),
                TitleWords.of(title));
    }

    /** Rebuilds what {@link StoryMatch} needs from what the store keeps: shingle bytes and title. */
    public static StoryFingerprint stored(String canonicalUrl, byte[] shingleBytes, String title) {
        return new StoryFingerprint(canonicalUrl, fromBytes(shingleBytes), NONE, TitleWords.of(title));
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
        return titleWords;
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

    /** Ints as bytes (4 each, big-endian), for storage. */
    public static byte[] toBytes(int[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES);
        for (int value : values) {
            bytes.putInt(value);
        }
        return bytes.array();
    }

    /** The inverse of {@link #toBytes}; null gives none. */
    public static int[] fromBytes(byte[] bytes) {
        if (bytes == null) {
            return NONE;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] values = new int[bytes.length / Integer.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getInt();
        }
        return values;
    }

    private static int[] anchors(List<String> words) {
        List<String> opening = words.subList(0, Math.min(words.size(), ANCHOR_WORDS));
        int[] all = shingleHashes(opening, true);
        int[] anchors = Arrays.stream(all).filter(h -> Math.floorMod(h, ANCHOR_MODULUS) == 0).sorted().distinct()
                .toArray();
        return anchors.length <= MAX_ANCHORS ? anchors : Arrays.copyOf(anchors, MAX_ANCHORS);
    }

    private static int[] shingles(List<String> words, int limit) {
        return Arrays.stream(shingleHashes(words.subList(0, Math.min(words.size(), limit)), false))
                .sorted().distinct().toArray();
    }

    /** One hash per shingle; with {@code skipStopWordsOnly}, shingles of nothing but stop words are left out. */
    private static int[] shingleHashes(List<String> words, boolean skipStopWordsOnly) {
        int count = words.size() - SHINGLE_WORDS + 1;
        if (count <= 0) {
            return NONE;
        }
        long[] wordHashes = new long[words.size()];
        boolean[] stop = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            wordHashes[i] = Hashing.of(words.get(i));
            stop[i] = StopWords.contains(words.get(i));
        }
        int[] hashes = new int[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (skipStopWordsOnly && stop[i] && stop[i + 1] && stop[i + 2]) {
                continue;
            }
            long h = wordHashes[i];
            for (int j = 1; j < SHINGLE_WORDS; j++) {
                h = Hashing.mix(h * 31 + wordHashes[i + j]);
            }
            hashes[kept++] = (int) (h ^ (h >>> 32));
        }
        return Arrays.copyOf(hashes, kept);
    }
}
