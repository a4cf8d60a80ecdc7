package org.feedmerge.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a fetched body to text. Never fails: what no label explains is read as UTF-8, with
 * windows-1252 for the bytes that are not UTF-8. The precedence (RFC 7303 order, with the bytes
 * arbitrating between UTF-8 and single-byte labels) is in the package documentation and
 * docs/parsing.md.
 */
final class BodyDecoder {
    private BodyDecoder() {
    }

    /** The text, the charset it was read with and the rule that chose it. */
    record Decoded(String text, Charset charset, String rule) {
    }

    static Decoded decode(byte[] body, String contentType) {
        Charset bom = CharsetLabels.byteOrderMark(body);
        if (bom != null) {
            return decodeAs(body, CharsetLabels.byteOrderMarkLength(bom), bom, "byte order mark");
        }
        Charset pattern = CharsetLabels.bytePattern(body);
        if (pattern != null) {
            return decodeAs(body, 0, pattern, "UTF-16/32 byte pattern");
        }
        Charset http = CharsetLabels.resolve(CharsetLabels.httpLabel(contentType), true);
        Charset declared = startsLikeJson(body) ? null : CharsetLabels.resolve(CharsetLabels.declaredLabel(body, 0), true);
        return decodeLabelled(body, http, declared);
    }

    /** RFC 7303 §3.2 order (HTTP charset, then declaration), with the bytes as referee for UTF-8. */
    private static Decoded decodeLabelled(byte[] body, Charset http, Charset declared) {
        Charset first = http != null ? http : declared;
        String firstRule = http != null ? "HTTP charset" : "XML declaration";
        if (first == null) {
            return decodeUtf8(body, 0, "default UTF-8");
        }
        if (CharsetLabels.isUtf8(first)) {
            boolean otherDeclared = declared != null && !CharsetLabels.isUtf8(declared);
            return otherDeclared && !isValidUtf8(body, 0)
                    ? decodeAs(body, 0, declared, "XML declaration (bytes are not the UTF-8 HTTP said)")
                    : decodeUtf8(body, 0, firstRule);
        }
        boolean utf8Named = CharsetLabels.isUtf8(declared);
        if ((utf8Named || first.equals(CharsetLabels.WINDOWS_1252)) && hasNonAscii(body) && isValidUtf8(body, 0)) {
            return validUtf8(body, 0, "valid UTF-8 over a " + first.name() + " label");
        }
        return decodeAs(body, 0, first, firstRule);
    }

    private static Decoded decodeAs(byte[] body, int offset, Charset charset, String rule) {
        if (CharsetLabels.isUtf8(charset)) {
            return decodeUtf8(body, offset, rule);
        }
        return new Decoded(new String(body, offset, body.length - offset, charset), charset, rule);
    }

    /**
     * UTF-8, reading each byte that is not part of a valid sequence as windows-1252: an undeclared
     * Latin-1 or cp1252 body, or a UTF-8 body with pasted-in cp1252, comes out readable instead of
     * as U+FFFD. The result's charset is windows-1252 when that happened.
     */
    private static Decoded decodeUtf8(byte[] body, int offset, String rule) {
        if (isValidUtf8(body, offset)) {
            return validUtf8(body, offset, rule); // the common case
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, offset, body.length - offset);
        CharBuffer out = CharBuffer.allocate(body.length - offset);
        boolean mixed = false;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                break;
            }
            out.put(CharsetLabels.windows1252(in.get() & 0xFF)); // ASCII is never malformed
            mixed = true;
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return mixed
                ? new Decoded(text, CharsetLabels.WINDOWS_1252, rule + ", windows-1252 for bytes that are not UTF-8")
                : new Decoded(text, StandardCharsets.UTF_8, rule);
    }

    /** One scan said valid: the JDK's own decoder, with no intermediate buffer. */
    private static Decoded validUtf8(byte[] body, int offset, String rule) {
        return new Decoded(new String(body, offset, body.length - offset, StandardCharsets.UTF_8), StandardCharsets.UTF_8, rule);
    }

    /** RFC 3629 §4 well-formedness: no overlongs, no surrogates, nothing above U+10FFFF. */
    static boolean isValidUtf8(byte[] b, int offset) {
        int i = offset;
        while (i < b.length) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int lead = b[i] & 0xFF;
            int trailing = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
                    : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
            if (trailing < 0 || i + trailing >= b.length || !validSecondByte(lead, b[i + 1] & 0xFF)) {
                return false;
            }
            for (int k = 2; k <= trailing; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += trailing + 1;
        }
        return true;
    }

    private static boolean validSecondByte(int lead, int second) {
        return switch (lead) {
            case 0xE0 -> second >= 0xA0 && second <= 0xBF;
            case 0xED -> second >= 0x80 && second <= 0x9F;
            case 0xF0 -> second >= 0x90 && second <= 0xBF;
            case 0xF4 -> second >= 0x80 && second <= 0x8F;
            default -> (second & 0xC0) == 0x80;
        };
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** JSON never carries an XML declaration; text inside its strings must not be read as one. */
    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }
}
