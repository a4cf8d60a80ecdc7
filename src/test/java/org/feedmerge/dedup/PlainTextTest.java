package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void visibleTextWithoutTagsScriptsStylesAndComments() {
        assertThat(PlainText.of("<p>One&nbsp;<b>two</b></p><script>var x = '<p>';</script><style>p{}</style>"
                + "<!-- <p>hidden</p> -->\n<p>three &amp; four</p>")).isEqualTo("One two three & four");
        assertThat(PlainText.of(null)).isEmpty();
        assertThat(PlainText.of("plain  text ")).isEqualTo("plain text");
        assertThat(PlainText.of("unclosed <b")).isEqualTo("unclosed");
    }

    @Test
    void rawHtmlIsReadAsAnHtmlParserReadsIt() {
        assertThat(PlainText.of("<p>if a < b and x<5 then 3 <= 4</p>")).isEqualTo("if a < b and x<5 then 3 <= 4");
        assertThat(PlainText.of("<a title=\"a > b\" href='x>y'>link</a> after")).isEqualTo("link after");
        assertThat(PlainText.of("before<IFRAME src=x>fallback <b>text</b></iframe>after")).isEqualTo("before after");
        assertThat(PlainText.of("a<noembed>x</noembed>b<noframes>y</noframes>c<xmp><p>z</xmp>d")).isEqualTo("a b c d");
        assertThat(PlainText.of("<SCRIPT>var s = '</b>';</SCRIPT>shown")).isEqualTo("shown");
        assertThat(PlainText.of("kept <a title=\"never closed>lost")).isEqualTo("kept");
        assertThat(PlainText.of("ends with <")).isEqualTo("ends with <");
        assertThat(PlainText.of("</iframe>closing tags hide nothing")).isEqualTo("closing tags hide nothing");
    }

    @Test
    void wordsAreLowerCaseWithoutAccentsApostrophesOrPunctuation() {
        assertThat(PlainText.words("Ukraine’s Zelenskyy: “Not everyone is ready”, Éric's café — 35 leaders!"))
                .containsExactly("ukraines", "zelenskyy", "not", "everyone", "is", "ready", "erics", "cafe", "35", "leaders");
    }

    @Test
    void foldingEveryCharacterIsNfkdWithoutCombiningMarks() {
        for (char c = 0x80; c < 0xFFFF; c++) {
            if (!Character.isSurrogate(c)) {
                String text = "a" + c + "b";
                assertThat(PlainText.fold(text)).as("U+%04X", (int) c).isEqualTo(reference(text));
            }
        }
        assertThat(PlainText.fold("\uD835\uDC00 \uD83D\uDE00")).isEqualTo(reference("\uD835\uDC00 \uD83D\uDE00"));
    }

    @Test
    void foldingMixedTextIsNfkdWithoutCombiningMarks() {
        Random random = new Random(42);
        String pool = "aZ09 ,.’“”—…ÉéçñÅØßİıΣσςﬁﬂ①Ｆｕｌｌ\u0301\u0308\u0327한국어日本語ÆŒĲǅ";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            assertThat(PlainText.fold(text.toString())).isEqualTo(reference(text.toString()));
        }
    }

    @Test
    void collapsingWhiteSpaceKeepsSingleSpacesAndTurnsOtherSpacesIntoThem() {
        assertThat(PlainText.collapseWhitespace("a b")).isEqualTo("a b");
        assertThat(PlainText.collapseWhitespace("  a \t\n b\u00a0\u2003c  ")).isEqualTo("a b c");
        assertThat(PlainText.collapseWhitespace("a\nb")).isEqualTo("a b");
        assertThat(PlainText.collapseWhitespace("   ")).isEmpty();
        assertThat(PlainText.collapseWhitespace("")).isEmpty();
    }

    /** The definition: whole-string NFKD after lower-casing, then every combining mark deleted. */
    private static String reference(String text) {
        return Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "");
    }
}
