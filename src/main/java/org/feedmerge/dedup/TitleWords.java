package org.feedmerge.dedup;

import java.util.HashSet;
import java.util.Set;

/** The content words of a headline: lower-case, accents and English stop words removed. */
final class TitleWords {

    private TitleWords() {
    }

    static Set<String> of(String title) {
        Set<String> words = new HashSet<>();
        for (String word : PlainText.words(title)) {
            if (!StopWords.contains(word)) {
                words.add(word);
            }
        }
        return Set.copyOf(words);
    }
}
