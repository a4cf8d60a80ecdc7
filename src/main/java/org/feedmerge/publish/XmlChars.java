package org.feedmerge.publish;

/**
 * The character rule of XML 1.0 (§2.2 {@code Char}): text copied from feeds may carry control
 * characters, unpaired surrogates or U+FFFE/U+FFFF, none of which may appear in an XML document,
 * escaped or not. They are dropped rather than replaced, as they carry no meaning.
 */
final class XmlChars {

    private XmlChars() {
    }

    /** {@code text} without the characters XML 1.0 forbids; the same instance when it has none. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        int first = firstIllegal(text);
        return first < 0 ? text : strip(text, first);
    }

    /** {@code Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]}. */
    static boolean isLegal(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    private static int firstIllegal(String text) {
        for (int i = 0; i < text.length(); ) {
            // codePointAt returns a lone surrogate as itself, which isLegal rejects.
            int codePoint = text.codePointAt(i);
            if (!isLegal(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    private static String strip(String text, int from) {
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, from);
        for (int i = from; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isLegal(codePoint)) {
                kept.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }
}
