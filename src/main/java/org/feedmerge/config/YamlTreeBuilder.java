package org.feedmerge.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Walks a {@link YAMLParser}'s tokens once, building the Jackson tree and recording where each key
 * and value starts. Reports what the tree would silently lose: duplicate keys (Jackson keeps the
 * last), aliases (Jackson exposes {@code *name} as the text "name") and extra documents.
 */
final class YamlTreeBuilder {
    private final YAMLParser parser;
    private final Problems problems;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, Position> keyPositions = new HashMap<>();
    private final Map<String, Position> valuePositions = new HashMap<>();

    YamlTreeBuilder(YAMLParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /** Builds the first document; the root is null when the stream holds none. */
    YamlDocument build() throws IOException {
        JsonNode root = parser.nextToken() == null ? null : readValue(NodePath.ROOT);
        if (root != null && parser.nextToken() != null) {
            problems.add(here(), "(document)",
                    "a second YAML document starts here (after '---'); the config must be a single document");
        }
        return new YamlDocument(root, keyPositions, valuePositions);
    }

    private JsonNode readValue(NodePath path) throws IOException {
        valuePositions.put(path.pointer(), here());
        if (parser.isCurrentAlias()) {
            problems.add(here(), path.display(),
                    "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> readMapping(path);
            case START_ARRAY -> readList(path);
            default -> readScalar();
        };
    }

    private ObjectNode readMapping(NodePath path) throws IOException {
        ObjectNode mapping = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            NodePath entry = path.property(key);
            Position keyAt = here();
            parser.nextToken();
            if (mapping.has(key)) {
                reportDuplicate(entry, keyAt);
                parser.skipChildren();
            } else {
                keyPositions.put(entry.pointer(), keyAt);
                mapping.set(key, readValue(entry));
            }
        }
        return mapping;
    }

    private void reportDuplicate(NodePath entry, Position keyAt) {
        int firstLine = keyPositions.get(entry.pointer()).line();
        problems.add(keyAt, entry.display(), "duplicate key; it is already set on line " + firstLine);
    }

    private JsonNode readList(NodePath path) throws IOException {
        var list = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(path.index(list.size())));
        }
        return list;
    }

    private JsonNode readScalar() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> nodes.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> nodes.nullNode();
            // e.g. !!binary: nothing in the config takes it, so keep it opaque for the validator.
            default -> nodes.pojoNode(parser.getText());
        };
    }

    private Position here() {
        JsonLocation location = parser.currentTokenLocation();
        return new Position(location.getLineNr(), location.getColumnNr());
    }
}
