package org.feedmerge.parse;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;

/**
 * Reads feed text into a JDOM document the way a lenient feed reader would, every step through
 * the {@link HardenedXmlParser}: first the text as {@link XmlRepair} mends it (the same text when
 * it needed nothing: the fast path); if that is still rejected, undeclared namespace prefixes are
 * declared ({@link UndeclaredPrefixes}); then, unless it was cut off, jsoup's forgiving tree
 * builder rebuilds it ({@link XmlSalvage}). A refusal for exceeding a processing limit (an entity bomb) is final, an
 * HTML page is named as one, and when nothing works the error is the parser's first complaint.
 */
final class LenientXmlReader {
    private final HardenedXmlParser parser = new HardenedXmlParser();

    Document read(String text, URI documentUrl) throws FeedParseException {
        String repaired = XmlRepair.repair(text);
        try {
            return parser.parse(new StringReader(repaired));
        } catch (JDOMParseException e) {
            return recover(text, repaired, e, documentUrl);
        } catch (JDOMException | IOException e) {
            throw new FeedParseException("XML could not be parsed: " + OneLine.of(e), e);
        }
    }

    private Document recover(String text, String repaired, JDOMParseException failure, URI documentUrl)
            throws FeedParseException {
        String detail = OneLine.of(failure.getCause() != null ? failure.getCause() : failure);
        // JAXP0001xxxx are the JDK's processing-limit errors (java.xml module summary).
        if (detail.startsWith("JAXP0001")) {
            throw new FeedParseException("XML refused, processing limit exceeded at line "
                    + failure.getLineNumber() + ": " + detail, failure);
        }
        if (DocumentKind.looksLikeHtml(text)) {
            throw HtmlPage.notAFeed(text, documentUrl);
        }
        Document recovered = parseOrNull(UndeclaredPrefixes.declare(repaired));
        if (recovered == null) {
            recovered = salvage(repaired);
        }
        if (recovered == null && Prolog.rootElementStart(repaired) < 0) {
            throw new FeedParseException("not a feed: no XML element in the document", failure);
        }
        if (recovered == null && XmlSalvage.isTruncated(repaired)) {
            throw new FeedParseException("XML is truncated at line " + failure.getLineNumber()
                    + ": the root element is never closed", failure);
        }
        if (recovered == null) {
            throw new FeedParseException("XML is not well-formed at line " + failure.getLineNumber() + ": " + detail,
                    failure);
        }
        return recovered;
    }

    private Document salvage(String repaired) {
        String rebuilt = XmlSalvage.rebuild(repaired);
        if (rebuilt == null) {
            return null;
        }
        String declared = UndeclaredPrefixes.declare(rebuilt);
        return parseOrNull(declared != null ? declared : rebuilt);
    }

    /** A recovery attempt: failing is expected, and the first failure is the one reported. */
    private Document parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return parser.parse(new StringReader(text));
        } catch (JDOMException | IOException stillBroken) {
            return null;
        }
    }
}
