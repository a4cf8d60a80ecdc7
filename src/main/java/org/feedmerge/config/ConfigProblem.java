package org.feedmerge.config;

import java.util.Objects;

/**
 * One thing wrong with a config file, located precisely enough for an admin to fix it.
 *
 * @param file    the config file as given
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param key     dotted path of the offending key, e.g. {@code feeds[2].interval}
 * @param message what is wrong, in plain words
 */
public record ConfigProblem(String file, int line, int column, String key, String message) {
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: key: message}, the format compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + key + ": " + message;
    }
}
