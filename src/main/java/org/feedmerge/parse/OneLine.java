package org.feedmerge.parse;

/** Squeezes parser messages into the one-line reasons {@link FeedParseException} promises. */
final class OneLine {
    private static final int MAX_LENGTH = 240;

    private OneLine() {
    }

    static String of(String message) {
        if (message == null || message.isBlank()) {
            return "(no detail)";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
    }

    static String of(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : of(t.getMessage());
    }
}
