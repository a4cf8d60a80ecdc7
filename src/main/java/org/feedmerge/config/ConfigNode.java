package org.feedmerge.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One node of the config tree together with its dotted path and file positions. A key that is not
 * in the file yields a <em>missing</em> node ({@code value == null}) positioned at its parent, so
 * a "missing key" problem still points somewhere useful.
 *
 * @param value the Jackson node; null when the key is absent, a NullNode when written without value
 * @param at    where the value starts
 * @param keyAt where its key starts (same as {@code at} for list elements and the root)
 */
record ConfigNode(YamlDocument document, NodePath path, JsonNode value, Position at, Position keyAt) {

    ConfigNode child(String key) {
        NodePath childPath = path.property(key);
        JsonNode childValue = value == null ? null : value.get(key);
        return new ConfigNode(document, childPath, childValue,
                document.valueAt(childPath, at), document.keyAt(childPath, at));
    }

    List<ConfigNode> elements() {
        return IntStream.range(0, value.size()).mapToObj(this::element).toList();
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        value.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    boolean isMissing() {
        return value == null;
    }

    /** Absent, or written with no value ({@code key:} or {@code key: null}). */
    boolean isEmpty() {
        return value == null || value.isNull();
    }

    boolean isMapping() {
        return value != null && value.isObject();
    }

    boolean isList() {
        return value != null && value.isArray();
    }

    Parsed<String> asText() {
        if (value != null && value.isTextual()) {
            return Parsed.ok(value.textValue());
        }
        return Parsed.bad(expected("text"));
    }

    Parsed<Long> asLong() {
        if (value != null && value.isIntegralNumber()) {
            return value.canConvertToLong()
                    ? Parsed.ok(value.longValue())
                    : Parsed.bad("number too large: " + value.asText());
        }
        return Parsed.bad(expected("a whole number"));
    }

    Parsed<Boolean> asBoolean() {
        if (value != null && value.isBoolean()) {
            return Parsed.ok(value.booleanValue());
        }
        return Parsed.bad(expected("true or false"));
    }

    /** A duration such as {@code 30m}; a bare number is read as text so the "add a unit" hint applies. */
    Parsed<Duration> asDuration() {
        if (value != null && value.isIntegralNumber()) {
            return DurationText.parse(value.asText());
        }
        return asText().then(DurationText::parse);
    }

    /** A byte count: a plain number of bytes, or text such as {@code 10MB}. */
    Parsed<Long> asByteSize() {
        if (value != null && value.isIntegralNumber()) {
            return asLong();
        }
        return asText().then(ByteSizeText::parse);
    }

    /** What this node holds, in words for an error message. */
    String describe() {
        if (value == null || value.isNull()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "the text \"" + value.textValue() + "\"";
        }
        if (value.isBoolean()) {
            return "the true/false value " + value.asText();
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        return value.isArray() ? "a list" : value.isObject() ? "a mapping" : "an unsupported value";
    }

    /** "expected X, got Y", with a hint where YAML's implicit typing is the likely culprit. */
    String expected(String what) {
        if (isEmpty()) {
            return "no value given; write " + what + ", or remove the key to use the default";
        }
        String message = "expected " + what + ", got " + describe();
        boolean scalar = value.isNumber() || value.isBoolean();
        return scalar && what.equals("text") ? message + "; put it in quotes to use it as text" : message;
    }

    private ConfigNode element(int index) {
        NodePath elementPath = path.index(index);
        Position elementAt = document.valueAt(elementPath, at);
        return new ConfigNode(document, elementPath, value.get(index), elementAt, elementAt);
    }
}
