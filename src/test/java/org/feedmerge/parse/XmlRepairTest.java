package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each repair, on the smallest text that needs it; well-formed text comes back as the same instance. */
class XmlRepairTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // prolog
            "`  <?xml version=\"1.0\"?><r/>`                  | <?xml version=\"1.0\"?><r/>",
            "<!-- c --><?xml version='1.0'?><r/>             | <?xml version='1.0'?><r/>",
            "junk<?xml version='1.0'?><r/>                   | <?xml version='1.0'?><r/>",
            "\uFEFF\uFEFF<r/>                                | <r/>",
            "<?xml version='1.0'?>junk <!-- c -->more<r/>    | <?xml version='1.0'?><!-- c --><r/>",
            "<?xml version='1.0'?><?xml version='1.0'?><r/>  | <?xml version='1.0'?><r/>",
            "<br /><b>Warning</b>: x<rss version='2.0'/>     | <rss version='2.0'/>",
            "<?xml-stylesheet href='s.xsl'?><r/>             | <?xml-stylesheet href='s.xsl'?><r/>",
            // references
            "<r>&hellip;&nbsp;&mdash;</r>                    | <r>&#8230;&#160;&#8212;</r>",
            "<r>&NotEqualTilde;</r>                          | <r>&#8770;&#824;</r>",
            "<r>&amp;&lt;&gt;&quot;&apos;&#233;&#xE9;</r>    | <r>&amp;&lt;&gt;&quot;&apos;&#233;&#xE9;</r>",
            "<r>&#X41;</r>                                   | <r>&#65;</r>",
            "<r>Fish & Chips</r>                             | <r>Fish &amp; Chips</r>",
            "<r>&unknown; &#; &#x; &#12 &</r>                | <r>&amp;unknown; &amp;#; &amp;#x; &amp;#12 &amp;</r>",
            "<r a='?x=1&y=2'/>                               | <r a='?x=1&amp;y=2'/>",
            "<r>5 < 6 <= 7</r>                               | <r>5 &lt; 6 &lt;= 7</r>",
            "<r><![CDATA[&nbsp; & <]]></r>                   | <r><![CDATA[&nbsp; & <]]></r>",
            "<!DOCTYPE r [<!ENTITY e 'x'>]><r>&e;&nbsp;</r>  | <!DOCTYPE r [<!ENTITY e 'x'>]><r>&e;&#160;</r>",
            // characters
            "<r>a\u0001b\u000Bc\u001Fd</r>                   | <r>abcd</r>",
            "<r>&#1;&#x0;&#xFFFE;&#99999999;ok</r>           | <r>ok</r>",
            "<r><![CDATA[a\u0008b]]></r>                     | <r><![CDATA[ab]]></r>",
            "<r>don\u0092t &#147;q&#148;</r>                 | <r>don’t &#8220;q&#8221;</r>",
            "<r>\uFFFEx\uD800y</r>                           | <r>xy</r>"})
    void repair(String broken, String repaired) {
        assertThat(XmlRepair.repair(broken)).isEqualTo(repaired);
    }

    @Test
    void wellFormedTextIsReturnedWithoutACopy() {
        String text = "<?xml version=\"1.0\"?>\n<!-- c --><rss><t>a &amp; b &#233; é 😀\t\r\n</t><![CDATA[&x]]></rss>";

        assertThat(XmlRepair.repair(text)).isSameAs(text);
    }
}
