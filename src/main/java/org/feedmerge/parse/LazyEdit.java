package org.feedmerge.parse;

/**
 * Edits to a String, made in increasing order of position, that copy it only once the first edit
 * is made: a text that needs none comes back as the same instance.
 */
final class LazyEdit {
    private final String original;
    private StringBuilder out;
    private int copied;

    LazyEdit(String original) {
        this.original = original;
    }

    /** Replaces {@code [from, to)}, which must start at or after the end of the previous edit. */
    void replace(int from, int to, String replacement) {
        if (from == to && replacement.isEmpty()) {
            return;
        }
        if (out == null) {
            out = new StringBuilder(original.length() + 64);
        }
        out.append(original, copied, from).append(replacement);
        copied = to;
    }

    void drop(int from, int to) {
        replace(from, to, "");
    }

    String result() {
        if (out == null) {
            return original;
        }
        return out.append(original, copied, original.length()).toString();
    }
}
