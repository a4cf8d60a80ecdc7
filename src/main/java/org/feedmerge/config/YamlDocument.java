package org.feedmerge.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed YAML file: the Jackson tree plus where each node's key and value were written, indexed
 * by {@link NodePath#pointer()} (Jackson tree nodes do not carry locations themselves).
 *
 * @param root           the document's top node, or null for a file with no document
 * @param keyPositions   position of the key of each mapping entry
 * @param valuePositions position of each value
 */
record YamlDocument(JsonNode root, Map<String, Position> keyPositions, Map<String, Position> valuePositions) {
    YamlDocument {
        keyPositions = Map.copyOf(keyPositions);
        valuePositions = Map.copyOf(valuePositions);
    }

    ConfigNode rootNode() {
        Position at = valuePositions.getOrDefault(NodePath.ROOT.pointer(), Position.START);
        return new ConfigNode(this, NodePath.ROOT, root, at, at);
    }

    Position keyAt(NodePath path, Position fallback) {
        return keyPositions.getOrDefault(path.pointer(), fallback);
    }

    Position valueAt(NodePath path, Position fallback) {
        return valuePositions.getOrDefault(path.pointer(), fallback);
    }
}
