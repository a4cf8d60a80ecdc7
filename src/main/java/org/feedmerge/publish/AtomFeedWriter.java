package org.feedmerge.publish;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import org.feedmerge.config.OutputConfig;

/**
 * Renders the merged feed as Atom 1.0 (RFC 4287). Pure: the same snapshot gives the same bytes.
 * Each entry carries an {@code atom:source} (§4.2.11) naming the feed it came from.
 */
final class AtomFeedWriter {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private final OutputConfig output;
    private final URI self;

    /** @param self where this document is served, for {@code link rel="self"} */
    AtomFeedWriter(OutputConfig output, URI self) {
        this.output = Objects.requireNonNull(output, "output");
        this.self = Objects.requireNonNull(self, "self");
    }

    byte[] write(FeedSnapshot snapshot) {
        return XmlOutput.render(xml -> {
            xml.start("feed").defaultNamespace(ATOM_NS);
            feedHead(xml, snapshot);
            UniqueIds ids = new UniqueIds();
            for (PreparedEntry entry : snapshot.entries()) {
                String publicId = entry.publicId();
                entry(xml, entry, ids.claim(Iris.atomId(publicId), n -> Iris.atomId(publicId + "#" + n)));
            }
            xml.end();
        });
    }

    private void feedHead(XmlOutput xml, FeedSnapshot snapshot) throws XMLStreamException {
        // The output link is validated as an absolute http(s) URI, so it serves as the feed's id (§4.2.6).
        String site = output.link().toASCIIString();
        xml.element("id", site).element("title", output.title());
        if (!output.description().isBlank()) {
            xml.element("subtitle", output.description());
        }
        xml.element("updated", FeedDates.rfc3339(snapshot.updated()));
        link(xml, "self", self.toASCIIString(), "application/atom+xml");
        link(xml, "alternate", site, "text/html");
        xml.start("author").element("name", "feedmerge").end()
                .element("generator", "feedmerge");
    }

    private void entry(XmlOutput xml, PreparedEntry entry, String id) throws XMLStreamException {
        String alternate = entry.link() != null ? entry.link() : entry.feedLink();
        xml.start("entry").element("id", id).element("title", title(entry));
        if (alternate != null) {
            link(xml, "alternate", alternate, null);
        }
        via(xml, entry.otherSources());
        xml.element("published", FeedDates.rfc3339(entry.published()))
                .element("updated", FeedDates.rfc3339(entry.updated()))
                .start("author").element("name", entry.author() != null ? entry.author() : entry.feedTitle()).end();
        String summary = entry.summary() == null && entry.content() == null
                ? AlsoIn.line(entry.otherSources()) : AlsoIn.append(entry.summary(), entry.otherSources());
        if (summary != null) {
            xml.start("summary").attribute("type", "html").text(summary).end();
        }
        // §4.1.1.1: an entry without content must have an alternate link; an empty content stands in for both.
        if (entry.content() != null || alternate == null) {
            String content = AlsoIn.append(entry.content(), entry.otherSources());
            xml.start("content").attribute("type", "html").text(Objects.requireNonNullElse(content, "")).end();
        }
        source(xml, entry);
        xml.end();
    }

    /** The other feeds carrying the same story: {@code link rel="via"} (§4.2.7.2), titled with the feed's name. */
    private static void via(XmlOutput xml, List<OtherSource> sources) throws XMLStreamException {
        for (OtherSource source : sources) {
            if (source.link() != null) {
                xml.empty("link").attribute("rel", "via").attribute("href", source.link())
                        .attribute("title", source.name());
            }
        }
    }

    private static String title(PreparedEntry entry) {
        if (entry.title() != null) {
            return entry.title();
        }
        return entry.link() != null ? entry.link() : "(untitled)";
    }

    /** The feed as it was when the entry was taken from it (§4.2.11); its updated is the entry's last change. */
    private static void source(XmlOutput xml, PreparedEntry entry) throws XMLStreamException {
        xml.start("source").element("id", Iris.atomId(entry.feedUrl())).element("title", entry.feedTitle());
        if (entry.feedLink() != null) {
            link(xml, "alternate", entry.feedLink(), null);
        }
        if (Iris.isAbsolute(entry.feedUrl())) {
            link(xml, "self", entry.feedUrl(), null);
        }
        xml.element("updated", FeedDates.rfc3339(entry.lastChange())).end();
    }

    private static void link(XmlOutput xml, String rel, String href, String type) throws XMLStreamException {
        xml.empty("link").attribute("rel", rel).attribute("href", href);
        if (type != null) {
            xml.attribute("type", type);
        }
    }
}
