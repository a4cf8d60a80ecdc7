package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitizedHtmlTest {

    private static final String BASE = "https://site.example/posts/1/";
    private final SanitizedHtml html = new SanitizedHtml();

    @Test
    void htmlIsSanitisedAgainstItsBase() {
        html.startRender();

        assertThat(html.clean("<p onclick=\"x()\">Hi <a href=\"../two\">two</a><script>x()</script></p>", BASE))
                .isEqualTo("<p>Hi <a href=\"https://site.example/posts/two\">two</a></p>");
        assertThat(html.clean("<a href=\"rel\">kept as text</a>", "not a :: uri")).isEqualTo("<a>kept as text</a>");
        assertThat(html.clean("<script>x()</script>", BASE)).isEmpty();
        assertThat(html.clean(null, BASE)).isNull();
    }

    @Test
    void theNextRenderReusesWhatTheLastOneSanitised() {
        html.startRender();
        String first = html.clean(new String("<p>Same <b>entry</b></p>"), BASE);

        html.startRender();
        String again = html.clean(new String("<p>Same <b>entry</b></p>"), BASE);

        assertThat(again).isEqualTo("<p>Same <b>entry</b></p>").isSameAs(first);
    }

    @Test
    void whatARenderDidNotUseIsForgottenAtTheNext() {
        html.startRender();
        String first = html.clean("<p>Old <b>entry</b></p>", BASE);
        html.startRender(); // this render shows other entries only
        html.startRender();

        assertThat(html.clean("<p>Old <b>entry</b></p>", BASE)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void theSameHtmlUnderAnotherBaseIsSanitisedAgain() {
        html.startRender();
        String here = html.clean("<a href=\"x\">x</a>", BASE);
        String there = html.clean("<a href=\"x\">x</a>", "https://other.example/");

        assertThat(here).isEqualTo("<a href=\"https://site.example/posts/1/x\">x</a>");
        assertThat(there).isEqualTo("<a href=\"https://other.example/x\">x</a>");
    }
}
