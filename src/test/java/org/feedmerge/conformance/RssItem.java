package org.feedmerge.conformance;

import org.w3c.dom.Element;

/**
 * A merged RSS item as read back, every field as text or null when absent.
 *
 * @param sourceUrl   {@code <source url>}: the feed the item came from
 * @param sourceTitle {@code <source>} text: that feed's title
 */
record RssItem(
        String title,
        String link,
        String guid,
        String description,
        String contentEncoded,
        String author,
        String pubDate,
        String sourceUrl,
        String sourceTitle) {

    static RssItem of(Element item) {
        Element source = Xml.children(item, null, "source").stream().findFirst().orElse(null);
        String author = Xml.text(item, null, "author");
        return new RssItem(
                Xml.text(item, null, "title"),
                Xml.text(item, null, "link"),
                Xml.text(item, null, "guid"),
                Xml.text(item, null, "description"),
                Xml.text(item, Xml.CONTENT, "encoded"),
                author != null ? author : Xml.text(item, Xml.DC, "creator"),
                Xml.text(item, null, "pubDate"),
                source == null ? null : Xml.attribute(source, "url"),
                source == null ? null : source.getTextContent());
    }
}
