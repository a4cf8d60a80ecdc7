package org.feedmerge.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 (with Rome) and JSON Feed 1.0/1.1 (with Jackson) into
 * {@link ParsedFeed}. The format is found by sniffing the content, never from the URL, file
 * extension or Content-Type, which often lie. Broken documents are mended as far as a lenient
 * reader would go; entry HTML comes out as the feed gave it, with its base (the merged feed
 * sanitises what it shows: {@link HtmlSanitizer}). Never fetches or reads DTDs or external
 * entities; entities declared inside the document are expanded within strict limits.
 *
 * <p>Every outcome is a {@link ParsedFeed} or a {@link FeedParseException} with a one-line
 * reason: no other exception escapes {@link #parse}. Thread-safe: one instance serves every poll
 * thread. Pure: no I/O, no clock.
 */
public final class FeedParser {
    /** What {@link WireFeedInput#build(Document)} says when no parser claims the root element. */
    private static final String ROME_NO_PARSER = "Invalid document";

    private final LenientXmlReader xmlReader = new LenientXmlReader();
    private final JsonFeedReader jsonFeedReader = new JsonFeedReader();
    /** Thread-safe for build(Document): its settings are fixed and Rome's parsers are stateless. */
    private final WireFeedInput rome = new WireFeedInput(false, Locale.US);

    /**
     * @param body        raw bytes as fetched
     * @param contentType the HTTP Content-Type (only its charset is used), or null
     * @param feedUrl     the URL the document came from: base for relative links, or null
     * @throws FeedParseException when the document is not a usable feed
     */
    public ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedParseException {
        Objects.requireNonNull(body, "body");
        try {
            return read(body, contentType, feedUrl);
        } catch (RuntimeException e) {
            // A library failing on input nobody foresaw is still this feed's problem, not the poller's.
            throw new FeedParseException("feed could not be read: " + e.getClass().getSimpleName() + ": " + OneLine.of(e), e);
        }
    }

    private ParsedFeed read(byte[] body, String contentType, URI feedUrl) throws FeedParseException {
        String text = BodyDecoder.decode(body, contentType).text();
        return switch (DocumentKind.of(text)) {
            case EMPTY -> throw new FeedParseException("empty document");
            case JSON -> jsonFeedReader.read(text, feedUrl);
            case HTML -> throw HtmlPage.notAFeed(text, feedUrl);
            case MARKUP -> readXml(text, feedUrl);
        };
    }

    private ParsedFeed readXml(String text, URI feedUrl) throws FeedParseException {
        Document document = xmlReader.read(text, feedUrl);
        Element root = document.getRootElement();
        if (root.getName().equalsIgnoreCase("html")) {
            throw HtmlPage.notAFeed(text, feedUrl);
        }
        RomeCompatibility.adapt(root);
        PublisherHints hints = PublisherHintsReader.readAndDetach(root);
        List<Element> dates = RomeDates.hide(root);
        WireFeed wireFeed;
        try {
            wireFeed = readWithRome(document);
        } finally {
            RomeDates.restore(dates);
        }
        return toParsedFeed(wireFeed, root, feedUrl, hints);
    }

    private WireFeed readWithRome(Document document) throws FeedParseException {
        try {
            return rome.build(document);
        } catch (IllegalArgumentException e) {
            if (!ROME_NO_PARSER.equals(e.getMessage())) {
                throw romeFailure(e);
            }
            return readUnknownVersion(document, e);
        } catch (FeedException | RuntimeException e) {
            throw romeFailure(e);
        }
    }

    /** {@code <rss>} with a version Rome does not know ("2", "3.0", none) is read as RSS 2.0. */
    private WireFeed readUnknownVersion(Document document, IllegalArgumentException noParser)
            throws FeedParseException {
        Element root = document.getRootElement();
        if (!root.getName().equals("rss") || "2.0".equals(root.getAttributeValue("version"))) {
            throw new FeedParseException(
                    "not a feed: XML document with root element <" + root.getQualifiedName() + ">", noParser);
        }
        root.setAttribute("version", "2.0");
        return readWithRome(document);
    }

    private static FeedParseException romeFailure(Exception e) {
        return new FeedParseException("Rome could not read the feed: " + OneLine.of(e), e);
    }

    private static ParsedFeed toParsedFeed(WireFeed wireFeed, Element root, URI feedUrl, PublisherHints hints)
            throws FeedParseException {
        if (wireFeed instanceof Channel channel) {
            return RssMapper.map(channel, root, feedUrl, hints);
        }
        if (wireFeed instanceof Feed feed) {
            return AtomMapper.map(feed, root, feedUrl, hints);
        }
        throw new FeedParseException("unsupported feed type: " + wireFeed.getFeedType());
    }
}
