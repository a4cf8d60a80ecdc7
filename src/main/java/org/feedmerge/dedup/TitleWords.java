package org.feedmerge.dedup;

import java.util.HashSet;
import java.util.Set;

/** The content words of a headline: lower-case, accents and English stop words removed. */
final class TitleWords {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
            "its", "of", "on", "or", "over", "the", "to", "was", "were", "will", "with", "after", "amid",
            "new", "says", "say", "said", "into", "up", "out", "about", "than", "this", "that", "who", "what");

    private TitleWords() {
    }

    static Set<String> of(String title) {
        Set<String> words = new HashSet<>();
        for (String word : PlainText.words(title)) {
            if (!STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return Set.copyOf(words);
    }
}
