package org.feedmerge.parse;

import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.Reader;

/**
 * Rome's XML healer ({@link XmlFixerReader}), which {@code WireFeedInput} applies with
 * {@code xmlHealerOn}: it drops whitespace and comments before the prolog, rewrites HTML named
 * entities ({@code &nbsp;}) as character references and escapes stray {@code &}.
 *
 * <p>It reads one character at a time, which makes it the slowest stage on large feeds, so it is
 * applied only when the text contains something it would change. Text without such a thing parses
 * identically either way.
 */
final class XmlHealer {
    private static final String[] PREDEFINED_ENTITIES = {"amp;", "lt;", "gt;", "quot;", "apos;"};

    private XmlHealer() {
    }

    static Reader readerFor(String text) {
        Reader plain = new UnsynchronizedStringReader(text);
        return needsHealing(text) ? new XmlFixerReader(plain) : plain;
    }

    static boolean needsHealing(String text) {
        // The healer's prolog trimming only matters when the text does not start with markup,
        // or starts with a comment (which may not precede an XML declaration).
        if (text.isEmpty()) {
            return false;
        }
        if (text.charAt(0) != '<' || text.startsWith("<!--")) {
            return true;
        }
        for (int amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
            if (!isXmlReference(text, amp + 1)) {
                return true;
            }
        }
        return false;
    }

    /** XML 1.0 §4.1/§4.6: references that parse without any DTD. */
    private static boolean isXmlReference(String text, int afterAmp) {
        if (text.startsWith("#", afterAmp)) {
            return isCharacterReference(text, afterAmp + 1);
        }
        for (String entity : PREDEFINED_ENTITIES) {
            if (text.startsWith(entity, afterAmp)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCharacterReference(String text, int from) {
        boolean hex = text.startsWith("x", from);
        int i = hex ? from + 1 : from;
        int digitsStart = i;
        while (i < text.length() && Character.digit(text.charAt(i), hex ? 16 : 10) >= 0) {
            i++;
        }
        return i > digitsStart && i < text.length() && text.charAt(i) == ';';
    }
}
