package org.feedmerge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes one version of one farm feed as RSS 2.0, Atom 1.0 or RSS 1.0 (RDF) bytes. */
final class FeedDocumentWriter {
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final long seed;

    FeedDocumentWriter(long seed) {
        this.seed = seed;
    }

    /** The document's items, newest first. */
    List<FarmItem> items(FeedProfile feed, int version) {
        int oldest = version * FarmItem.ADDED_PER_CHANGE;
        List<FarmItem> items = new ArrayList<>(feed.itemCount());
        for (int number = oldest + feed.itemCount() - 1; number >= oldest; number--) {
            items.add(FarmItem.of(seed, feed, number));
        }
        return items;
    }

    byte[] write(FeedProfile feed, List<FarmItem> items) {
        Xml xml = new Xml(feed.latin1());
        switch (feed.format()) {
            case RSS2 -> rss(xml, feed, items);
            case ATOM -> atom(xml, feed, items);
            case RDF -> rdf(xml, feed, items);
        }
        return xml.out.toString().getBytes(feed.latin1() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static void rss(Xml xml, FeedProfile feed, List<FarmItem> items) {
        xml.declaration().raw("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
        channelHead(xml, feed);
        xml.element("lastBuildDate", RFC_822.format(items.get(0).published()));
        xml.raw("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"http://feeds.example" + feed.path() + "\"/>\n");
        for (FarmItem item : items) {
            xml.raw("<item>\n").element("title", item.title()).element("link", item.link());
            xml.raw(item.guidIsLink() ? "<guid>" : "<guid isPermaLink=\"false\">").text(item.guid()).raw("</guid>\n");
            xml.element("pubDate", RFC_822.format(item.published())).element("dc:creator", item.author());
            xml.element("category", feed.html() ? "News" : "Notes").element("description", item.summary());
            if (item.content() != null) {
                xml.cdataOrEscaped("content:encoded", item.content());
            }
            xml.raw("</item>\n");
        }
        xml.raw("</channel>\n</rss>\n");
    }

    private static void atom(Xml xml, FeedProfile feed, List<FarmItem> items) {
        String site = "https://site" + feed.index() + ".example/";
        xml.declaration().raw("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
        xml.element("title", "Site " + feed.index() + " \u2014 journal");
        xml.element("subtitle", "Notes and news from site " + feed.index());
        xml.raw("<link rel=\"alternate\" type=\"text/html\" href=\"" + site + "\"/>\n");
        xml.raw("<link rel=\"self\" href=\"http://feeds.example" + feed.path() + "\"/>\n");
        xml.element("id", "tag:site" + feed.index() + ".example,2025:feed");
        xml.element("updated", items.get(0).published().toString());
        String type = feed.html() ? "html" : "text";
        for (FarmItem item : items) {
            xml.raw("<entry>\n").raw("<title type=\"text\">").text(item.title()).raw("</title>\n");
            xml.raw("<link rel=\"alternate\" type=\"text/html\" href=\"").text(item.link()).raw("\"/>\n");
            xml.element("id", item.guid()).element("published", item.published().toString());
            xml.element("updated", item.published().toString());
            xml.raw("<author><name>").text(item.author()).raw("</name></author>\n");
            xml.raw("<summary type=\"" + type + "\">").text(item.summary()).raw("</summary>\n");
            if (item.content() != null) {
                xml.raw("<content type=\"html\">").text(item.content()).raw("</content>\n");
            }
            xml.raw("</entry>\n");
        }
        xml.raw("</feed>\n");
    }

    private static void rdf(Xml xml, FeedProfile feed, List<FarmItem> items) {
        String site = "https://site" + feed.index() + ".example/";
        xml.declaration().raw("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n");
        xml.raw("<channel rdf:about=\"" + site + "\">\n");
        xml.element("title", "Site " + feed.index()).element("link", site).element("description", "Site " + feed.index());
        xml.element("dc:date", items.get(0).published().toString());
        xml.raw("<items><rdf:Seq>\n");
        for (FarmItem item : items) {
            xml.raw("<rdf:li rdf:resource=\"").text(item.link()).raw("\"/>\n");
        }
        xml.raw("</rdf:Seq></items>\n</channel>\n");
        for (FarmItem item : items) {
            xml.raw("<item rdf:about=\"").text(item.link()).raw("\">\n");
            xml.element("title", item.title()).element("link", item.link()).element("description", item.summary());
            xml.element("dc:date", item.published().toString()).element("dc:creator", item.author());
            if (item.content() != null) {
                xml.cdataOrEscaped("content:encoded", item.content());
            }
            xml.raw("</item>\n");
        }
        xml.raw("</rdf:RDF>\n");
    }

    private static void channelHead(Xml xml, FeedProfile feed) {
        xml.element("title", "Site " + feed.index() + " \u2014 news");
        xml.element("link", "https://site" + feed.index() + ".example/");
        xml.element("description", "News and notes from site " + feed.index());
        xml.element("language", feed.latin1() ? "fr" : "en-us");
        xml.element("generator", "feedfarm");
    }

    /** Last-Modified for a version: the newest item's date, truncated to seconds. */
    static Instant lastModified(List<FarmItem> items) {
        return items.get(0).published().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** A tiny XML text builder; Latin-1 documents get references for what Latin-1 cannot hold. */
    private static final class Xml {
        final StringBuilder out = new StringBuilder(64 * 1024);
        final boolean latin1;

        Xml(boolean latin1) {
            this.latin1 = latin1;
        }

        Xml declaration() {
            return raw("<?xml version=\"1.0\" encoding=\"" + (latin1 ? "ISO-8859-1" : "UTF-8") + "\"?>\n");
        }

        Xml raw(String markup) {
            out.append(markup);
            return this;
        }

        Xml text(String text) {
            FarmText.escape(out, text, latin1);
            return this;
        }

        Xml element(String name, String text) {
            out.append('<').append(name).append('>');
            FarmText.escape(out, text, latin1);
            out.append("</").append(name).append(">\n");
            return this;
        }

        /** CDATA as most UTF-8 CMSs write it; escaped text where CDATA could not hold references. */
        void cdataOrEscaped(String name, String html) {
            if (latin1) {
                element(name, html);
            } else {
                out.append('<').append(name).append("><![CDATA[").append(html).append("]]></").append(name).append(">\n");
            }
        }
    }
}
