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
import org.jdom2.Element;

/**
 * Atom 1.0 (RFC 4287) and Atom 0.3, as Rome reads them ({@link Feed}), to a {@link ParsedFeed}.
 * Links are chosen and resolved from the JDOM elements, because Rome leaves them relative and
 * ignores {@code xml:base} unless a global switch is flipped.
 */
final class AtomMapper {
    private AtomMapper() {
    }

    static ParsedFeed map(Feed feed, Element root, URI feedUrl) {
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
                entries);
    }

    private static ParsedEntry entry(Entry entry, Element element, URI feedUrl, String feedAuthor) {
        return new ParsedEntry(
                TextConstruct.trimmed(entry.getId()),
                element != null ? link(element, feedUrl) : romeLink(entry, feedUrl),
                plainText(entry.getTitleEx()),
                html(entry.getSummary()),
                entry.getContents().isEmpty() ? null : html(entry.getContents().get(0)),
                author(entry, feedAuthor),
                published(entry),
                instant(entry.getUpdated()));
    }

    /** RFC 4287 §4.2.7.2: no rel means "alternate". Fall back to a page about the entry. */
    private static URI link(Element owner, URI documentUri) {
        Element chosen = null;
        for (Element link : owner.getChildren("link", owner.getNamespace())) {
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
        return XmlBase.resolve(XmlBase.of(chosen, documentUri), chosen.getAttributeValue("href"));
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
    private static Instant published(Entry entry) {
        Date date = entry.getPublished() != null ? entry.getPublished() : entry.getCreated();
        if (date == null && entry.getModule(DCModule.URI) instanceof DCModule dc) {
            date = dc.getDate();
        }
        return instant(date != null ? date : entry.getUpdated());
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
