package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The encoding precedence in the package documentation: BOM, then declaration, then HTTP charset, then UTF-8. */
class FeedParserEncodingTest {

    static Stream<Arguments> encodings() {
        return Stream.of(
                arguments("iso-8859-1.xml", "text/xml", "Café crème"),
                arguments("iso-8859-1.xml", null, "Café crème"),
                arguments("iso-8859-1.xml", "text/xml; charset=utf-8", "Café crème"),
                arguments("utf-8-bom.xml", "application/rss+xml", "BOM ✓ naïve 日本"),
                arguments("utf-8-bom.xml", null, "BOM ✓ naïve 日本"),
                arguments("utf-8-bom-stale-declaration.xml", "text/xml", "BOM says UTF-8: naïve"),
                arguments("utf-16le-bom.xml", "text/xml", "UTF-16 été"),
                arguments("windows-1252-http-charset.xml", "text/xml; charset=windows-1252", "“Smart” quotes – €5"),
                arguments("windows-1252-http-charset.xml", "application/rss+xml; charset=\"Windows-1252\"",
                        "“Smart” quotes – €5"),
                arguments("utf-8-no-declaration.xml", "text/xml", "No declaration: été ✓"),
                arguments("utf-8-no-declaration.xml", "text/html", "No declaration: été ✓"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource
    void encodings(String fixture, String contentType, String title) throws Exception {
        ParsedFeed feed = new FeedParser().parse(Fixtures.bytes(fixture), contentType, Fixtures.FEED_URL);

        assertThat(feed.title()).isEqualTo(title);
    }
}
