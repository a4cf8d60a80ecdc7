package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing outside the document is ever fetched or read, and entity bombs are refused quickly.
 * The timeouts are a safety net against a hang, not a performance assertion.
 *
 * <p>Named *Test although it binds a loopback port: nothing may ever connect to it, the test takes
 * milliseconds, and a security regression should fail every build, not only the integration run.
 */
class FeedParserSecurityTest {
    private static final Duration SAFETY_NET = Duration.ofSeconds(10);
    private static final String MARKER = "LEAKED-FILE-CONTENT-7f3a";

    private final FeedParser parser = new FeedParser();

    @Test
    void billionLaughsIsRefused() {
        assertRefused(Fixtures.bytes("billion-laughs.xml"));
    }

    @Test
    void quadraticBlowupIsRefused() {
        // 2,000 references to a 50,000-character entity: 100 MB if expanded.
        String entity = "A".repeat(50_000);
        String document = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"" + entity + "\">]>"
                + "<rss version=\"2.0\"><channel><title>" + "&a;".repeat(2_000) + "</title>"
                + "<link>https://bomb.example/</link><description>d</description></channel></rss>";

        assertRefused(document.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void limitsApplyPerDocumentAndAPooledParserRecoversFromARefusal() throws Exception {
        // 6,000 expansions is under the limit once, over it if counts leaked between documents.
        String document = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e \"x\">]>"
                + "<rss version=\"2.0\"><channel><title>" + "&e;".repeat(6_000) + "</title>"
                + "<link>https://many.example/</link><description>d</description></channel></rss>";
        byte[] body = document.getBytes(StandardCharsets.US_ASCII);

        for (int i = 0; i < 3; i++) {
            assertRefused(Fixtures.bytes("billion-laughs.xml"));
            assertThat(parser.parse(body, "text/xml", Fixtures.FEED_URL).title()).hasSize(6_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xmlbomb.xml", "xmlbomb2.xml", "quadratic.xml", "cyclic.xml", "dtd_element.xml"})
    void defusedxmlCorpusReturnsOrFailsCleanlyAndFast(String name) throws IOException {
        Path file = Fixtures.CORPUS.resolve("defusedxml").resolve(name);
        assumeTrue(Files.exists(file), "shared corpus not present");
        byte[] body = Files.readAllBytes(file);

        // None of these roots is a feed; what matters is a FeedParseException, quickly.
        assertTimeoutPreemptively(SAFETY_NET, () ->
                assertThatThrownBy(() -> parser.parse(body, "text/xml", Fixtures.FEED_URL))
                        .isInstanceOf(FeedParseException.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxe-external-entity.xml", "xxe-parameter-entity.xml", "xxe-external-dtd.xml", "xinclude.xml"})
    void noConnectionIsMadeForExternalReferences(String fixture) throws Exception {
        try (LoopbackListener listener = new LoopbackListener()) {
            ParsedFeed feed = parseWithTarget(Fixtures.bytes(fixture), listener.url("evil.dtd"));

            assertThat(feed.title()).isNotNull();
            assertThat(listener.connections()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxe-external-entity.xml", "xxe-parameter-entity.xml", "xxe-external-dtd.xml", "xinclude.xml"})
    void noFileIsReadForExternalReferences(String fixture, @TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), MARKER);

        ParsedFeed feed = parseWithTarget(Fixtures.bytes(fixture), secret.toUri().toString());

        assertThat(feed.toString()).doesNotContain(MARKER);
    }

    @Test
    void defusedxmlExternalEntitiesConnectToNothing() throws Exception {
        Path dir = Fixtures.CORPUS.resolve("defusedxml");
        assumeTrue(Files.isDirectory(dir), "shared corpus not present");
        try (LoopbackListener listener = new LoopbackListener()) {
            for (String name : new String[] {"external.xml", "external_file.xml", "dtd.xml"}) {
                String document = Files.readString(dir.resolve(name))
                        .replaceAll("(SYSTEM|PUBLIC \"[^\"]*\")\\s+\"[^\"]+\"", "$1 \"" + listener.url(name) + "\"");
                byte[] body = document.getBytes(StandardCharsets.UTF_8);

                assertThatThrownBy(() -> parser.parse(body, "text/xml", Fixtures.FEED_URL))
                        .isInstanceOf(FeedParseException.class);
            }
            assertThat(listener.connections()).isZero();
        }
    }

    private ParsedFeed parseWithTarget(byte[] template, String target) throws Exception {
        byte[] body = new String(template, StandardCharsets.UTF_8).replace("@TARGET@", target)
                .getBytes(StandardCharsets.UTF_8);
        return assertTimeoutPreemptively(SAFETY_NET, () -> parser.parse(body, "application/rss+xml", Fixtures.FEED_URL));
    }

    private void assertRefused(byte[] body) {
        assertTimeoutPreemptively(SAFETY_NET, () ->
                assertThatThrownBy(() -> parser.parse(body, "text/xml", Fixtures.FEED_URL))
                        .isInstanceOf(FeedParseException.class)
                        .hasMessageStartingWith("XML refused, processing limit exceeded"));
    }
}
