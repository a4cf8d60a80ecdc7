package org.feedmerge.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small feed documents written inline by tests; one method per format. */
public final class Feeds {
    private Feeds() {
    }

    /** An RSS 2.0 item. */
    public record Item(String guid, String link, String title, String description, Instant published) {
    }

    public static String rss(String title, String link, Item... items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                """);
        xml.append("<title>").append(title).append("</title><link>").append(link)
                .append("</link><description>test feed</description>\n");
        for (Item item : items) {
            xml.append("<item>");
            if (item.guid() != null) {
                xml.append("<guid isPermaLink=\"false\">").append(item.guid()).append("</guid>");
            }
            if (item.link() != null) {
                xml.append("<link>").append(item.link()).append("</link>");
            }
            xml.append("<title>").append(item.title()).append("</title>");
            xml.append("<description>").append(item.description()).append("</description>");
            if (item.published() != null) {
                xml.append("<pubDate>").append(rfc822(item.published())).append("</pubDate>");
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    /** An Atom 1.0 feed with one entry per item (guid becomes the entry id). */
    public static String atom(String title, String link, Item... items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                """);
        xml.append("<title>").append(title).append("</title><link href=\"").append(link)
                .append("\"/><id>").append(link).append("</id><updated>2026-01-01T00:00:00Z</updated>\n");
        for (Item item : items) {
            xml.append("<entry><id>").append(item.guid()).append("</id><title>").append(item.title())
                    .append("</title><link href=\"").append(item.link()).append("\"/>")
                    .append("<author><name>Atom Author</name></author>")
                    .append("<published>").append(item.published()).append("</published>")
                    .append("<updated>").append(item.published()).append("</updated>")
                    .append("<summary>").append(item.description()).append("</summary></entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** An RSS 1.0 (RDF) feed; items carry dc:date and are identified by rdf:about. */
    public static String rdf(String title, String link, Item... items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="utf-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                """);
        xml.append("<channel rdf:about=\"").append(link).append("\"><title>").append(title)
                .append("</title><link>").append(link).append("</link><description>rdf</description><items><rdf:Seq>");
        for (Item item : items) {
            xml.append("<rdf:li rdf:resource=\"").append(item.link()).append("\"/>");
        }
        xml.append("</rdf:Seq></items></channel>\n");
        for (Item item : items) {
            xml.append("<item rdf:about=\"").append(item.link()).append("\"><title>").append(item.title())
                    .append("</title><link>").append(item.link()).append("</link><description>")
                    .append(item.description()).append("</description><dc:date>").append(item.published())
                    .append("</dc:date></item>\n");
        }
        return xml.append("</rdf:RDF>\n").toString();
    }

    public static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
