package org.feedmerge.parse;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes feed bytes to text. A byte order mark decides first; otherwise Rome's lenient
 * {@link XmlReader} picks the charset (XML declaration, then HTTP charset, then UTF-8). The
 * precedence and its reasons are in the package documentation.
 */
final class XmlTextDecoder {
    private static final String DEFAULT_ENCODING = "UTF-8";

    private XmlTextDecoder() {
    }

    static String decode(byte[] body, String contentType) throws FeedParseException {
        Charset bomCharset = charsetFromByteOrderMark(body);
        if (bomCharset != null) {
            int bomLength = bomCharset.equals(StandardCharsets.UTF_8) ? 3 : 2;
            return new String(body, bomLength, body.length - bomLength, bomCharset);
        }
        return new String(body, detectCharset(body, contentType));
    }

    private static Charset charsetFromByteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Rome only sniffs the prolog (at most 4 KB); the bulk decode is done by String. */
    private static Charset detectCharset(byte[] body, String contentType) throws FeedParseException {
        try (XmlReader reader = openXmlReader(body, contentType)) {
            return Charset.forName(reader.getEncoding());
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            throw new FeedParseException("unsupported character encoding: " + OneLine.of(e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw new FeedParseException("cannot decode document: " + OneLine.of(e.getMessage()), e);
        }
    }

    private static XmlReader openXmlReader(byte[] body, String contentType) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        // Without a Content-Type Rome's HTTP rules have nothing to work with; its raw-stream rules
        // (BOM, declaration, default) are the right ones then.
        return contentType == null
                ? new XmlReader(in, true, DEFAULT_ENCODING)
                : new XmlReader(in, contentType, true, DEFAULT_ENCODING);
    }
}
