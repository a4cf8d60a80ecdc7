package org.feedmerge.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * The last resort for text the XML parser still rejects after {@link XmlRepair}: jsoup's
 * forgiving XML tree builder (it closes what was left open, ignores stray end tags, keeps text
 * it cannot place), written back out as well-formed XML for the hardened parser to read again.
 * This recovers mismatched tags and truncated documents the way lenient feed readers do.
 *
 * <p>A truncated document's last item or entry, when its end tag never came, is dropped: stored
 * half-read, it would reappear complete on the next poll under a different identity. The DOCTYPE
 * is dropped too (jsoup never expands or fetches its entities, and nothing needs it afterwards).
 */
final class XmlSalvage {
    private static final String[] ENTRY_TAGS = {"item", "entry"};

    private XmlSalvage() {
    }

    static String rebuild(String text) {
        Document document = Parser.xmlParser().parseInput(text, "");
        document.childNodes().stream().filter(DocumentType.class::isInstance).toList().forEach(Node::remove);
        for (String tag : ENTRY_TAGS) {
            Elements entries = document.getElementsByTag(tag);
            if (!entries.isEmpty() && lastIsUnterminated(text, tag)) {
                entries.last().remove();
            }
        }
        document.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        return document.outerHtml();
    }

    private static boolean lastIsUnterminated(String text, String tag) {
        int start = lastStartTag(text, tag);
        return start >= 0 && text.indexOf("</" + tag, start) < 0;
    }

    private static int lastStartTag(String text, String tag) {
        String open = "<" + tag;
        for (int i = text.lastIndexOf(open); i >= 0; i = text.lastIndexOf(open, i - 1)) {
            int after = i + open.length();
            if (after < text.length() && (Prolog.isXmlSpace(text.charAt(after)) || text.charAt(after) == '>')) {
                return i;
            }
        }
        return -1;
    }
}
