package org.feedmerge.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.OptionalInt;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Counts the entries of a source document without feedmerge's parser: RSS {@code item} and Atom
 * {@code entry} elements by DOM (whatever the namespace: RSS 0.9x/2.0 have none, RSS 0.90/1.0 have
 * their own), JSON Feed {@code items} by Jackson.
 */
final class ItemCount {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemCount() {
    }

    /** Items or entries in an XML feed; empty when the document is not well-formed. */
    static OptionalInt xml(byte[] document) {
        try {
            Element root = Xml.parseSource(document);
            String name = root.getLocalName() != null ? root.getLocalName() : root.getTagName();
            NodeList found = root.getElementsByTagNameNS("*", name.equals("feed") ? "entry" : "item");
            return OptionalInt.of(found.getLength());
        } catch (Xml.NotWellFormed e) {
            return OptionalInt.empty();
        }
    }

    /** Items of a JSON Feed; empty when it is not JSON or has no items array. */
    static OptionalInt jsonFeed(byte[] document) {
        try {
            JsonNode items = JSON.readTree(document).path("items");
            return items.isArray() ? OptionalInt.of(items.size()) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }
}
