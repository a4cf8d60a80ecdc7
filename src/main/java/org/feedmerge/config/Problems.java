package org.feedmerge.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one config file, so the admin can fix them all in one go. */
final class Problems {
    private static final Comparator<ConfigProblem> FILE_ORDER =
            Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column);

    private final String file;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** A problem with a node's value. */
    void at(ConfigNode node, String message) {
        add(node.at(), node.path().display(), message);
    }

    /** A problem with a node's key (unknown or duplicate). */
    void atKey(ConfigNode node, String message) {
        add(node.keyAt(), node.path().display(), message);
    }

    void add(Position position, String key, String message) {
        found.add(new ConfigProblem(file, position.line(), position.column(), key, message));
    }

    int count() {
        return found.size();
    }

    /** All problems so far, in file order; problems on the same spot keep the order they were found in. */
    ConfigException exception() {
        List<ConfigProblem> sorted = new ArrayList<>(found);
        sorted.sort(FILE_ORDER);
        return new ConfigException(sorted);
    }

    void throwIfAny() throws ConfigException {
        if (!found.isEmpty()) {
            throw exception();
        }
    }
}
