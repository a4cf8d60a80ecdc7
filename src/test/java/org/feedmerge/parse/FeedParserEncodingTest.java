package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoding precedence in the package documentation and docs/parsing.md: BOM, then the HTTP
 * charset, then the XML declaration, then UTF-8 (RFC 7303), with the bytes deciding between UTF-8
 * and the windows-1252 family.
 */
class FeedParserEncodingTest {

    static Stream<Arguments> encodings() {
        return Stream.of(
                arguments("iso-8859-1.xml", "text/xml", "Café crème"),
                arguments("iso-8859-1.xml", null, "Café crème"),
                arguments("iso-8859-1.xml", "text/xml; charset=utf-8", "Café crème"),
                arguments("utf-8-bom.xml", "application/rss+xml", "BOM ✓ naïve 日本"),
                arguments("utf-8-bom.xml", "text/xml; charset=iso-8859-1", "BOM ✓ naïve 日本"),
                arguments("utf-8-bom-stale-declaration.xml", "text/xml", "BOM says UTF-8: naïve"),
                arguments("utf-16le-bom.xml", "text/xml", "UTF-16 été"),
                arguments("utf-16le-bom.xml", "text/xml; charset=utf-8", "UTF-16 été"),
                arguments("utf-16be-no-bom.xml", null, "UTF-16BE without BOM: été"),
                arguments("utf-32le-bom.xml", "text/xml", "UTF-32LE with BOM: été"),
                arguments("windows-1252-http-charset.xml", "text/xml; charset=windows-1252", "“Smart” quotes – €5"),
                arguments("windows-1252-http-charset.xml", "application/rss+xml; charset=\"Windows-1252\"",
                        "“Smart” quotes – €5"),
                arguments("windows-1252-http-charset.xml", "text/xml; charset=ISO-8859-1", "“Smart” quotes – €5"),
                arguments("windows-1252-http-charset.xml", null, "“Smart” quotes – €5"),
                arguments("utf-8-no-declaration.xml", "text/xml", "No declaration: été ✓"),
                arguments("utf-8-no-declaration.xml", "text/html", "No declaration: été ✓"),
                arguments("undeclared-windows-1252.xml", null, "Café “quoted” €5"),
                arguments("undeclared-windows-1252.xml", "application/rss+xml; charset=utf-8", "Café “quoted” €5"),
                arguments("utf-8-with-stray-windows-1252-bytes.xml", null, "UTF-8 naïve and cp1252 “pasted”"),
                arguments("utf-8-body-http-says-iso-8859-1.xml", "text/xml; charset=iso-8859-1", "UTF-8 body été ✓"),
                arguments("latin-1-body-declared-utf-8.xml", "text/xml", "Declared UTF-8, really Latin-1: été"),
                arguments("ascii-body-declared-utf-16.xml", null, "Declared UTF-16, really UTF-8: été"),
                arguments("koi8-r-declared.xml", "text/xml", "Привет"),
                arguments("koi8-r-declared.xml", "text/xml; charset=koi8-r", "Привет"),
                arguments("gb2312-declared-gb18030-chars.xml", null, "中文 镕"),
                arguments("unsupported-encoding.xml", "text/xml", "tlhIngan"),
                arguments("unsupported-encoding.xml", "text/xml; charset=x-unknown", "tlhIngan"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource
    void encodings(String fixture, String contentType, String title) throws Exception {
        ParsedFeed feed = new FeedParser().parse(Fixtures.bytes(fixture), contentType, Fixtures.FEED_URL);

        assertThat(feed.title()).isEqualTo(title);
    }
}
