package org.feedmerge.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A mapping in the config whose keys are known: reports unknown keys on opening, then reads typed
 * values, reporting each bad one and returning empty so the caller falls back to its default and
 * carries on looking for more problems. A section written with no value ({@code poll:}) is empty.
 */
final class Section {
    private final ConfigNode node;
    private final Problems problems;

    private Section(ConfigNode node, Problems problems) {
        this.node = node;
        this.problems = problems;
    }

    static Section open(ConfigNode node, List<String> keys, Problems problems) {
        if (node.isMapping()) {
            rejectUnknownKeys(node, keys, problems);
        } else if (!node.isEmpty()) {
            problems.at(node, "expected a mapping with the keys " + String.join(", ", keys) + ", got " + node.describe());
        }
        return new Section(node, problems);
    }

    Section section(String key, List<String> keys) {
        return open(node(key), keys, problems);
    }

    ConfigNode node(String key) {
        return node.child(key);
    }

    boolean has(String key) {
        return !node(key).isMissing();
    }

    /** The value at {@code key} as {@code parse} reads it; empty if absent or reported as bad. */
    <T> Optional<T> read(String key, Function<ConfigNode, Parsed<T>> parse) {
        ConfigNode value = node(key);
        if (value.isMissing()) {
            return Optional.empty();
        }
        return parse.apply(value).orReport(reason -> problems.at(value, reason));
    }

    Optional<Integer> integer(String key, Bounds<Long> bounds) {
        return read(key, value -> value.asLong().then(bounds::check)).map(Long::intValue);
    }

    private static void rejectUnknownKeys(ConfigNode node, List<String> keys, Problems problems) {
        for (String key : node.keys()) {
            if (!keys.contains(key)) {
                problems.atKey(node.child(key), unknownKeyMessage(key, keys));
            }
        }
    }

    private static String unknownKeyMessage(String key, List<String> keys) {
        return KeySuggestion.closest(key, keys)
                .map(known -> "unknown key \"" + key + "\"; did you mean \"" + known + "\"?")
                .orElseGet(() -> "unknown key \"" + key + "\"; expected one of: " + String.join(", ", keys));
    }
}
