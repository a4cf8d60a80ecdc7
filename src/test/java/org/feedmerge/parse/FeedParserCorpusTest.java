package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Smoke test over the shared corpus, read in place: every call returns or throws
 * FeedParseException, never anything else; real captured feeds, and whatever Rome itself accepts,
 * parse. Counts go to standard output (target/surefire-reports/*-output.txt).
 */
class FeedParserCorpusTest {
    private final FeedParser parser = new FeedParser();

    @Test
    void everyRealCapturedFeedParses() throws IOException {
        Path dir = Fixtures.CORPUS.resolve("rsparser");
        assumeTrue(Files.isDirectory(dir), "shared corpus not present");
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (Path file : files(dir)) {
            byte[] body = Files.readAllBytes(file);
            if (isJsonOrHtml(body) || !looksLikeFeed(body)) {
                continue;
            }
            try {
                assertThat(parser.parse(body, "application/xml", Fixtures.FEED_URL).entries()).as(file.toString()).isNotEmpty();
                parsed++;
            } catch (FeedParseException e) {
                failures.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        System.out.println("rsparser feeds parsed: " + parsed);
        assertThat(failures).isEmpty();
        assertThat(parsed).isGreaterThan(20);
    }

    @Test
    void everyCorpusFileReturnsOrFailsCleanly() throws IOException {
        assumeTrue(Files.isDirectory(Fixtures.CORPUS), "shared corpus not present");
        int returned = 0;
        int rejected = 0;
        for (String folder : List.of("rsparser", "rome")) {
            for (Path file : files(Fixtures.CORPUS.resolve(folder))) {
                try {
                    parser.parse(Files.readAllBytes(file), "text/xml", Fixtures.FEED_URL);
                    returned++;
                } catch (FeedParseException e) {
                    assertThat(e.getMessage()).as(file.toString()).isNotBlank().doesNotContain("\n");
                    rejected++;
                }
            }
        }
        System.out.println("corpus files returned / rejected: " + returned + " / " + rejected);
    }

    @Test
    void everythingRomeAcceptsParses() throws IOException {
        Path dir = Fixtures.CORPUS.resolve("rome");
        assumeTrue(Files.isDirectory(dir), "shared corpus not present");
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (Path file : files(dir)) {
            byte[] body = Files.readAllBytes(file);
            if (!romeAccepts(body)) {
                continue;
            }
            accepted++;
            try {
                parser.parse(body, "text/xml", Fixtures.FEED_URL);
            } catch (FeedParseException e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        System.out.println("rome corpus files Rome accepts, all parsed: " + accepted);
        assertThat(failures).isEmpty();
        assertThat(accepted).isGreaterThan(50);
    }

    /** Rome with its own defaults (DOCTYPEs refused, so nothing is fetched). */
    private static boolean romeAccepts(byte[] body) {
        try {
            new WireFeedInput().build(new StringReader(new String(body, StandardCharsets.UTF_8)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Entries stored before schema version 8 hold sanitised HTML, which the merged feed now
     * sanitises again (with no base): that must give the same HTML back.
     */
    @Test
    void sanitisingSanitisedHtmlGivesItBack() throws IOException {
        assumeTrue(Files.isDirectory(Fixtures.CORPUS), "shared corpus not present");
        List<String> changed = new ArrayList<>();
        int texts = 0;
        for (Path file : files(Fixtures.CORPUS)) {
            List<ParsedEntry> entries;
            try {
                entries = parser.parse(Files.readAllBytes(file), "application/xml", Fixtures.FEED_URL).entries();
            } catch (FeedParseException e) {
                continue;
            }
            for (ParsedEntry entry : entries) {
                for (String safe : Arrays.asList(entry.safeSummary(), entry.safeContent())) {
                    if (safe != null) {
                        texts++;
                        if (!safe.equals(HtmlSanitizer.clean(safe, null))) {
                            changed.add(file.getFileName() + ": " + safe);
                        }
                    }
                }
            }
        }
        System.out.println("sanitised corpus texts sanitised again: " + texts + ", changed: " + changed.size());
        assertThat(texts).isGreaterThan(1000);
        assertThat(changed).isEmpty();
    }

    private static boolean isJsonOrHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.UTF_8).strip()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("{") || head.startsWith("[") || head.contains("<html") || head.contains("<!doctype html");
    }

    private static boolean looksLikeFeed(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
