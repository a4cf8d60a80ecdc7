package org.feedmerge.conformance;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Whether a source document declares an entry's summary or content as plain text (Atom
 * {@code type="text"}, Atom 0.3 {@code type="text/plain"}). feedparser then returns that text as
 * it is, not as HTML, so its expectation is compared with the text our HTML shows.
 */
final class PlainText {
    private static final Pattern SUMMARY = typed("summary");
    private static final Pattern CONTENT = typed("content");

    private PlainText() {
    }

    private static Pattern typed(String element) {
        return Pattern.compile("<(?:\\w+:)?" + element + "\\b[^>]*\\btype\\s*=\\s*[\"'](?:text|text/plain)[\"']");
    }

    static boolean declaredFor(Republished.Field field, byte[] source) {
        Pattern declaration = switch (field) {
            case SUMMARY -> SUMMARY;
            case CONTENT -> CONTENT;
            default -> null;
        };
        return declaration != null && declaration.matcher(new String(source, StandardCharsets.ISO_8859_1)).find();
    }
}
