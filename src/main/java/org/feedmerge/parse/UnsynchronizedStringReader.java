package org.feedmerge.parse;

import java.io.Reader;

/**
 * A {@link Reader} over a String without {@link java.io.StringReader}'s per-call lock: Rome's
 * healer calls {@link #read()} once per character, and the lock is most of that cost. Confined to
 * one parse on one thread.
 */
final class UnsynchronizedStringReader extends Reader {
    private final String text;
    private int position;

    UnsynchronizedStringReader(String text) {
        this.text = text;
    }

    @Override
    public int read() {
        return position < text.length() ? text.charAt(position++) : -1;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= text.length()) {
            return -1;
        }
        int count = Math.min(length, text.length() - position);
        text.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
