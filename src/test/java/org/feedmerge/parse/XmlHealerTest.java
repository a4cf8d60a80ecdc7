package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The healer is skipped only when it would change nothing. */
class XmlHealerTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "<rss><t>a &amp; b &lt; &gt; &quot; &apos;</t></rss> | false",
            "<rss><t>&#233; &#xE9; &#x1F600;</t></rss>              | false",
            "<?xml version='1.0'?><rss/>                         | false",
            "' <?xml version=\"1.0\"?><rss/>'                    | true",
            "<!-- c --><?xml version='1.0'?><rss/>               | true",
            "<rss><t>&nbsp;</t></rss>                            | true",
            "<rss><t>Fish & Chips</t></rss>                      | true",
            "<rss><t>&#;</t></rss>                               | true",
            "<rss><t>trailing &</t></rss>                        | true"})
    void needsHealing(String text, boolean expected) {
        assertThat(XmlHealer.needsHealing(text)).isEqualTo(expected);
    }
}
