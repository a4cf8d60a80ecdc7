package org.feedmerge.publish;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's {@link XMLStreamWriter} that renders a whole document to UTF-8 bytes.
 * Every text and attribute value passes {@link XmlChars#clean} here, whatever its origin, so the
 * output is well-formed even if a caller forgot; the writer escapes {@code <}, {@code &} and quotes.
 */
final class XmlOutput {

    /** The body of a document, between the XML declaration and the end. */
    @FunctionalInterface
    interface Body {
        void write(XmlOutput xml) throws XMLStreamException;
    }

    private final XMLStreamWriter writer;

    private XmlOutput(XMLStreamWriter writer) {
        this.writer = writer;
    }

    /** Renders one document. Writing into memory cannot fail, so a failure here is a bug. */
    static byte[] render(Body body) {
        // Write characters and encode once: the StAX writer's own UTF-8 encoding goes a char at a
        // time and was 68% of render CPU (docs/performance.md).
        StringWriter text = new StringWriter(64 * 1024);
        try {
            // The JDK's own implementation, not whichever StAX provider the class path carries.
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(new XmlOutput(writer));
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("rendering XML into memory failed", e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    XmlOutput start(String localName) throws XMLStreamException {
        writer.writeStartElement(localName);
        return this;
    }

    XmlOutput start(String prefix, String localName, String namespace) throws XMLStreamException {
        writer.writeStartElement(prefix, localName, namespace);
        return this;
    }

    /** An element without content; attributes may follow. */
    XmlOutput empty(String localName) throws XMLStreamException {
        writer.writeEmptyElement(localName);
        return this;
    }

    XmlOutput empty(String prefix, String localName, String namespace) throws XMLStreamException {
        writer.writeEmptyElement(prefix, localName, namespace);
        return this;
    }

    XmlOutput defaultNamespace(String namespace) throws XMLStreamException {
        writer.writeDefaultNamespace(namespace);
        return this;
    }

    XmlOutput namespace(String prefix, String namespace) throws XMLStreamException {
        writer.writeNamespace(prefix, namespace);
        return this;
    }

    XmlOutput attribute(String name, String value) throws XMLStreamException {
        writer.writeAttribute(name, XmlChars.clean(value));
        return this;
    }

    XmlOutput text(String text) throws XMLStreamException {
        writer.writeCharacters(XmlChars.clean(text));
        return this;
    }

    XmlOutput end() throws XMLStreamException {
        writer.writeEndElement();
        return this;
    }

    /** {@code <localName>text</localName>}. */
    XmlOutput element(String localName, String text) throws XMLStreamException {
        return start(localName).text(text).end();
    }

    XmlOutput element(String prefix, String localName, String namespace, String text) throws XMLStreamException {
        return start(prefix, localName, namespace).text(text).end();
    }

    /** {@link #element} when {@code text} is not null, else nothing. */
    XmlOutput optional(String localName, String text) throws XMLStreamException {
        return text == null ? this : element(localName, text);
    }
}
