package org.feedmerge.parse;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndPerson;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Atom 1.0 (RFC 4287) and Atom 0.3, as Rome reads them ({@link Feed}), to a {@link ParsedFeed}.
 * Links are chosen and resolved from the JDOM elements, because Rome leaves them relative and
 * ignores {@code xml:base} unless a global switch is flipped; dates are read from the element
 * texts by {@link FeedDate}; summary and content are kept as the feed gave them, with their base.
 */
final class AtomMapper {
    private static final Namespace DC = Namespace.getNamespace(DCModule.URI);

    private AtomMapper() {
    }

    static ParsedFeed map(Feed feed, Element root, URI feedUrl, PublisherHints hints) {
        List<Element> entryElements = root.getChildren("entry", root.getNamespace());
        boolean paired = entryElements.size() == feed.getEntries().size();
        String feedAuthor = firstName(feed.getAuthors());
        List<ParsedEntry> entries = new ArrayList<>(feed.getEntries().size());
        for (int i = 0; i < feed.getEntries().size(); i++) {
            Element element = paired ? entryElements.get(i) : null;
            entries.add(entry(feed.getEntries().get(i), element, feedUrl, feedAuthor));
        }
        Content subtitle = feed.getSubtitle() != null ? feed.getSubtitle() : feed.getTagline();
        return new ParsedFeed(
                plainText(feed.getTitleEx()),
                link(root, feedUrl),
                plainText(subtitle),
                entries,
                hints);
    }

    /**
     * Summary and content share one base ({@link ParsedEntry#htmlBase()}): the content's. In the rare
     * entry whose summary has a base of its own (an xml:base on one of the two elements), the
     * summary is cleaned here, which makes its URLs absolute against its own base.
     */
    private static ParsedEntry entry(Entry entry, Element element, URI feedUrl, String feedAuthor) {
        String summary = html(entry.getSummary());
        String content = entry.getContents().isEmpty() ? null : html(entry.getContents().get(0));
        URI summaryBase = baseOf(element, "summary", feedUrl);
        URI contentBase = baseOf(element, "content", feedUrl);
        if (summary != null && content != null && !Objects.equals(summaryBase, contentBase)) {
            summary = HtmlSanitizer.clean(summary, summaryBase);
        }
        return new ParsedEntry(
                id(entry, element, feedUrl),
                element != null ? link(element, feedUrl) : romeLink(entry, feedUrl),
                plainText(entry.getTitleEx()),
                summary,
                content,
                content != null ? contentBase : summaryBase,
                author(entry, feedAuthor),
                published(entry, element),
                updated(entry, element));
    }

    /**
     * RFC 4287 §4.2.6 wants an absolute IRI, but some feeds write a path ({@code /2004/post}),
     * which lenient readers resolve against the base. Only such path references are resolved:
     * opaque ids that merely lack a scheme ({@code 12345}, {@code Correct Value}) stay as written,
     * so their identity does not depend on where the feed is fetched from.
     */
    private static String id(Entry entry, Element element, URI feedUrl) {
        String id = TextConstruct.trimmed(entry.getId());
        if (id == null || !id.startsWith("/")) {
            return id;
        }
        Element idElement = element == null ? null : element.getChild("id", element.getNamespace());
        URI resolved = XmlBase.resolve(XmlBase.of(idElement != null ? idElement : element, feedUrl), id);
        return resolved != null ? resolved.toString() : id;
    }

    /** The base in scope at the entry's summary or content element (RFC 4287 §2, XML Base). */
    private static URI baseOf(Element entry, String child, URI feedUrl) {
        if (entry == null) {
            return feedUrl;
        }
        Element construct = entry.getChild(child, entry.getNamespace());
        return XmlBase.of(construct != null ? construct : entry, feedUrl);
    }

    /** RFC 4287 §4.2.7.2: no rel means "alternate". Fall back to a page about the entry. */
    private static URI link(Element owner, URI documentUri) {
        Element chosen = null;
        for (Element link : owner.getChildren("link", owner.getNamespace())) {
            if (href(link) == null) {
                continue; // nothing to follow; a later link may have one
            }
            String rel = relOf(link);
            if (rel.equals("alternate")) {
                chosen = link;
                break;
            }
            if (chosen == null && (rel.equals("related") || rel.equals("via"))) {
                chosen = link;
            }
        }
        if (chosen == null) {
            return null;
        }
        return XmlBase.resolve(XmlBase.of(chosen, documentUri), href(chosen));
    }

    /** The href attribute; some feeds put the URL in the element's text instead. */
    private static String href(Element link) {
        String href = link.getAttributeValue("href");
        return href != null ? href : TextConstruct.trimmed(link.getText());
    }

    private static String relOf(Element link) {
        String rel = link.getAttributeValue("rel");
        return rel == null || rel.isBlank() ? "alternate" : rel.strip().toLowerCase(Locale.ROOT);
    }

    private static URI romeLink(Entry entry, URI feedUrl) {
        List<Link> alternates = entry.getAlternateLinks();
        return alternates.isEmpty() ? null : XmlBase.resolve(feedUrl, alternates.get(0).getHref());
    }

    /** RFC 4287 §4.2.1: an entry without an author inherits the feed's. */
    private static String author(Entry entry, String feedAuthor) {
        String author = firstName(entry.getAuthors());
        if (author == null && entry.getModule(DCModule.URI) instanceof DCModule dc) {
            author = TextConstruct.trimmed(dc.getCreator());
        }
        return author != null ? author : feedAuthor;
    }

    /** published (Atom 0.3: issued), then created, dc:date, and finally updated (0.3: modified). */
    private static Instant published(Entry entry, Element element) {
        Instant published = element == null ? romePublished(entry)
                : dateOf(element, "published", "issued", "created");
        if (published == null && element != null) {
            published = FeedDate.parse(element.getChildTextTrim("date", DC));
        }
        return published != null ? published : updated(entry, element);
    }

    private static Instant updated(Entry entry, Element element) {
        return element == null ? instant(entry.getUpdated()) : dateOf(element, "updated", "modified");
    }

    /** For an entry that could not be paired with its element: Rome's dates are all there is. */
    private static Instant romePublished(Entry entry) {
        Date date = entry.getPublished() != null ? entry.getPublished() : entry.getCreated();
        if (date == null && entry.getModule(DCModule.URI) instanceof DCModule dc) {
            date = dc.getDate();
        }
        return instant(date);
    }

    /** The first of the entry's child elements (in its namespace) whose text is a date. */
    private static Instant dateOf(Element entry, String... names) {
        if (entry == null) {
            return null;
        }
        for (String name : names) {
            Instant instant = FeedDate.parse(entry.getChildTextTrim(name, entry.getNamespace()));
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    private static String firstName(List<SyndPerson> persons) {
        for (SyndPerson person : persons) {
            String name = TextConstruct.trimmed(person.getName());
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String plainText(Content content) {
        return content == null ? null : TextConstruct.toPlainText(content.getType(), content.getValue());
    }

    /** Out-of-line content (src attribute) has no value to show. */
    private static String html(Content content) {
        if (content == null || content.getSrc() != null) {
            return null;
        }
        return TextConstruct.toHtml(content.getType(), content.getValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
