package org.feedmerge.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One conjunct of a feedparser {@code Expect:} expression, as {@code feedparser-expect.jsonl} splits it.
 *
 * @param expr     the Python expression, for reports
 * @param kind     {@code entry}, {@code feed}, {@code wellformedness}, ...
 * @param root     {@code entries} or {@code feed}, null for wellformedness
 * @param path     the subscript path below the root, as strings ({@code ["0", "title"]})
 * @param op       {@code ==}, {@code !=}, {@code not in}
 * @param value    the expected value
 * @param valueIso for dates, the expected instant in ISO form; else null
 * @param bozo     for wellformedness conjuncts, whether feedparser expects the document to be ill-formed
 */
record Conjunct(String expr, String kind, String root, List<String> path, String op, JsonNode value, String valueIso,
        Boolean bozo) {

    Conjunct {
        path = List.copyOf(path);
    }

    static Conjunct of(JsonNode node) {
        List<String> path = new ArrayList<>();
        node.path("path").forEach(step -> path.add(step.asText()));
        return new Conjunct(node.path("expr").asText(), node.path("kind").asText(), text(node, "root"), path,
                text(node, "op"), node.get("value"), text(node, "value_iso"),
                node.has("bozo") ? node.get("bozo").asBoolean() : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    boolean isWellformedness() {
        return "wellformedness".equals(kind);
    }

    /** The expected value as text (strings as they are, numbers and the rest as JSON). */
    String expectedText() {
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }
}
