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

    private StopWords() {
    }

    static boolean contains(String word) {
        return word.length() <= LONGEST && WORDS.contains(word);
    }
}
