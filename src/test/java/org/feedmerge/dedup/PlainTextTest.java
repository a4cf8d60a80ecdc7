package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

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
    void wordsAreLowerCaseWithoutAccentsApostrophesOrPunctuation() {
        assertThat(PlainText.words("Ukraine’s Zelenskyy: “Not everyone is ready”, Éric's café — 35 leaders!"))
                .containsExactly("ukraines", "zelenskyy", "not", "everyone", "is", "ready", "erics", "cafe", "35", "leaders");
    }
}
