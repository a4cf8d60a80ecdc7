package org.feedmerge.config;

/**
 * Human-readable text that ends up in the merged feed (titles, descriptions, tags). XML 1.0 cannot
 * carry most control characters, so they are refused here rather than breaking the output later.
 */
final class FreeText {
    private FreeText() {
    }

    /** Text with at least one visible character. */
    static Parsed<String> nonBlank(String text) {
        return text.isBlank() ? Parsed.bad("must not be empty") : xmlSafe(text);
    }

    /** Any text, possibly empty, without control characters other than tab and line breaks. */
    static Parsed<String> xmlSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Parsed.bad(String.format("contains the control character U+%04X at position %d", (int) c, i + 1));
            }
        }
        return Parsed.ok(text);
    }
}
