package org.feedmerge.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What makes a merged Atom document valid Atom 1.0 (RFC 4287): well-formed XML without illegal
 * characters; the feed and every entry with exactly one id, title and updated (§4.1.1, §4.1.2);
 * ids absolute IRIs (§4.2.6) and unique among entries; RFC 3339 dates (§3.3); absolute link hrefs;
 * an author for every entry (§4.1.1); content or an alternate link (§4.1.1.1); known text types. Pure.
 */
final class AtomValidity {
    private static final Set<String> TEXT_TYPES = Set.of("text", "html", "xhtml");

    private AtomValidity() {
    }

    /** Empty when valid; else one line per problem. */
    static List<String> problems(byte[] body) {
        List<String> problems = new ArrayList<>();
        String illegal = Formats.firstIllegalXmlChar(new String(body, StandardCharsets.UTF_8));
        if (illegal != null) {
            problems.add("illegal XML character " + illegal);
        }
        Element feed;
        try {
            feed = Xml.parseOutput(body);
        } catch (Xml.NotWellFormed e) {
            problems.add("not well-formed: " + e.getMessage());
            return problems;
        }
        if (!Xml.is(feed, Xml.ATOM, "feed")) {
            problems.add("root is not atom:feed");
            return problems;
        }
        feed(feed, problems);
        return problems;
    }

    private static void feed(Element feed, List<String> problems) {
        head(feed, "feed", problems);
        boolean feedAuthor = !Xml.children(feed, Xml.ATOM, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (Element entry : Xml.children(feed, Xml.ATOM, "entry")) {
            entry(entry, "entry " + index++, feedAuthor, ids, problems);
        }
    }

    /** id, title, updated and links: what feed, entry and source share. */
    private static void head(Element element, String where, List<String> problems) {
        for (String name : List.of("id", "title", "updated")) {
            int count = Xml.children(element, Xml.ATOM, name).size();
            if (count != 1) {
                problems.add(where + ": " + count + " <" + name + "> elements, not 1");
            }
        }
        String id = Xml.text(element, Xml.ATOM, "id");
        if (id != null && !Formats.isAbsoluteIri(id.strip())) {
            problems.add(where + ": id is not an absolute IRI: " + OneLine.of(id));
        }
        date(Xml.text(element, Xml.ATOM, "updated"), where + " updated", problems);
        links(element, where, problems);
    }

    private static void entry(Element entry, String where, boolean feedAuthor, Set<String> ids, List<String> problems) {
        head(entry, where, problems);
        String id = Xml.text(entry, Xml.ATOM, "id");
        if (id != null && !ids.add(id.strip())) {
            problems.add(where + ": duplicate id " + OneLine.of(id));
        }
        date(Xml.text(entry, Xml.ATOM, "published"), where + " published", problems);
        if (!feedAuthor && Xml.children(entry, Xml.ATOM, "author").isEmpty()) {
            problems.add(where + ": no author, and the feed has none");
        }
        if (Xml.children(entry, Xml.ATOM, "content").isEmpty() && !hasAlternate(entry)) {
            problems.add(where + ": neither content nor an alternate link");
        }
        textTypes(entry, where, problems);
        for (Element source : Xml.children(entry, Xml.ATOM, "source")) {
            source(source, where + " source", problems);
        }
    }

    /** atom:source carries feed metadata, every element optional (§4.2.11), but each must be valid. */
    private static void source(Element source, String where, List<String> problems) {
        String id = Xml.text(source, Xml.ATOM, "id");
        if (id != null && !Formats.isAbsoluteIri(id.strip())) {
            problems.add(where + ": id is not an absolute IRI");
        }
        date(Xml.text(source, Xml.ATOM, "updated"), where + " updated", problems);
        links(source, where, problems);
    }

    private static void links(Element element, String where, List<String> problems) {
        for (Element link : Xml.children(element, Xml.ATOM, "link")) {
            if (!Formats.isAbsoluteIri(link.getAttribute("href"))) {
                problems.add(where + ": link href is not an absolute IRI: " + OneLine.of(link.getAttribute("href")));
            }
        }
    }

    private static boolean hasAlternate(Element entry) {
        return Xml.children(entry, Xml.ATOM, "link").stream()
                .anyMatch(link -> link.getAttribute("rel").isEmpty() || "alternate".equals(link.getAttribute("rel")));
    }

    private static void textTypes(Element entry, String where, List<String> problems) {
        for (String name : List.of("title", "summary", "content")) {
            for (Element text : Xml.children(entry, Xml.ATOM, name)) {
                String type = text.getAttribute("type");
                boolean known = type.isEmpty() || TEXT_TYPES.contains(type) || ("content".equals(name) && type.contains("/"));
                if (!known) {
                    problems.add(where + ": " + name + " has unknown type " + OneLine.of(type));
                }
            }
        }
    }

    private static void date(String value, String what, List<String> problems) {
        String problem = value == null ? null : Formats.rfc3339Problem(value);
        if (problem != null) {
            problems.add(what + ": " + problem);
        }
    }
}
