package org.feedmerge.config;

/**
 * Where a node sits in the tree, twice: as a JSON-Pointer-like id that is unique per node (used
 * to index positions) and as the dotted path shown to admins, e.g. {@code feeds[2].interval}.
 */
record NodePath(String pointer, String dotted) {
    static final NodePath ROOT = new NodePath("", "");

    NodePath property(String key) {
        // RFC 6901 escaping keeps a key like "a/b" from colliding with the path a -> b.
        String escaped = key.replace("~", "~0").replace("/", "~1");
        return new NodePath(pointer + "/" + escaped, dotted.isEmpty() ? key : dotted + "." + key);
    }

    NodePath index(int index) {
        return new NodePath(pointer + "/" + index, dotted + "[" + index + "]");
    }

    /** The dotted path, or {@code (root)} for the document itself. */
    String display() {
        return dotted.isEmpty() ? "(root)" : dotted;
    }
}
