package org.feedmerge.conformance;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset an XML document served over HTTP has under RFC 3023 (feedparser's rule:
 * {@code text/*} without a charset parameter is US-ASCII, whatever the document says) and under
 * RFC 7303 (which replaced it: a BOM wins, then the charset parameter, then the XML declaration,
 * then UTF-8). The corpus README asks to count the documents where the two differ. Pure.
 */
final class CharsetRules {
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?\\s*([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /** What each RFC makes of the document, normalised to the JDK's canonical charset names. */
    record Choice(String rfc3023, String rfc7303) {
        /** The two charsets decode the body to different text (for pure ASCII, us-ascii and utf-8 agree). */
        boolean decodeDifferently(byte[] body) {
            return !decode(body, rfc3023).equals(decode(body, rfc7303));
        }
    }

    /** The body decoded with the named charset; a charset the JDK lacks decodes to a marker. */
    private static String decode(byte[] body, String charset) {
        try {
            return new String(body, Charset.forName(charset));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return "(unsupported charset " + charset + ")";
        }
    }

    private CharsetRules() {
    }

    /** Empty when the Content-Type is not an XML media type (neither RFC then applies). */
    static Optional<Choice> of(String contentType, byte[] body) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!isXml(mediaType)) {
            return Optional.empty();
        }
        String parameter = parameter(contentType);
        String bom = byteOrderMark(body);
        String inDocument = bom != null ? bom : declared(body);
        String rfc3023 = parameter != null ? parameter : mediaType.startsWith("text/") ? "us-ascii" : orUtf8(inDocument);
        String rfc7303 = bom != null ? bom : parameter != null ? parameter : orUtf8(inDocument);
        return Optional.of(new Choice(canonical(rfc3023), canonical(rfc7303)));
    }

    private static boolean isXml(String mediaType) {
        return mediaType.equals("text/xml") || mediaType.equals("application/xml") || mediaType.endsWith("+xml")
                || mediaType.endsWith("/xml-external-parsed-entity");
    }

    private static String parameter(String contentType) {
        Matcher charset = CHARSET.matcher(contentType);
        return charset.find() ? charset.group(1) : null;
    }

    private static String byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return "utf-8";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return "utf-16be";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return "utf-16le";
        }
        return null;
    }

    private static String declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1).stripLeading();
        Matcher declaration = DECLARED.matcher(head);
        return declaration.find() ? declaration.group(1) : null;
    }

    private static String orUtf8(String charset) {
        return charset != null ? charset : "utf-8";
    }

    private static String canonical(String name) {
        try {
            return Charset.forName(name).name().toLowerCase(Locale.ROOT);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
