package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which rule picks the charset, on small byte strings. */
class BodyDecoderTest {
    private static final String DECLARED_LATIN_1 = "<?xml version='1.0' encoding='iso-8859-1'?><a>é</a>";
    private static final String DECLARED_UTF_8 = "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>é</a>";
    private static final String UNDECLARED = "<a>é</a>";

    static Stream<Arguments> rules() {
        return Stream.of(
                arguments(bom(DECLARED_LATIN_1), "text/xml; charset=iso-8859-1", "byte order mark", "UTF-8"),
                arguments(latin1(DECLARED_LATIN_1), "text/xml; charset=koi8-r", "HTTP charset", "KOI8-R"),
                arguments(latin1(DECLARED_LATIN_1), "text/xml", "XML declaration", "windows-1252"),
                arguments(latin1(DECLARED_LATIN_1), null, "XML declaration", "windows-1252"),
                arguments(utf8(UNDECLARED), null, "default UTF-8", "UTF-8"),
                arguments(utf8(UNDECLARED), "text/xml", "default UTF-8", "UTF-8"),
                arguments(latin1(UNDECLARED), "text/xml",
                        "default UTF-8, windows-1252 for bytes that are not UTF-8", "windows-1252"),
                arguments(latin1(DECLARED_LATIN_1), "text/xml; charset=utf-8",
                        "XML declaration (bytes are not the UTF-8 HTTP said)", "windows-1252"),
                arguments(utf8(DECLARED_UTF_8), "text/xml; charset=iso-8859-1",
                        "valid UTF-8 over a windows-1252 label", "UTF-8"),
                arguments(utf8(UNDECLARED), "text/xml; charset=us-ascii", "valid UTF-8 over a windows-1252 label", "UTF-8"),
                arguments(latin1(DECLARED_UTF_8), null,
                        "XML declaration, windows-1252 for bytes that are not UTF-8", "windows-1252"),
                arguments("{\"x\":\"<?xml version='1.0' encoding='koi8-r'?>é\"}".getBytes(StandardCharsets.UTF_8), null,
                        "default UTF-8", "UTF-8"),
                arguments(DECLARED_UTF_8.replace("utf-8", "x-klingon").getBytes(StandardCharsets.UTF_8),
                        "text/xml; charset=bogus", "default UTF-8", "UTF-8"),
                arguments(UNDECLARED.getBytes(StandardCharsets.UTF_16BE), "text/xml; charset=utf-8",
                        "UTF-16/32 byte pattern", "UTF-16BE"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource
    void rules(byte[] body, String contentType, String rule, String charset) {
        BodyDecoder.Decoded decoded = BodyDecoder.decode(body, contentType);

        assertThat(decoded.rule()).isEqualTo(rule);
        assertThat(decoded.charset().name()).isEqualTo(charset);
        assertThat(decoded.text()).contains(charset.equals("KOI8-R") ? "И" : "é")
                .doesNotContain("\uFFFD").doesNotStartWith("\uFEFF");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            "text/xml                          | NULL",
            "text/xml; charset=utf-8           | utf-8",
            "text/xml;charset= \"us-ascii\"    | us-ascii",
            "text/xml;charset = us-ascii       | us-ascii",
            "application/atom+xml;charset='us-ascii' | us-ascii",
            "text/xml; qs=0.9                  | NULL",
            "text/html; CHARSET=Windows-1252; x=y | Windows-1252"})
    void httpLabel(String contentType, String label) {
        assertThat(CharsetLabels.httpLabel(contentType)).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "41, true", "c3a9, true", "e282ac, true", "f09f9880, true", "efbfbd, true",
            "c3, false", "c0af, false", "c1bf, false", "e080af, false", "eda080, false", "f4908080, false",
            "f5808080, false", "80, false", "e282, false", "41c341, false", "ff, false"})
    void utf8Validity(String hex, boolean valid) {
        assertThat(BodyDecoder.isValidUtf8(java.util.HexFormat.of().parseHex(hex), 0)).isEqualTo(valid);
    }

    private static byte[] bom(String text) {
        byte[] utf8 = utf8(text);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        return withBom;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
