package org.feedmerge.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What makes a merged RSS document valid RSS 2.0 (https://www.rssboard.org/rss-specification):
 * well-formed XML without illegal characters; one channel with title, link and description; every
 * item with a title or a description; RFC 822 dates; absolute links; unique guids, and permalink
 * guids that are URLs; a {@code source} with its required {@code url}. Pure.
 */
final class RssValidity {
    private RssValidity() {
    }

    /** Empty when valid; else one line per problem. */
    static List<String> problems(byte[] body) {
        List<String> problems = new ArrayList<>();
        String illegal = Formats.firstIllegalXmlChar(new String(body, StandardCharsets.UTF_8));
        if (illegal != null) {
            problems.add("illegal XML character " + illegal);
        }
        Element rss;
        try {
            rss = Xml.parseOutput(body);
        } catch (Xml.NotWellFormed e) {
            problems.add("not well-formed: " + e.getMessage());
            return problems;
        }
        List<Element> channels = Xml.children(rss, null, "channel");
        if (!Xml.is(rss, null, "rss") || !"2.0".equals(rss.getAttribute("version")) || channels.size() != 1) {
            problems.add("not <rss version=\"2.0\"> with one <channel>");
            return problems;
        }
        channel(channels.get(0), problems);
        return problems;
    }

    private static void channel(Element channel, List<String> problems) {
        requireText(channel, "title", "channel", problems);
        requireText(channel, "link", "channel", problems);
        if (Xml.children(channel, null, "description").isEmpty()) {
            problems.add("channel: no <description>");
        }
        absoluteIfPresent(Xml.text(channel, null, "link"), "channel link", problems);
        date(Xml.text(channel, null, "lastBuildDate"), "channel lastBuildDate", problems);
        date(Xml.text(channel, null, "pubDate"), "channel pubDate", problems);
        for (Element link : Xml.children(channel, Xml.ATOM, "link")) {
            absoluteIfPresent(link.getAttribute("href"), "channel atom:link", problems);
        }
        Set<String> guids = new HashSet<>();
        int index = 0;
        for (Element item : Xml.children(channel, null, "item")) {
            item(item, "item " + index++, guids, problems);
        }
    }

    private static void item(Element item, String where, Set<String> guids, List<String> problems) {
        if (isBlank(Xml.text(item, null, "title")) && isBlank(Xml.text(item, null, "description"))) {
            problems.add(where + ": neither title nor description");
        }
        absoluteIfPresent(Xml.text(item, null, "link"), where + " link", problems);
        date(Xml.text(item, null, "pubDate"), where + " pubDate", problems);
        guid(item, where, guids, problems);
        source(item, where, problems);
        author(Xml.text(item, null, "author"), where, problems);
    }

    private static void guid(Element item, String where, Set<String> guids, List<String> problems) {
        List<Element> found = Xml.children(item, null, "guid");
        if (found.isEmpty()) {
            return;
        }
        String guid = found.get(0).getTextContent().strip();
        if (guid.isEmpty()) {
            problems.add(where + ": empty guid");
        } else if (!guids.add(guid)) {
            problems.add(where + ": duplicate guid " + OneLine.of(guid));
        }
        if (!"false".equals(found.get(0).getAttribute("isPermaLink")) && !Formats.isAbsoluteIri(guid)) {
            problems.add(where + ": permalink guid is not an absolute URL");
        }
    }

    private static void source(Element item, String where, List<String> problems) {
        for (Element source : Xml.children(item, null, "source")) {
            if (!Formats.isAbsoluteIri(source.getAttribute("url"))) {
                problems.add(where + ": source without an absolute url attribute");
            }
        }
    }

    /** RSS 2.0 {@code <author>} is the email address of the author. */
    private static void author(String author, String where, List<String> problems) {
        if (author != null && !author.contains("@")) {
            problems.add(where + ": author is not an email address");
        }
    }

    private static void requireText(Element parent, String name, String where, List<String> problems) {
        if (isBlank(Xml.text(parent, null, name))) {
            problems.add(where + ": no <" + name + ">");
        }
    }

    private static void absoluteIfPresent(String link, String what, List<String> problems) {
        if (link != null && !Formats.isAbsoluteIri(link.strip())) {
            problems.add(what + " is not an absolute URL");
        }
    }

    private static void date(String value, String what, List<String> problems) {
        String problem = value == null ? null : Formats.rfc822Problem(value);
        if (problem != null) {
            problems.add(what + ": " + problem);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
