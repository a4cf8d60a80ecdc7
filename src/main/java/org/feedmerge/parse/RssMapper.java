package org.feedmerge.parse;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * RSS 0.90 to 2.0, as Rome reads them ({@link Channel}), to a {@link ParsedFeed}. The JDOM
 * elements are consulted for what Rome drops or gets wrong: {@code xml:base}, {@code rdf:about},
 * {@code dcterms:modified}, and the date texts ({@link FeedDate} reads more of them than Rome).
 * Summary and content are kept as the feed gave them, with the item's base ({@link ParsedEntry}).
 */
final class RssMapper {
    private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    private static final Namespace DC_TERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
    private static final Namespace DC = Namespace.getNamespace(DCModule.URI);

    private RssMapper() {
    }

    static ParsedFeed map(Channel channel, Element root, URI feedUrl, PublisherHints hints) {
        Element channelElement = channelElement(root);
        URI channelBase = XmlBase.of(channelElement, feedUrl);
        List<Element> itemElements = itemElements(root, channelElement, channel.getItems().size());
        List<ParsedEntry> entries = new ArrayList<>(channel.getItems().size());
        for (int i = 0; i < channel.getItems().size(); i++) {
            Element element = itemElements.isEmpty() ? null : itemElements.get(i);
            URI base = element == null ? channelBase : XmlBase.of(element, feedUrl);
            entries.add(entry(channel.getItems().get(i), element, base));
        }
        return new ParsedFeed(
                TextConstruct.toPlainText(TextConstruct.RSS, channel.getTitle()),
                XmlBase.resolve(channelBase, channel.getLink()),
                TextConstruct.toPlainText(TextConstruct.RSS, channel.getDescription()),
                entries,
                hints);
    }

    private static ParsedEntry entry(Item item, Element element, URI base) {
        String title = TextConstruct.toPlainText(TextConstruct.RSS, item.getTitle());
        String summary = summary(item);
        String content = content(item);
        String author = author(item);
        if (element != null) {
            title = title != null ? title : ItemExtensions.title(element);
            summary = summary != null ? summary : ItemExtensions.summary(element);
            content = content != null ? content : ItemExtensions.content(element);
            author = author != null ? author : ItemExtensions.author(element);
        }
        return new ParsedEntry(
                guid(item, element),
                link(item, base),
                title,
                summary,
                content,
                base,
                author,
                published(item, element),
                updated(element));
    }

    /** description is HTML in practice, whatever type Rome gives it (RSS 0.91 says text/plain). */
    private static String summary(Item item) {
        Description description = item.getDescription();
        return description == null ? null : TextConstruct.toHtml(TextConstruct.RSS, description.getValue());
    }

    /** content:encoded (RSS content module). */
    private static String content(Item item) {
        return item.getContent() == null ? null : TextConstruct.toHtml(TextConstruct.RSS, item.getContent().getValue());
    }

    /** RSS 2.0 guid; RSS 1.0 and 0.90 have none, but rdf:about is the item's identity there. */
    private static String guid(Item item, Element element) {
        if (item.getGuid() != null) {
            return TextConstruct.trimmed(item.getGuid().getValue());
        }
        return element == null ? null : TextConstruct.trimmed(element.getAttributeValue("about", RDF));
    }

    /** RSS 2.0: a guid is a permalink unless isPermaLink="false", but only trust one that is a URL. */
    private static URI link(Item item, URI base) {
        URI link = XmlBase.resolve(base, item.getLink());
        Guid guid = item.getGuid();
        if (link != null || guid == null || !guid.isPermaLink()) {
            return link;
        }
        URI permalink = XmlBase.resolve(null, guid.getValue());
        return permalink != null && isHttp(permalink) ? permalink : null;
    }

    private static String author(Item item) {
        String author = TextConstruct.trimmed(item.getAuthor());
        if (author == null && item.getModule(DCModule.URI) instanceof DCModule dc) {
            author = TextConstruct.trimmed(dc.getCreator());
        }
        return author;
    }

    /**
     * pubDate, else dc:date (RSS 1.0 and many 2.0 feeds carry only the latter), else Dublin Core
     * Terms issued or created, else the modification date: an item dated only by its last edit
     * was at least published then.
     */
    private static Instant published(Item item, Element element) {
        if (element != null) {
            Instant published = firstDate(element.getChildTextTrim("pubDate", element.getNamespace()),
                    element.getChildTextTrim("date", DC), element.getChildTextTrim("issued", DC_TERMS),
                    element.getChildTextTrim("created", DC_TERMS));
            return published != null ? published : updated(element);
        }
        Date date = item.getPubDate();
        if (date == null && item.getModule(DCModule.URI) instanceof DCModule dc) {
            date = dc.getDate();
        }
        return date == null ? null : date.toInstant();
    }

    private static Instant firstDate(String... texts) {
        for (String text : texts) {
            Instant instant = FeedDate.parse(text);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    /** Rome's Dublin Core module has no "modified"; read dcterms:modified (or a stray dc:modified). */
    private static Instant updated(Element element) {
        if (element == null) {
            return null;
        }
        Instant modified = FeedDate.parse(element.getChildTextTrim("modified", DC_TERMS));
        return modified != null ? modified : FeedDate.parse(element.getChildTextTrim("modified", DC));
    }

    /** RSS 0.91+ nests items in channel; RSS 0.90 and 1.0 (RDF) put them beside it. */
    private static Element channelElement(Element root) {
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                return child;
            }
        }
        return root;
    }

    /** The item elements in Rome's order, or empty when they cannot be paired with Rome's items. */
    private static List<Element> itemElements(Element root, Element channel, int expected) {
        Element parent = root.getName().equals("rss") ? channel : root;
        List<Element> items = parent.getChildren("item", channel.getNamespace());
        return items.size() == expected ? items : List.of();
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }
}
