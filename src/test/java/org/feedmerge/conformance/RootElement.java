package org.feedmerge.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/** What a source document's root element says it is, judged independently of feedmerge's parser. */
final class RootElement {
    /** Roots of RSS 0.9x/2.0, RSS 0.90/1.0 (RDF) and Atom documents. */
    private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "feed");
    private static final Pattern FIRST_TAG = Pattern.compile("<([A-Za-z_][\\w:.-]*)");

    private RootElement() {
    }

    /** The root's local name, lower-cased: from a DOM parse, else the first tag after the prolog. */
    static String localName(byte[] document) {
        try {
            Element root = Xml.parseSource(document);
            String name = root.getLocalName() != null ? root.getLocalName() : root.getTagName();
            return name.toLowerCase(Locale.ROOT);
        } catch (Xml.NotWellFormed e) {
            return firstTag(new String(document, StandardCharsets.UTF_8));
        }
    }

    private static String firstTag(String text) {
        String body = text.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<[?!][^>]*>", "");
        Matcher tag = FIRST_TAG.matcher(body);
        if (!tag.find()) {
            return "";
        }
        String name = tag.group(1);
        return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    static boolean isFeed(byte[] document) {
        return FEED_ROOTS.contains(localName(document));
    }
}
