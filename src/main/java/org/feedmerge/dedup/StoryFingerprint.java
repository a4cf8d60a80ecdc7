package org.feedmerge.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What tells whether two entries from different feeds are the same story: the canonical link and
 * a sketch of the text's opening. Pure and immutable.
 *
 * <p>The <em>lede</em> is the first {@value #LEDE_WORDS} words of the content's visible text (the
 * summary when there is no content). Its word 3-grams ("shingles") are hashed to 32-bit ints and
 * kept as a sorted set: {@link StoryMatch} compares two such sets exactly. Why the opening: copies
 * of a story differ mostly at the end (a feed carries a 55-word excerpt, a republisher trims the
 * text, footers and comments get appended), while the first paragraph survives syndication.
 *
 * <p>For finding candidates without comparing every pair, {@link #bands()} gives
 * {@value #BANDS} locality-sensitive keys: a MinHash of the shingle set with {@value #HASHES}
 * functions, cut into bands of {@value #ROWS} rows. Two ledes whose shingle sets have Jaccard
 * similarity J share at least one band with probability 1 - (1 - J²)^16: 0.94 at J = 0.4,
 * 0.99 at J = 0.5, 0.23 at J = 0.1.
 */
public final class StoryFingerprint {

    static final int LEDE_WORDS = 60;
    static final int SHINGLE_WORDS = 3;
    /** Below this many shingles (about a dozen words) text says too little to match on. */
    static final int MIN_SHINGLES = 8;
    static final int HASHES = 32;
    static final int ROWS = 2;
    public static final int BANDS = HASHES / ROWS;

    private static final int[] NONE = new int[0];

    private final String canonicalUrl;
    private final int[] shingles;
    private final Set<String> titleWords;

    private StoryFingerprint(String canonicalUrl, int[] shingles, Set<String> titleWords) {
        this.canonicalUrl = canonicalUrl;
        this.shingles = shingles;
        this.titleWords = titleWords;
    }

    /** Fingerprints an entry; every argument may be null. */
    public static StoryFingerprint of(String title, String link, String summaryHtml, String contentHtml) {
        String body = PlainText.of(contentHtml);
        if (body.isEmpty()) {
            body = PlainText.of(summaryHtml);
        }
        return new StoryFingerprint(CanonicalUrl.of(link), shingles(PlainText.words(body)), TitleWords.of(title));
    }

    /** Rebuilds the parts {@link StoryMatch} needs from what the store keeps: shingle bytes and title. */
    public static StoryFingerprint stored(String canonicalUrl, byte[] shingleBytes, String title) {
        return new StoryFingerprint(canonicalUrl, fromBytes(shingleBytes), TitleWords.of(title));
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

    /** The sorted shingle hashes as bytes (4 per shingle, big-endian), for storage. */
    public byte[] shingleBytes() {
        ByteBuffer bytes = ByteBuffer.allocate(shingles.length * Integer.BYTES);
        for (int shingle : shingles) {
            bytes.putInt(shingle);
        }
        return bytes.array();
    }

    /** {@value #BANDS} band keys (empty without enough text); equal keys make two entries candidates. */
    public long[] bands() {
        if (!hasText()) {
            return new long[0];
        }
        long[] minima = new long[HASHES];
        Arrays.fill(minima, Long.MAX_VALUE);
        for (int shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                minima[i] = Math.min(minima[i], Hashing.mix(shingle ^ Hashing.seed(i)));
            }
        }
        long[] bands = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = Hashing.seed(HASHES + band);
            for (int row = 0; row < ROWS; row++) {
                key = Hashing.mix(key ^ minima[band * ROWS + row]);
            }
            bands[band] = key;
        }
        return bands;
    }

    private static int[] shingles(List<String> words) {
        int count = Math.min(words.size(), LEDE_WORDS);
        if (count < SHINGLE_WORDS) {
            return NONE;
        }
        long[] wordHashes = new long[count];
        for (int i = 0; i < count; i++) {
            wordHashes[i] = Hashing.of(words.get(i));
        }
        int[] shingles = new int[count - SHINGLE_WORDS + 1];
        for (int i = 0; i < shingles.length; i++) {
            long h = wordHashes[i];
            for (int j = 1; j < SHINGLE_WORDS; j++) {
                h = Hashing.mix(h * 31 + wordHashes[i + j]);
            }
            shingles[i] = (int) (h ^ (h >>> 32));
        }
        return Arrays.stream(shingles).sorted().distinct().toArray();
    }

    private static int[] fromBytes(byte[] bytes) {
        if (bytes == null) {
            return NONE;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] shingles = new int[bytes.length / Integer.BYTES];
        for (int i = 0; i < shingles.length; i++) {
            shingles[i] = buffer.getInt();
        }
        return shingles;
    }
}
