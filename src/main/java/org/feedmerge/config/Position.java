package org.feedmerge.config;

/** A 1-based place in the config file; line 0 means the file as a whole. */
record Position(int line, int column) {
    static final Position WHOLE_FILE = new Position(0, 0);
    static final Position START = new Position(1, 1);
}
