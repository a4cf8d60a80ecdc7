package org.feedmerge.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * IRIs (RFC 3987) as Atom needs them: {@code atom:id} must be an absolute IRI (RFC 4287 §4.2.6)
 * and {@code href} values IRI references. Entry ids arrive as arbitrary guid strings, so those that
 * are not absolute IRIs are mapped, deterministically and injectively, into a URN.
 */
final class Iris {

    /** Prefix of ids derived from a guid that is not an absolute IRI. */
    static final String DERIVED_ID_PREFIX = "urn:feedmerge:id:";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Iris() {
    }

    /** True when {@code text} is an absolute IRI: an absolute URI whose non-ASCII characters are {@code ucschar}. */
    static boolean isAbsolute(String text) {
        if (text == null || text.isEmpty() || !hasOnlyIriCharacters(text)) {
            return false;
        }
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code publicId} itself when an absolute IRI, else {@code urn:feedmerge:id:} and its percent-encoded UTF-8. */
    static String atomId(String publicId) {
        return isAbsolute(publicId) ? publicId : DERIVED_ID_PREFIX + percentEncode(publicId);
    }

    /** Every UTF-8 byte except RFC 3986 {@code unreserved} as {@code %XX}: the result is plain ASCII. */
    static String percentEncode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(utf8.length * 3);
        for (byte b : utf8) {
            int octet = b & 0xFF;
            if (isUnreserved(octet)) {
                encoded.append((char) octet);
            } else {
                encoded.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** ASCII is left to java.net.URI's syntax check; other characters must be RFC 3987 {@code ucschar}. */
    private static boolean hasOnlyIriCharacters(String text) {
        return text.codePoints().allMatch(c -> c < 0x80 || isUcsChar(c));
    }

    private static boolean isUcsChar(int c) {
        if (c < 0x10000) {
            return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF);
        }
        // %x10000-1FFFD ... %xD0000-DFFFD and %xE1000-EFFFD: the last two code points of a plane are excluded.
        boolean planeEnd = (c & 0xFFFF) >= 0xFFFE;
        return !planeEnd && (c < 0xE0000 || (c >= 0xE1000 && c <= 0xEFFFD));
    }
}
