package org.feedmerge.config;

import java.nio.file.Path;

/**
 * Reads and validates {@code feedmerge.yaml}.
 *
 * <p>Validation is complete before any record is built: every problem in the file is reported
 * together, each with file, line, column and dotted key path ({@code feeds[2].interval}), so an
 * admin never sees an {@code IllegalArgumentException} from a record. The loader holds no state
 * and may be reused.
 */
public final class ConfigLoader {

    /**
     * Loads the file completely or not at all.
     *
     * @throws ConfigException listing every problem, each with file, line, column and key
     */
    public FeedmergeConfig load(Path file) throws ConfigException {
        Problems problems = new Problems(file.toString());
        ConfigNode root = new YamlReader(file.toString(), problems).read(file).rootNode();
        FeedmergeConfig config = isTopLevelMapping(root, problems) ? new ConfigReader(problems).read(root) : null;
        problems.throwIfAny();
        return config;
    }

    private static boolean isTopLevelMapping(ConfigNode root, Problems problems) {
        if (root.isEmpty()) {
            problems.add(Position.START, "feeds", "the file is empty; it needs at least a \"feeds:\" list");
            return false;
        }
        if (!root.isMapping()) {
            problems.at(root, "the top level must be a mapping of sections ("
                    + String.join(", ", ConfigReader.TOP_KEYS) + "), got " + root.describe());
            return false;
        }
        return true;
    }
}
