package org.feedmerge.publish;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.feedmerge.config.OutputConfig;

/**
 * Renders the merged feed as RSS 2.0 (https://www.rssboard.org/rss-specification). Pure: the same
 * snapshot gives the same bytes. Each item names its origin in {@code <source>}; HTML goes out as
 * escaped text in {@code description} and {@code content:encoded}.
 */
final class RssFeedWriter {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    /** RSS 2.0 {@code <author>} is an email address, optionally followed by the name in parentheses. */
    private static final Pattern EMAIL_AUTHOR =
            Pattern.compile("[^\\s@()<>\",;]+@[^\\s@()<>\",;]+\\.[^\\s@()<>\",;]+(\\s+\\([^()]*\\))?");

    private final OutputConfig output;
    private final URI self;

    /** @param self where this document is served, for {@code atom:link rel="self"} */
    RssFeedWriter(OutputConfig output, URI self) {
        this.output = Objects.requireNonNull(output, "output");
        this.self = Objects.requireNonNull(self, "self");
    }

    byte[] write(FeedSnapshot snapshot) {
        return XmlOutput.render(xml -> {
            xml.start("rss").attribute("version", "2.0")
                    .namespace("atom", ATOM_NS).namespace("content", CONTENT_NS).namespace("dc", DC_NS);
            xml.start("channel");
            channelHead(xml, snapshot);
            UniqueIds guids = new UniqueIds();
            for (PreparedEntry entry : snapshot.entries()) {
                item(xml, entry, guids.claim(entry.publicId(), n -> entry.publicId() + "#" + n));
            }
            xml.end().end();
        });
    }

    private void channelHead(XmlOutput xml, FeedSnapshot snapshot) throws XMLStreamException {
        xml.element("title", output.title())
                .element("link", output.link().toASCIIString())
                .element("description", output.description());
        xml.empty("atom", "link", ATOM_NS).attribute("href", self.toASCIIString())
                .attribute("rel", "self").attribute("type", "application/rss+xml");
        xml.element("lastBuildDate", FeedDates.rfc822(snapshot.updated()))
                .element("generator", "feedmerge");
    }

    private void item(XmlOutput xml, PreparedEntry entry, String guid) throws XMLStreamException {
        String description = entry.summary() != null ? entry.summary() : entry.content();
        xml.start("item")
                .optional("title", title(entry, description))
                .optional("link", entry.link())
                .optional("description", description == null
                        ? AlsoIn.line(entry.otherSources()) : AlsoIn.append(description, entry.otherSources()));
        if (entry.content() != null) {
            xml.element("content", "encoded", CONTENT_NS, AlsoIn.append(entry.content(), entry.otherSources()));
        }
        author(xml, entry.author());
        xml.start("guid").attribute("isPermaLink", "false").text(guid).end()
                .element("pubDate", FeedDates.rfc822(entry.published()))
                .start("source").attribute("url", entry.feedUrl()).text(entry.feedTitle()).end();
        via(xml, entry.otherSources());
        xml.end();
    }

    /**
     * RSS 2.0 allows one {@code <source>}; the other feeds carrying the story are named with Atom's
     * {@code link rel="via"} (RFC 4287 §4.2.7.2), which RSS readers that know Atom links understand.
     */
    private static void via(XmlOutput xml, List<OtherSource> sources) throws XMLStreamException {
        for (OtherSource source : sources) {
            if (source.link() != null) {
                xml.empty("atom", "link", ATOM_NS).attribute("rel", "via").attribute("href", source.link())
                        .attribute("title", source.name());
            }
        }
    }

    /** RSS needs a title or a description; with neither, the link (or a placeholder) stands in. */
    private static String title(PreparedEntry entry, String description) {
        if (entry.title() != null || description != null) {
            return entry.title();
        }
        return entry.link() != null ? entry.link() : "(untitled)";
    }

    private static void author(XmlOutput xml, String author) throws XMLStreamException {
        if (author == null) {
            return;
        }
        if (EMAIL_AUTHOR.matcher(author).matches()) {
            xml.element("author", author);
        } else {
            xml.element("dc", "creator", DC_NS, author);
        }
    }
}
