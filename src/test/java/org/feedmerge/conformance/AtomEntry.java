package org.feedmerge.conformance;

import java.util.List;
import org.w3c.dom.Element;

/**
 * A merged Atom entry as read back, every field as text or null when absent.
 *
 * @param link        the alternate link's href
 * @param sourceTitle {@code atom:source/atom:title}: the title of the feed it came from
 * @param sourceLink  {@code atom:source}'s alternate link: that feed's site
 */
record AtomEntry(
        String id,
        String title,
        String link,
        String summary,
        String content,
        String published,
        String updated,
        String sourceTitle,
        String sourceLink) {

    static AtomEntry of(Element entry) {
        Element source = Xml.children(entry, Xml.ATOM, "source").stream().findFirst().orElse(null);
        return new AtomEntry(
                Xml.text(entry, Xml.ATOM, "id"),
                Xml.text(entry, Xml.ATOM, "title"),
                alternate(entry),
                Xml.text(entry, Xml.ATOM, "summary"),
                Xml.text(entry, Xml.ATOM, "content"),
                Xml.text(entry, Xml.ATOM, "published"),
                Xml.text(entry, Xml.ATOM, "updated"),
                source == null ? null : Xml.text(source, Xml.ATOM, "title"),
                source == null ? null : alternate(source));
    }

    private static String alternate(Element parent) {
        List<Element> links = Xml.children(parent, Xml.ATOM, "link");
        return links.stream()
                .filter(link -> link.getAttribute("rel").isEmpty() || "alternate".equals(link.getAttribute("rel")))
                .map(link -> link.getAttribute("href"))
                .findFirst().orElse(null);
    }

    /** Summary else content: what a reader shows as the entry's text. */
    String summaryOrContent() {
        return summary != null ? summary : content;
    }

    /** Content else summary: the entry's full text. */
    String contentOrSummary() {
        return content != null ? content : summary;
    }
}
