package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextConstructTest {

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "NULL                  | a <b> c                     | a <b> c",
            "text                  | '  two   words\n here '      | two words here",
            "html                  | <p>Tom &amp; <b>Jerry</b></p> | Tom & Jerry",
            "html                  | AT&T 5 < 6                  | AT&T 5 < 6",
            "xhtml                 | <div><i>x</i> y</div>       | x y",
            "text/html; charset=x  | <b>b</b>                    | b",
            "image/png             | iVBORw0KGgo=                | NULL",
            "html                  | '<p>  </p>'                 | NULL"})
    void toPlainText(String type, String value, String expected) {
        assertThat(TextConstruct.toPlainText(type, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "text                  | 1 < 2 & 3                   | 1 &lt; 2 &amp; 3",
            "html                  | ' <p>kept <b>as is</b></p> ' | <p>kept <b>as is</b></p>",
            "application/xhtml+xml | <div>x</div>                | <div>x</div>",
            "text/markdown         | *x* <y>                     | *x* &lt;y&gt;",
            "application/octet-stream | AAAA                     | NULL",
            "html                  | '   '                       | NULL"})
    void toHtml(String type, String value, String expected) {
        assertThat(TextConstruct.toHtml(type, value)).isEqualTo(expected);
    }
}
