package org.feedmerge.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome into {@link ParsedFeed}. Never fetches or
 * reads DTDs or external entities; entities declared inside the document are expanded within
 * strict limits. Thread-safe: one instance serves every poll thread. Pure: no I/O, no clock.
 */
public final class FeedParser {
    /** What {@link WireFeedInput#build(Document)} says when no parser claims the root element. */
    private static final String ROME_NO_PARSER = "Invalid document";

    private final HardenedXmlParser xmlParser = new HardenedXmlParser();
    /** Thread-safe for build(Document): its settings are fixed and Rome's parsers are stateless. */
    private final WireFeedInput rome = new WireFeedInput(false, Locale.US);

    /**
     * @param body        raw bytes as fetched
     * @param contentType the HTTP Content-Type (may carry a charset), or null
     * @param feedUrl     the URL the document came from: base for relative links
     * @throws FeedParseException when the document is not a usable feed
     */
    public ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedParseException {
        Objects.requireNonNull(body, "body");
        String text = XmlTextDecoder.decode(body, contentType);
        DocumentKind.of(text).rejectIfNotMarkup();
        Document document = parseXml(text);
        WireFeed wireFeed = readWithRome(document);
        return toParsedFeed(wireFeed, document.getRootElement(), feedUrl);
    }

    private Document parseXml(String text) throws FeedParseException {
        try {
            return xmlParser.parse(XmlHealer.readerFor(text));
        } catch (JDOMParseException e) {
            throw xmlFailure(text, e);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("XML could not be parsed: " + OneLine.of(e), e);
        }
    }

    private static FeedParseException xmlFailure(String text, JDOMParseException e) {
        if (DocumentKind.looksLikeHtml(text)) {
            return new FeedParseException("not a feed: HTML page", e);
        }
        String detail = OneLine.of(e.getCause() != null ? e.getCause() : e);
        // JAXP0001xxxx are the JDK's processing-limit errors (java.xml module summary).
        String problem = detail.startsWith("JAXP0001")
                ? "XML refused, processing limit exceeded"
                : "XML is not well-formed";
        return new FeedParseException(problem + " at line " + e.getLineNumber() + ": " + detail, e);
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
            throw notAFeed(root, noParser);
        }
        root.setAttribute("version", "2.0");
        return readWithRome(document);
    }

    private static FeedParseException notAFeed(Element root, Exception cause) {
        if (root.getName().equalsIgnoreCase("html")) {
            return new FeedParseException("not a feed: HTML page", cause);
        }
        return new FeedParseException(
                "not a feed: XML document with root element <" + root.getQualifiedName() + ">", cause);
    }

    private static FeedParseException romeFailure(Exception e) {
        return new FeedParseException("Rome could not read the feed: " + OneLine.of(e), e);
    }

    private static ParsedFeed toParsedFeed(WireFeed wireFeed, Element root, URI feedUrl) throws FeedParseException {
        if (wireFeed instanceof Channel channel) {
            return RssMapper.map(channel, root, feedUrl);
        }
        if (wireFeed instanceof Feed feed) {
            return AtomMapper.map(feed, root, feedUrl);
        }
        throw new FeedParseException("unsupported feed type: " + wireFeed.getFeedType());
    }
}
