package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainText#collapseWhitespace} compacts a char array in place (8819431); before, it copied
 * {@code String.charAt} into a fresh array. Both must give the same text, and the same instance when
 * nothing changes, for every input: surrogates (paired or not), every char Java counts as white
 * space or a space char, runs at either end.
 */
class CollapseWhitespaceEquivalenceTest {

    /** Every BMP char that either version treats as white space, plus ones on either side of the tests. */
    private static final char[] ALPHABET = alphabet();

    @Test
    void everySingleCharCollapsesAsBefore() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = String.valueOf((char) c);
            assertSame(text);
            assertSame(" " + text + " ");
            assertSame("a" + text + text + "b");
        }
    }

    @Test
    void randomTextsCollapseAsBefore() {
        Random random = new Random(8819431);
        for (int i = 0; i < 300_000; i++) {
            int length = random.nextInt(24);
            StringBuilder text = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000)
                        : ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            assertSame(text.toString());
        }
    }

    private static void assertSame(String text) {
        String expected = previous(text);
        String actual = PlainText.collapseWhitespace(text);
        assertThat(actual).as(escape(text)).isEqualTo(expected);
        assertThat(actual == text).as("same instance: " + escape(text)).isEqualTo(expected == text);
    }

    private static char[] alphabet() {
        List<Character> chars = new ArrayList<>(List.of('a', 'b', 'Z', '1', '.', ' ', '\uD83D', '\uDE00', '\uDBFF',
                '\uDC00', '\u0085', '\u00A0', '\u200B', '\uFEFF', '\u180E'));
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                chars.add((char) c);
            }
        }
        char[] alphabet = new char[chars.size()];
        for (int i = 0; i < alphabet.length; i++) {
            alphabet[i] = chars.get(i);
        }
        return alphabet;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }

    /** PlainText.collapseWhitespace as of 8819431^, verbatim. */
    private static String previous(String text) {
        char[] out = new char[text.length()];
        int length = 0;
        boolean changed = false;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                pendingSpace = length > 0;
                continue;
            }
            if ((c < ' ' || c >= 0x80) && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                pendingSpace = length > 0;
                changed = true;
                continue;
            }
            if (pendingSpace) {
                out[length++] = ' ';
                pendingSpace = false;
            }
            out[length++] = c;
        }
        return changed || length != text.length() ? new String(out, 0, length) : text;
    }
}
