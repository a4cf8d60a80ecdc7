package org.feedmerge.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/**
 * The last resort for text the XML parser still rejects after {@link XmlRepair}: jsoup's
 * forgiving XML tree builder (it closes what was left open, ignores stray end tags, keeps text
 * it cannot place), written back out as well-formed XML for the hardened parser to read again.
 * This recovers mismatched and unclosed tags the way lenient feed readers do.
 *
 * <p>Only for complete documents: one whose root element is never closed was cut off (a
 * connection or a script dying mid-output), and reading what came would record a broken fetch as
 * a success with entries missing; that stays an error. The DOCTYPE is dropped (jsoup never
 * expands or fetches its entities, and nothing needs it afterwards).
 */
final class XmlSalvage {
    private XmlSalvage() {
    }

    /** The rebuilt text, or null when the document is truncated and must not be salvaged. */
    static String rebuild(String text) {
        if (isTruncated(text)) {
            return null;
        }
        Document document = Parser.xmlParser().parseInput(text, "");
        document.childNodes().stream().filter(DocumentType.class::isInstance).toList().forEach(Node::remove);
        document.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        return document.outerHtml();
    }

    /**
     * No end tag for the root element after its start tag ({@code </rss} without {@code >} counts);
     * text without any element counts as truncated too.
     */
    static boolean isTruncated(String text) {
        int root = Prolog.rootElementStart(text);
        if (root < 0) {
            return true;
        }
        int nameEnd = root + 1;
        while (nameEnd < text.length() && !Prolog.isXmlSpace(text.charAt(nameEnd))
                && text.charAt(nameEnd) != '>' && text.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        String endTag = "</" + text.substring(root + 1, nameEnd);
        return text.lastIndexOf(endTag) < nameEnd;
    }
}
