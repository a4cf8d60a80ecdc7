package org.feedmerge.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.SAXEngine;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Parses XML text into a JDOM {@link Document} without ever reading anything but that text, with
 * entity expansion bounded. Thread-safe: JDOM engines are not, so each parse borrows one from a
 * pool, which grows to the number of threads that parse at once.
 *
 * <p>Why not Rome's own {@code WireFeedInput.createSAXBuilder()}: with DOCTYPEs allowed it leaves
 * entity expansion to the JDK defaults (64,000 expansions; ~50 MB of entity text) and creates a
 * parser per call. We keep its three feature settings and add:
 * <ul>
 *   <li>the JDK's own parser ({@link SAXParserFactory#newDefaultInstance()}), so that the
 *       {@code jdk.xml.*} limits below apply whatever else is on the class path;</li>
 *   <li>{@link XMLConstants#FEATURE_SECURE_PROCESSING}, and empty {@code accessExternalDTD} /
 *       {@code accessExternalSchema}: no protocol may be used to fetch anything;</li>
 *   <li>the external-entity features pinned off: JDOM maps {@code setExpandEntities(true)} onto
 *       {@code external-general-entities=true}, so a filter refuses to change them;</li>
 *   <li>an entity resolver that answers every lookup with an empty document;</li>
 *   <li>tight limits: a billion-laughs document hits the expansion count, a quadratic blow-up the
 *       total size, each after at most about a megabyte of expansion.</li>
 * </ul>
 * DOCTYPEs stay allowed (Rome's {@code allowDoctypes}): RSS 0.91 declares one, and internal
 * entities are expanded so their text is not lost.
 */
final class HardenedXmlParser {
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    /** JDK limits (java.xml module summary); values are far above what any real feed needs. */
    private static final Map<String, String> LIMITS = Map.of(
            "jdk.xml.entityExpansionLimit", "10000",
            "jdk.xml.totalEntitySizeLimit", "1000000",
            "jdk.xml.maxGeneralEntitySizeLimit", "1000000",
            "jdk.xml.maxParameterEntitySizeLimit", "100000",
            "jdk.xml.entityReplacementLimit", "1000000",
            "jdk.xml.maxElementDepth", "500");

    private final SAXParserFactory factory = secureFactory();
    private final Queue<SAXEngine> idleEngines = new ConcurrentLinkedQueue<>();

    Document parse(Reader text) throws JDOMException, IOException {
        SAXEngine engine = idleEngines.poll();
        if (engine == null) {
            engine = newEngine();
        }
        try {
            Document document = engine.build(text);
            idleEngines.offer(engine);
            return document;
        } catch (JDOMException | IOException e) {
            // An expected failure leaves the engine reusable: the parser resets at each document.
            idleEngines.offer(engine);
            throw e;
        }
    }

    private SAXEngine newEngine() throws JDOMException {
        SAXBuilder builder = new SAXBuilder(new PinnedReaderFactory());
        builder.setExpandEntities(true);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return builder.buildEngine();
    }

    private static SAXParserFactory secureFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK XML parser refused a security feature", e);
        }
        return factory;
    }

    /** Creates JDK SAX readers with the limits set and the external-entity features pinned. */
    private final class PinnedReaderFactory implements XMLReaderJDOMFactory {
        @Override
        public XMLReader createXMLReader() throws JDOMException {
            try {
                XMLReader reader = newReader();
                reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                for (Map.Entry<String, String> limit : LIMITS.entrySet()) {
                    reader.setProperty(limit.getKey(), limit.getValue());
                }
                return new PinnedFeatures(reader);
            } catch (ParserConfigurationException | SAXException e) {
                throw new JDOMException("cannot create a hardened SAX parser", e);
            }
        }

        @Override
        public boolean isValidating() {
            return false;
        }

        private XMLReader newReader() throws ParserConfigurationException, SAXException {
            // SAXParserFactory is not specified to be thread-safe; engines are created rarely.
            synchronized (factory) {
                return factory.newSAXParser().getXMLReader();
            }
        }
    }

    /** Passes everything through, except attempts to switch external entities back on. */
    private static final class PinnedFeatures extends XMLFilterImpl {
        PinnedFeatures(XMLReader parent) {
            super(parent);
        }

        @Override
        public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
            if (EXTERNAL_GENERAL_ENTITIES.equals(name) || EXTERNAL_PARAMETER_ENTITIES.equals(name)
                    || LOAD_EXTERNAL_DTD.equals(name)) {
                return;
            }
            super.setFeature(name, value);
        }
    }
}
