package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link WordHashes} must give exactly what hashing {@link PlainText#words} one by one gives: stored fingerprints depend on it. */
class WordHashesTest {

    @Test
    void sameAsHashingEachWordOnTrickyText() {
        List<String> texts = List.of(
                "Ukraine’s Zelenskyy: “Not everyone is ready”, Éric's café — 35 leaders!",
                "'leading apostrophe and trailing' '' ’ ʼ x'", "İstanbul ΟΔΟΣ Σ σ ς", "ﬁnal … ½ ① Ｆｕｌｌ",
                "cafe\u0301 re\u0308sume\u0301", "\uD835\uDC00 \uD83D\uDE00 \uD801\uDC00bc", "Kelvin \u212A and Å",
                "한국어 日本語 ÆŒĲǅ", "a b c d e f g h", "", " ", "THE of And");
        for (String text : texts) {
            for (int limit : new int[] {1, 2, 3, 400}) {
                assertSameAsReference(text, limit);
            }
        }
    }

    @Test
    void sameAsHashingEachWordOnRandomText() {
        Random random = new Random(7);
        String pool = "aZ09 ,.'’ʼ“”—…ÉéçñÅØßİıΣσςﬁﬂ①½Ｆｕｌｌ\u0301\u0308\u0327한국日本ÆŒĲǅ\u212A\u00a0\t\n";
        String[] stopWords = {" the ", " of ", " and ", " The ", " OF ", " would ", " wouldn't "};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(pool.length() + 4);
                if (pick < pool.length()) {
                    text.append(pool.charAt(pick));
                } else if (pick == pool.length()) {
                    text.append(Character.toChars(0x1F600 + random.nextInt(40)));
                } else {
                    text.append(stopWords[random.nextInt(stopWords.length)]);
                }
            }
            assertSameAsReference(text.toString(), 1 + random.nextInt(60));
        }
    }

    /** U+FFFF is also the value that marks "folds into several chars" in WordHashes' table. */
    @Test
    void sameAsReferenceForTheSentinelChar() {
        assertSameAsReference("\uffff", 400);
        assertSameAsReference("abc \uffff def", 400);
    }

    /**
     * Words crafted so that their 64-bit FNV-1a hash equals a stop word's (found by a meet-in-the-middle
     * search in seconds): a feed could carry them, and they are not stop words.
     */
    @Test
    void sameStopWordFlagsForAWordCraftedToCollideWithAStopWord() {
        assertThat(Hashing.of("\u0287\u85e8\u3de3\u4526\u1288")).isEqualTo(Hashing.of("as"));
        assertSameAsReference("\u0287\u85e8\u3de3\u4526\u1288", 400);
        assertSameAsReference("the of \u0850\u9061\u9c60\u4b26\u08aa", 400); // collides with "and"
    }

    private static void assertSameAsReference(String text, int limit) {
        List<String> all = PlainText.words(text);
        List<String> words = all.subList(0, Math.min(limit, all.size()));
        WordHashes hashes = WordHashes.of(text, limit);
        assertThat(hashes.count()).as("words of %s", text).isEqualTo(words.size());
        for (int i = 0; i < words.size(); i++) {
            assertThat(hashes.hash(i)).as("hash of '%s' in %s", words.get(i), text).isEqualTo(Hashing.of(words.get(i)));
            assertThat(hashes.isStopWord(i)).as("stop word '%s' in %s", words.get(i), text)
                    .isEqualTo(StopWords.contains(words.get(i)));
        }
    }

    @Test
    void radixSortOrdersLikeArraysSort() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            int[] values = random.ints(64 + random.nextInt(400), -1000, 1000).toArray(); // with repeats
            if (round % 2 == 0) {
                values = random.ints(64 + random.nextInt(400)).toArray();
            }
            values[0] = Integer.MIN_VALUE;
            values[1] = Integer.MAX_VALUE;
            values[2] = -1;
            values[3] = 0;
            int[] expected = values.clone();
            Arrays.sort(expected);
            StoryFingerprint.radixSort(values);
            assertThat(values).isEqualTo(expected);
        }
    }
}
