package org.feedmerge.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Reshapes, in place, documents that lenient feed readers accept but Rome's parsers do not
 * recognise or crash on:
 * <ul>
 *   <li>{@code <rss>} in a namespace (Userland's {@code http://backend.userland.com/rss}) is
 *       moved out of it; RSS 2.0 has no namespace;</li>
 *   <li>{@code <rss>} without a {@code <channel>} gets one around its children (an empty
 *       {@code <rss/>} is an empty feed, {@code <rss><item>} keeps its items);</li>
 *   <li>{@code <feed>} in no or an unknown namespace is Atom (0.3 when {@code version="0.3"},
 *       else RFC 4287);</li>
 *   <li>Atom 0.3 {@code mode="base64"} text is decoded here: Rome's decoder fails on the line
 *       breaks every real instance has; plain text in the default "xml" mode is read as
 *       written ({@code &amp;} is "&");</li>
 *   <li>Atom 1.0 text constructs that lenient readers understand and Rome does not
 *       ({@link AtomTextRepair}).</li>
 *   <li>An Atom {@code <feed>} with RSS-style {@code <item>} children and no {@code <entry>}
 *       has its items read as entries, as lenient readers do.</li>
 * </ul>
 */
final class RomeCompatibility {
    private static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");

    private static final Set<String> TEXT_CONSTRUCTS_03 = Set.of("title", "tagline", "summary", "content",
            "copyright", "info");

    private RomeCompatibility() {
    }

    static void adapt(Element root) {
        if (root.getName().equals("rss")) {
            if (root.getNamespace() != Namespace.NO_NAMESPACE) {
                moveNamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
            }
            wrapInChannelIfMissing(root);
        } else if (root.getName().equals("feed")) {
            Namespace atom = "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10;
            if (!root.getNamespace().equals(ATOM_10) && !root.getNamespace().equals(ATOM_03)) {
                moveNamespace(root, root.getNamespace(), atom);
            }
            readItemsAsEntries(root);
            if (root.getNamespace().equals(ATOM_03)) {
                decodeBase64Modes(root);
                takePlainTextAsWritten(root);
            } else {
                AtomTextRepair.repair(root);
            }
        }
    }

    private static void readItemsAsEntries(Element feed) {
        Namespace atom = feed.getNamespace();
        if (!feed.getChildren("entry", atom).isEmpty()) {
            return;
        }
        for (Element item : feed.getChildren("item", atom)) {
            item.setName("entry");
        }
    }

    private static void moveNamespace(Element root, Namespace from, Namespace to) {
        for (Element element : root.getDescendants(Filters.element(from))) {
            element.setNamespace(to);
        }
        root.setNamespace(to);
    }

    private static void wrapInChannelIfMissing(Element rss) {
        if (rss.getChild("channel") != null) {
            return;
        }
        Element channel = new Element("channel");
        channel.addContent(rss.removeContent());
        rss.addContent(channel);
    }

    /**
     * Atom 0.3's default mode is "xml", which Rome serialises back to markup: {@code &amp;} would
     * come out as the five characters, not as the "&" the text says. Plain text without child
     * elements reads the same in "escaped" mode, which takes the text as it is.
     */
    private static void takePlainTextAsWritten(Element root) {
        for (Element element : root.getDescendants(Filters.element(ATOM_03))) {
            String mode = element.getAttributeValue("mode");
            String type = element.getAttributeValue("type");
            if (TEXT_CONSTRUCTS_03.contains(element.getName()) && (mode == null || mode.equalsIgnoreCase("xml"))
                    && (type == null || type.equalsIgnoreCase("text/plain")) && element.getChildren().isEmpty()) {
                element.setAttribute("mode", "escaped");
            }
        }
    }

    private static void decodeBase64Modes(Element root) {
        List<Element> encoded = new ArrayList<>();
        for (Element element : root.getDescendants(Filters.element())) {
            if ("base64".equalsIgnoreCase(element.getAttributeValue("mode"))) {
                encoded.add(element);
            }
        }
        for (Element element : encoded) {
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(element.getTextTrim());
                element.setText(new String(bytes, StandardCharsets.UTF_8));
                element.setAttribute("mode", "escaped"); // the decoded text, taken as it is
            } catch (IllegalArgumentException notBase64) {
                element.detach(); // unreadable either way; Rome would fail the whole feed on it
            }
        }
    }
}
