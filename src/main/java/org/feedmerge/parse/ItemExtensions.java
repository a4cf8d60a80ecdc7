package org.feedmerge.parse;

import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * What an RSS item says through extension modules when the core element is missing, as lenient
 * readers use it: {@code dc:description} and {@code itunes:summary} for the summary, a {@code body} or
 * {@code fullitem} for the content, {@code media:title} for the title, {@code dc:creator},
 * {@code dc:author} and {@code itunes:author} for the author. Consulted only for a field that is
 * otherwise empty, so the common case costs nothing.
 */
final class ItemExtensions {
    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    /** Compared ignoring case: Apple's own documentation spelled it {@code DTDs/Podcast-1.0.dtd}. */
    private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");
    private static final Namespace XHTML = Namespace.getNamespace("http://www.w3.org/1999/xhtml");

    private ItemExtensions() {
    }

    /** An HTML summary: dc:description (HTML, like RSS description), else itunes:summary (plain text). */
    static String summary(Element item) {
        String description = item.getChildText("description", DC);
        if (description != null && !description.isBlank()) {
            return TextConstruct.toHtml(TextConstruct.RSS, description);
        }
        Element itunes = itunes(item, "summary");
        return itunes == null ? null : TextConstruct.toHtml("text", itunes.getText());
    }

    /**
     * The item's body as lenient readers take it: an XHTML or unqualified {@code <body>} (markup,
     * serialised as HTML with prefixes dropped), else feedparser's {@code <fullitem>} (escaped HTML).
     */
    static String content(Element item) {
        Element body = item.getChild("body", XHTML);
        if (body == null) {
            body = item.getChild("body");
        }
        if (body != null) {
            return TextConstruct.toHtml(TextConstruct.RSS, InlineMarkup.toHtml(body));
        }
        return TextConstruct.toHtml(TextConstruct.RSS, item.getChildText("fullitem"));
    }

    static String title(Element item) {
        Element media = item.getChild("title", MEDIA);
        // Media RSS: type="plain" (the default) or "html".
        String type = "html".equals(media == null ? null : media.getAttributeValue("type")) ? "html" : "text";
        return media == null ? null : TextConstruct.toPlainText(type, media.getText());
    }

    static String author(Element item) {
        for (Element candidate : new Element[] {item.getChild("creator", DC), item.getChild("author", DC),
                itunes(item, "author")}) {
            String name = candidate == null ? null : TextConstruct.trimmed(candidate.getText());
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static Element itunes(Element item, String name) {
        for (Element child : item.getChildren()) {
            if (child.getName().equals(name) && child.getNamespaceURI().equalsIgnoreCase(ITUNES)) {
                return child;
            }
        }
        return null;
    }
}
