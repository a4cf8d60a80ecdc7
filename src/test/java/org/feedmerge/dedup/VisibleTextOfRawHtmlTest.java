package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.feedmerge.parse.FeedParseException;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.parse.HtmlSanitizer;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store keeps entry HTML as feeds give it and only the merged feed sanitises it, so the visible
 * text that the substance hash and the fingerprint are made of is read from raw HTML. Without white
 * space it must be what it is after sanitising ({@link Substance#same} compares so), over every
 * entry of the shared corpus and random feed-like fragments: else entries stored sanitised (before
 * schema version 8) would count as edited after an upgrade, and a feed's HTML would read
 * differently from the same HTML once republished.
 */
class VisibleTextOfRawHtmlTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final URI FEED_URL = URI.create("https://example.com/feeds/main/rss.xml");

    @Test
    void rawAndSanitisedHtmlOfEveryCorpusEntryHaveTheSameVisibleText() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        FeedParser parser = new FeedParser();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Path file : corpusFiles()) {
            List<ParsedEntry> entries;
            try {
                entries = parser.parse(Files.readAllBytes(file), "application/xml", FEED_URL).entries();
            } catch (FeedParseException e) {
                continue;
            }
            for (ParsedEntry entry : entries) {
                compared += compare(file, entry.summary(), entry.safeSummary(), differences);
                compared += compare(file, entry.content(), entry.safeContent(), differences);
            }
        }
        System.out.println("corpus HTML texts compared: " + compared + ", different: " + differences.size());
        assertThat(compared).isGreaterThan(1000);
        assertThat(differences).isEmpty();
    }

    @Test
    void rawAndSanitisedHtmlOfRandomFragmentsHaveTheSameVisibleText() {
        Random random = new Random(20261127);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 50_000 && differences.size() < 10; i++) {
            String html = fragment(random, 12);
            String fromRaw = Substance.withoutSpaces(PlainText.of(html));
            String fromSafe = Substance.withoutSpaces(PlainText.of(HtmlSanitizer.clean(html, FEED_URL)));
            if (!fromRaw.equals(fromSafe)) {
                differences.add(html + "\n  raw:  " + fromRaw + "\n  safe: " + fromSafe);
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Where an HTML parser reads text that a tag scan takes for markup, or the other way round. */
    @ParameterizedTest
    @ValueSource(strings = {
            "a<textarea><b>b</b></textarea>c", // RCDATA: the tags in it are text
            "a<title>b<i>c</i></title>d",
            "a<!-->b-->c", // an empty comment
            "a<!--->b-->c",
            "a<!--b--!>c", // "--!>" ends a comment as "-->" does
            "a<script>b</scripts>c</script>d", // only "</script" then space, '/' or '>' ends the body
            "a<script>b</script\u000B>c</script>d", // and only HTML's white space: tab, LF, FF, CR, space
            "a<textarea>b</textarea\u2003>c</textarea>d",
            "a<style>b</style title=\"x>y\">c", // an end tag's quoted attribute value may hold a '>'
            "a<!x='>'>b", // a declaration or bogus comment ends at the first '>', quotes or not
            "a</ x='>'>b",
            "a<i title=\u2003\"x>y\">b"}) // a value is quoted only when the quote follows '=' and HTML white space
    void markupThatAnHtmlParserReadsOtherwiseThanATagScanHasTheSameVisibleTextRawAndSanitised(String html) {
        assertThat(Substance.withoutSpaces(PlainText.of(html)))
                .isEqualTo(Substance.withoutSpaces(PlainText.of(HtmlSanitizer.clean(html, FEED_URL))));
    }

    @Test
    void bodiesThatPlainTextHidesAreDroppedBySanitisingToo() {
        for (String tag : PlainText.HIDDEN_BODIES) {
            assertThat(HtmlSanitizer.clean("a<" + tag + ">hidden</" + tag + ">c", FEED_URL)).as(tag).isEqualTo("ac");
        }
    }

    /**
     * Feed-like HTML with what sanitising changes: unknown and dropped tags, attributes, comments,
     * bodies. Two things an HTML parser does are left out, as {@link PlainText} does not do them:
     * inside MathML or SVG it reads a {@code <script>} or {@code <style>} body as text, and it moves
     * text that sits in a {@code <table>} outside any cell to before the table. Only broken or
     * hostile HTML has either (none of the corpus does), and the cost is one such entry stored
     * before schema version 8 counted as edited once.
     */
    private static String fragment(Random random, int parts) {
        String[] tags = {"p", "b", "i", "span", "font", "div", "br", "section", "article", "a", "img", "li", "td",
                "script", "style", "iframe", "noscript", "center", "u", "h2", "figure", "xmp", "em"};
        String[] texts = {"word", "two words", " ", "\n", "a < b", "x<5", "&amp;", "&nbsp;", "&lt;tag&gt;", "café",
                "19", "本", "*", ">", "\"quoted\"", "it's"};
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(7)) {
                case 0, 1, 2 -> html.append(texts[random.nextInt(texts.length)]);
                case 3 -> {
                    String tag = tags[random.nextInt(tags.length)];
                    html.append('<').append(tag);
                    if (random.nextBoolean()) {
                        html.append(random.nextBoolean() ? " class=\"c > d\"" : " title='x' style=\"color:red\"");
                    }
                    html.append('>').append(texts[random.nextInt(texts.length)]).append("</").append(tag).append('>');
                }
                case 4 -> html.append('<').append(tags[random.nextInt(tags.length)]).append('>');
                case 5 -> html.append("</").append(tags[random.nextInt(tags.length)]).append('>');
                default -> html.append(random.nextBoolean() ? "<!-- note -->" : "<br/>");
            }
        }
        return html.toString();
    }

    private static int compare(Path file, String raw, String safe, List<String> differences) {
        if (raw == null) {
            return 0;
        }
        String fromRaw = Substance.withoutSpaces(PlainText.of(raw));
        String fromSafe = Substance.withoutSpaces(PlainText.of(safe));
        if (!fromRaw.equals(fromSafe)) {
            int at = 0;
            while (at < Math.min(fromRaw.length(), fromSafe.length()) && fromRaw.charAt(at) == fromSafe.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 30);
            differences.add(CORPUS.relativize(file) + "\n  raw:  " + fromRaw.substring(from, Math.min(fromRaw.length(), at + 40))
                    + "\n  safe: " + fromSafe.substring(from, Math.min(fromSafe.length(), at + 40))
                    + "\n  html: " + raw.substring(0, Math.min(raw.length(), 300)).replace('\n', ' '));
        }
        return 1;
    }

    private static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
