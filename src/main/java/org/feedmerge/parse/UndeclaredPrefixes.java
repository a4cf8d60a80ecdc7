package org.feedmerge.parse;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds often use {@code itunes:}, {@code dc:} or {@code media:} without declaring them, which
 * Namespaces in XML 1.0 §5 makes fatal. For a document that failed to parse, this declares every
 * prefix that is used but never declared on the root element: the well-known URI when the prefix
 * is a well-known one (so {@code dc:creator} still reads as Dublin Core), else a placeholder URN.
 * Only runs on the failure path; the regular expressions scan the whole text.
 */
final class UndeclaredPrefixes {
    private static final Pattern ELEMENT_PREFIX = Pattern.compile("</?([A-Za-z_][\\w.-]*):[A-Za-z_]");
    private static final Pattern ATTRIBUTE_PREFIX = Pattern.compile("\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");
    private static final Pattern DECLARED_PREFIX = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
    private static final String PLACEHOLDER = "urn:feedmerge:undeclared-prefix:";
    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"));
    private static final Set<String> RESERVED = Set.of("xml", "xmlns");

    private UndeclaredPrefixes() {
    }

    /** The text with the missing declarations added to the root start tag, or null if none is missing. */
    static String declare(String text) {
        Set<String> missing = new TreeSet<>();
        collect(ELEMENT_PREFIX.matcher(text), missing);
        collect(ATTRIBUTE_PREFIX.matcher(text), missing);
        Matcher declared = DECLARED_PREFIX.matcher(text);
        while (declared.find()) {
            missing.remove(declared.group(1));
        }
        missing.removeAll(RESERVED);
        int root = Prolog.rootElementStart(text);
        if (missing.isEmpty() || root < 0) {
            return null;
        }
        int nameEnd = root + 1;
        while (nameEnd < text.length() && !Prolog.isXmlSpace(text.charAt(nameEnd))
                && text.charAt(nameEnd) != '>' && text.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        return text.substring(0, nameEnd) + declarations(missing) + text.substring(nameEnd);
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static String declarations(Set<String> prefixes) {
        StringBuilder out = new StringBuilder();
        for (String prefix : prefixes) {
            out.append(" xmlns:").append(prefix).append("=\"")
                    .append(WELL_KNOWN.getOrDefault(prefix, PLACEHOLDER + prefix)).append('"');
        }
        return out.toString();
    }
}
