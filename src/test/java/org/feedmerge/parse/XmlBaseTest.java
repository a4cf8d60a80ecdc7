package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlBaseTest {

    @ParameterizedTest(name = "{0} + \"{1}\"")
    @CsvSource(nullValues = "NULL", value = {
            "https://example.com/a/b.xml, c.html,              https://example.com/a/c.html",
            "https://example.com/a/b.xml, /c.html,             https://example.com/c.html",
            "https://example.com/a/b.xml, ../c.html,           https://example.com/c.html",
            "https://example.com/a/b.xml, //cdn.example/x,     https://cdn.example/x",
            "https://example.com/a/b.xml, #frag,               https://example.com/a/b.xml#frag",
            "https://example.com,         c.html,              https://example.com/c.html",
            "https://example.com/a/,      x y.html,            https://example.com/a/x%20y.html",
            "https://example.com/a/,      100%.html,           https://example.com/a/100%25.html",
            "https://example.com/a/,      mailto:me@example.com, mailto:me@example.com",
            "https://example.com/a/,      http://,             NULL",
            "https://example.com/a/,      '   ',               NULL",
            "NULL,                        relative.html,       NULL",
            "NULL,                        https://abs.example/, https://abs.example/",
            "urn:isbn:123,                relative.html,       NULL"})
    void resolve(String base, String reference, String expected) {
        URI baseUri = base == null ? null : URI.create(base);

        assertThat(XmlBase.resolve(baseUri, reference)).isEqualTo(expected == null ? null : URI.create(expected));
    }
}
