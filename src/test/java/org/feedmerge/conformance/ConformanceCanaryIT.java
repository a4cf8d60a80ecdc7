package org.feedmerge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * The tripwire works: a parser that does fetch external entities (the JDK's DOM parser with its
 * defaults) is caught by the canary, and what it fetched carries the marker. Without this, "zero
 * connections" in {@link ConformanceIT} could mean a canary nobody could reach.
 */
class ConformanceCanaryIT {

    @Test
    void anEntityFetchingParserIsCaught() throws Exception {
        try (Canary canary = Canary.start()) {
            String document = "<!DOCTYPE rss [<!ENTITY ee SYSTEM \"http://remote.invalid/x\">"
                    + "<!ENTITY ef SYSTEM \"file:///PATH/TO/secret\">]><rss><a>&ee;</a><b>&ef;</b></rss>";
            byte[] planted = ExternalIds.pointAtCanary(document.getBytes(StandardCharsets.UTF_8),
                    canary.httpUrl("control/unsafe.xml"), canary.fileUrl());

            String text = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(planted)).getDocumentElement().getTextContent();

            assertThat(canary.connections()).singleElement().asString().contains(Canary.tag("control/unsafe.xml"));
            assertThat(text).isEqualTo(Canary.MARKER + Canary.MARKER);
        }
    }
}
