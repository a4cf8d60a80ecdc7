package org.feedmerge.parse;

/** Character classes and prolog constructs of XML 1.0, for the text-level repairs. */
final class Prolog {
    private Prolog() {
    }

    /** XML 1.0 §2.3 S. */
    static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** A simplification of XML 1.0 §2.3 NameStartChar that is right for every real feed. */
    static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    /** XML 1.0 §2.2 Char. */
    static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** The index just past the next {@code close} at or after {@code from}, or -1. */
    static int skipPast(String text, int from, String close) {
        int at = text.indexOf(close, from);
        return at < 0 ? -1 : at + close.length();
    }

    /** The index just past a {@code <!DOCTYPE …>} starting at {@code start}, internal subset included, or -1. */
    static int doctypeEnd(String text, int start) {
        for (int i = start + 9; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c == '[') {
                return internalSubsetEnd(text, i + 1);
            }
        }
        return -1;
    }

    /** The first {@code ]} followed, after optional whitespace, by {@code >}. */
    private static int internalSubsetEnd(String text, int from) {
        for (int close = text.indexOf(']', from); close >= 0; close = text.indexOf(']', close + 1)) {
            int i = close + 1;
            while (i < text.length() && isXmlSpace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Where the root element's start tag begins in a well-formed prolog, or -1. */
    static int rootElementStart(String text) {
        int i = 0;
        while (i >= 0 && i < text.length()) {
            i = text.indexOf('<', i);
            if (i < 0 || i + 1 >= text.length()) {
                return -1;
            }
            if (isNameStart(text.charAt(i + 1))) {
                return i;
            }
            if (text.startsWith("<!--", i)) {
                i = skipPast(text, i + 4, "-->");
            } else if (text.startsWith("<?", i)) {
                i = skipPast(text, i + 2, "?>");
            } else if (text.startsWith("<!DOCTYPE", i)) {
                i = doctypeEnd(text, i);
            } else {
                i++;
            }
        }
        return -1;
    }
}
