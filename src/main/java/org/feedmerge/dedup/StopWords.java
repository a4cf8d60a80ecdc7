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

    /** The {@link Hashing#of hashes} of the words in an open-addressing table, for {@link #containsWordOf}. */
    private static final long[] HASHES = hashTable();

    private StopWords() {
    }

    static boolean contains(String word) {
        return word.length() <= LONGEST && WORDS.contains(word);
    }

    /**
     * Whether a word, known by its length and {@link Hashing#of hash}, is a stop word. Two of the
     * 64-bit hashes are equal for different words with odds of about 2^-57 for this list.
     */
    static boolean containsWordOf(int length, long hash) {
        if (length > LONGEST) {
            return false;
        }
        for (int slot = (int) hash & (HASHES.length - 1); HASHES[slot] != 0; slot = slot + 1 & (HASHES.length - 1)) {
            if (HASHES[slot] == hash) {
                return true;
            }
        }
        return false;
    }

    /** Linear probing in a table at most an eighth full; 0 marks an empty slot (no word hashes to 0 here). */
    private static long[] hashTable() {
        long[] table = new long[Integer.highestOneBit(WORDS.size()) * 16];
        for (String word : WORDS) {
            long hash = Hashing.of(word);
            if (hash == 0) {
                throw new IllegalStateException("a stop word hashes to 0: " + word);
            }
            int slot = (int) hash & (table.length - 1);
            while (table[slot] != 0) {
                slot = slot + 1 & (table.length - 1);
            }
            table[slot] = hash;
        }
        return table;
    }
}
