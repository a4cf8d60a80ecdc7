package org.feedmerge.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Namespace-aware DOM parsing that never reads anything but the given bytes, and child lookups. */
final class Xml {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    /** Building a parser costs more than parsing a small feed, so each thread keeps one of each kind. */
    private static final ThreadLocal<DocumentBuilder> OUTPUT_BUILDER = ThreadLocal.withInitial(() -> builder(false));
    private static final ThreadLocal<DocumentBuilder> SOURCE_BUILDER = ThreadLocal.withInitial(() -> builder(true));

    private Xml() {
    }

    /** Thrown when bytes are not well-formed XML (or declare a DOCTYPE where none is allowed). */
    static final class NotWellFormed extends Exception {
        private static final long serialVersionUID = 1L;

        NotWellFormed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Strict parse of merged output: a DOCTYPE is refused, as feedmerge never writes one. */
    static Element parseOutput(byte[] xml) throws NotWellFormed {
        return parse(xml, false);
    }

    /** Parse of a source document: a DOCTYPE is allowed, but no external DTD or entity is read. */
    static Element parseSource(byte[] xml) throws NotWellFormed {
        return parse(xml, true);
    }

    private static Element parse(byte[] xml, boolean allowDoctype) throws NotWellFormed {
        DocumentBuilder builder = (allowDoctype ? SOURCE_BUILDER : OUTPUT_BUILDER).get();
        try {
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new NotWellFormed(OneLine.of(e.getMessage()), e);
        } finally {
            builder.reset();
            quiet(builder);
        }
    }

    private static DocumentBuilder builder(boolean allowDoctype) {
        try {
            DocumentBuilder builder = factory(allowDoctype).newDocumentBuilder();
            quiet(builder);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK DOM parser refused a feature", e);
        }
    }

    /** No error output on stderr, and every external entity read as empty. */
    private static void quiet(DocumentBuilder builder) {
        builder.setErrorHandler(null);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    }

    private static DocumentBuilderFactory factory(boolean allowDoctype) throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !allowDoctype);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, namespace, localName)) {
                found.add(element);
            }
        }
        return found;
    }

    static boolean is(Element element, String namespace, String localName) {
        return localName.equals(localNameOf(element)) && sameNamespace(namespace, element.getNamespaceURI());
    }

    /** The text of the first such child, or null when there is none. */
    static String text(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    /** The attribute's value, or null when it is absent. */
    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static String localNameOf(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static boolean sameNamespace(String a, String b) {
        return a == null || a.isEmpty() ? b == null || b.isEmpty() : a.equals(b);
    }
}
