package org.feedmerge.dedup;

import java.util.Set;

/** Common English function words: they say nothing about which story a text tells. */
final class StopWords {

    private static final Set<String> WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does",
            "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it",
            "its", "may", "more", "most", "much", "no", "not", "of", "on", "one", "or", "our", "out", "over",
            "said", "say", "says", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there",
            "these", "they", "this", "those", "to", "up", "was", "we", "well", "were", "what", "when", "where",
            "which", "while", "who", "will", "with", "would", "you", "your", "after", "amid", "about", "also",
            "new", "all", "any", "just", "like", "now", "only", "other", "such", "very");

    /** Longer words are not looked up: most words of a text are. */
    private static final int LONGEST = WORDS.stream().mapToInt(String::length).max().orElse(0);

    /** The {@link Hashing#of hashes} of the words in an open-addressing table, for {@link #withHash}. */
    private static final long[] HASHES = new long[Integer.highestOneBit(WORDS.size()) * 16];
    /** The word of each used slot of {@link #HASHES}. */
    private static final String[] WORDS_BY_SLOT = new String[HASHES.length];

    static {
        for (String word : WORDS) {
            long hash = Hashing.of(word);
            if (hash == 0) {
                throw new IllegalStateException("a stop word hashes to 0: " + word);
            }
            int slot = (int) hash & (HASHES.length - 1);
            while (HASHES[slot] != 0) {
                if (HASHES[slot] == hash) {
                    throw new IllegalStateException("two stop words share a hash: " + word);
                }
                slot = slot + 1 & (HASHES.length - 1);
            }
            HASHES[slot] = hash;
            WORDS_BY_SLOT[slot] = word;
        }
    }

    private StopWords() {
    }

    static boolean contains(String word) {
        return word.length() <= LONGEST && WORDS.contains(word);
    }

    /**
     * The stop word with this {@link Hashing#of hash} and length, or null: a candidate for a word
     * known by its hash, which the caller still compares (a word can be crafted to share a hash).
     */
    static String withHash(int length, long hash) {
        if (length > LONGEST) {
            return null;
        }
        for (int slot = (int) hash & (HASHES.length - 1); HASHES[slot] != 0; slot = slot + 1 & (HASHES.length - 1)) {
            if (HASHES[slot] == hash) {
                String word = WORDS_BY_SLOT[slot];
                return word.length() == length ? word : null;
            }
        }
        return null;
    }
}
