package org.feedmerge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The suite's own judges, checked on known-good and known-bad input: a checker that passes everything proves nothing. */
class ConformanceCheckersTest {

    private static final String RSS_HEAD = "<rss version=\"2.0\"><channel><title>t</title><link>http://example.com/</link>"
            + "<description>d</description>";

    private static byte[] rss(String items) {
        return (RSS_HEAD + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] atom(String entries) {
        return ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>http://example.com/</id><title>t</title>"
                + "<updated>2024-01-01T00:00:00Z</updated><author><name>a</name></author>" + entries + "</feed>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final String GOOD_ENTRY = "<entry><id>http://example.com/1</id><title>x</title>"
            + "<updated>2024-01-01T00:00:00Z</updated><link href=\"http://example.com/1\"/></entry>";

    @Test
    void rssValidityAcceptsAMinimalValidFeed() {
        assertThat(RssValidity.problems(rss("<item><title>x</title><guid>http://example.com/1</guid>"
                + "<pubDate>Tue, 02 Jan 2024 00:00:00 GMT</pubDate><source url=\"http://example.com/f\">f</source></item>")))
                .isEmpty();
    }

    @Test
    void rssValidityFindsWhatRss2Forbids() {
        assertThat(RssValidity.problems(rss("<item><link>/relative</link></item>"))).hasSize(2);
        assertThat(RssValidity.problems(rss("<item><title>x</title><pubDate>2024-01-02</pubDate></item>"))).hasSize(1);
        assertThat(RssValidity.problems(rss("<item><title>x</title><pubDate>Mon, 02 Jan 2024 00:00:00 GMT</pubDate></item>")))
                .singleElement().asString().contains("day of week");
        assertThat(RssValidity.problems(rss("<item><title>x</title><guid isPermaLink=\"false\">a</guid></item>"
                + "<item><title>y</title><guid isPermaLink=\"false\">a</guid></item>"))).singleElement().asString().contains("duplicate");
        assertThat(RssValidity.problems(rss("<item><title>x</title><source>no url</source></item>"))).hasSize(1);
        assertThat(RssValidity.problems("<rss version=\"2.0\"><channel></rss>".getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().startsWith("not well-formed");
        assertThat(RssValidity.problems(rss("<item><title>a\u0001b</title></item>"))).isNotEmpty();
    }

    @Test
    void atomValidityAcceptsAMinimalValidFeed() {
        assertThat(AtomValidity.problems(atom(GOOD_ENTRY))).isEmpty();
    }

    @Test
    void atomValidityFindsWhatRfc4287Forbids() {
        assertThat(AtomValidity.problems(atom(GOOD_ENTRY.replace("http://example.com/1</id>", "1</id>")))).hasSize(1);
        assertThat(AtomValidity.problems(atom(GOOD_ENTRY + GOOD_ENTRY))).singleElement().asString().contains("duplicate id");
        assertThat(AtomValidity.problems(atom(GOOD_ENTRY.replace("2024-01-01T00:00:00Z", "2024-01-01 00:00:00")))).hasSize(1);
        assertThat(AtomValidity.problems(atom(GOOD_ENTRY.replace("href=\"http://example.com/1\"", "href=\"/1\"")))).hasSize(1);
        assertThat(AtomValidity.problems(atom(GOOD_ENTRY.replace("<title>x</title>", "")))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\" JAVASCRIPT:alert(1)\">x</a>",
            "<img src=\"data:image/svg+xml;base64,AAAA\">",
            "<p style=\"width: expression(alert(1))\">x</p>",
            "<p style=\"background: url(http://evil/)\">x</p>",
            "<iframe src=\"http://evil/\"></iframe>",
            "<div style=\"position: absolute; top: 0\">x</div>"})
    void htmlSafetyFindsDanger(String html) {
        assertThat(HtmlSafety.problems(html)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>plain <b>bold</b> <a href=\"http://example.com/\" title=\"javascript: a word\">link</a></p>",
            "<img src=\"https://example.com/a.png\" alt=\"data: a chart\">",
            "<p style=\"color: red; font-weight: bold\">x</p>",
            "&lt;script&gt;shown as text&lt;/script&gt;"})
    void htmlSafetyPassesSafeMarkup(String html) {
        assertThat(HtmlSafety.problems(html)).isEmpty();
    }

    @Test
    void externalIdsPointDoctypeIdsAtTheCanaryAndLeaveTheRestAlone() {
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//x//EN\" \"http://remote/dtd\" [\n"
                + "<!ENTITY a SYSTEM 'file:///etc/passwd'>\n<!ENTITY b SYSTEM \"relative.ent\">\n]>\n"
                + "<rss><title>SYSTEM \"http://keep/me\"</title></rss>";
        String rewritten = new String(ExternalIds.pointAtCanary(document.getBytes(StandardCharsets.ISO_8859_1),
                "http://canary/", "file:/canary"), StandardCharsets.ISO_8859_1);
        assertThat(rewritten).contains("PUBLIC \"-//x//EN\" \"http://canary/\"", "SYSTEM \"file:/canary\"",
                "SYSTEM \"http://canary/\"", "<title>SYSTEM \"http://keep/me\"</title>").doesNotContain("remote", "passwd");
        byte[] noDoctype = "<rss/>".getBytes(StandardCharsets.UTF_8);
        assertThat(ExternalIds.pointAtCanary(noDoctype, "http://canary/", "file:/canary")).isSameAs(noDoctype);
    }

    @Test
    void formatsJudgeDatesAndIris() {
        assertThat(Formats.rfc822Problem("Tue, 02 Jan 2024 10:00:00 GMT")).isNull();
        assertThat(Formats.rfc822Problem("02 Jan 24 10:00 +0100")).isNull();
        assertThat(Formats.rfc822Problem("2024-01-02T10:00:00Z")).isNotNull();
        assertThat(Formats.rfc3339Problem("2024-01-02T10:00:00.5+01:00")).isNull();
        assertThat(Formats.rfc3339Problem("2024-02-30T10:00:00Z")).isNotNull();
        assertThat(Formats.isAbsoluteIri("http://例え.jp/パス")).isTrue();
        assertThat(Formats.isAbsoluteIri("urn:feedmerge:id:abc")).isTrue();
        assertThat(Formats.isAbsoluteIri("/relative")).isFalse();
        assertThat(Formats.isAbsoluteIri("http://a b/")).isFalse();
        assertThat(Formats.firstIllegalXmlChar("ok \uD83D\uDE00")).isNull();
        assertThat(Formats.firstIllegalXmlChar("bad \uFFFE")).isEqualTo("U+FFFE");
    }

    @Test
    void textsCompareWhatAReaderSees() {
        assertThat(Texts.plainMatches("<p>History of the &lt;blink&gt; tag</p>", "History of the <blink> tag")).isTrue();
        assertThat(Texts.plainMatches("Example <b>Atom</b>", "Example Atom")).isTrue();
        assertThat(Texts.plainMatches("Example Atom", "Example")).isFalse();
        assertThat(Texts.htmlMatches("safe <b>description</b>", "safe <strong>description</strong>")).isTrue();
        assertThat(Texts.htmlMatches("safe description", "safe<script>x</script> description")).isTrue();
        assertThat(Texts.htmlMatches("safe description", "")).isFalse();
    }

    @Test
    void charsetRulesDifferWhereRfc3023IgnoresTheDeclaration() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss>\u00e9</rss>".getBytes(StandardCharsets.ISO_8859_1);
        CharsetRules.Choice textXml = CharsetRules.of("text/xml", latin1).orElseThrow();
        assertThat(textXml).isEqualTo(new CharsetRules.Choice("us-ascii", "iso-8859-1"));
        assertThat(textXml.decodeDifferently(latin1)).isTrue();
        assertThat(CharsetRules.of("application/xml", latin1).orElseThrow().decodeDifferently(latin1)).isFalse();
        assertThat(CharsetRules.of("text/plain", latin1)).isEmpty();
    }

    @Test
    void republishedFieldsAreRecognisedAndTheRestSkipped() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Conjunct title = Conjunct.of(json.readTree("{\"root\":\"entries\",\"path\":[0,\"title_detail\",\"value\"],\"op\":\"==\",\"value\":\"x\"}"));
        Conjunct link = Conjunct.of(json.readTree(
                "{\"root\":\"entries\",\"path\":[0,\"links\",1],\"op\":\"==\",\"value\":{\"rel\":\"alternate\",\"href\":\"h\"}}"));
        Conjunct tags = Conjunct.of(json.readTree("{\"root\":\"entries\",\"path\":[0,\"tags\",0,\"term\"],\"op\":\"==\",\"value\":\"t\"}"));
        assertThat(Republished.of(title)).contains(new Republished(Republished.Field.TITLE, 0));
        assertThat(Republished.of(link)).contains(new Republished(Republished.Field.LINK, 0));
        assertThat(Republished.of(tags)).isEmpty();
        assertThat(Republished.describe(tags)).isEqualTo("entries[N].tags[N].term not republished");
        assertThat(List.of(FeedparserFolder.instant("Thu, 01 Jan 2004 19:48:21 GMT"), FeedparserFolder.instant("2004-01-01T19:48:21Z")))
                .allMatch(instant -> instant.equals(FeedparserFolder.instant("2004-01-01T19:48:21+00:00")));
    }
}
