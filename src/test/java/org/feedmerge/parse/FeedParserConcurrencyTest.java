package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One FeedParser shared by several poll threads gives the same records as sequential use. */
class FeedParserConcurrencyTest {
    private static final List<String> FIXTURES = List.of("rss-2.0.xml", "rss-0.91-netscape-doctype.xml",
            "rss-1.0-rdf.xml", "atom-1.0.xml", "atom-0.3.xml", "atom-xml-base.xml", "rss-date-formats.xml",
            "rss-needs-healing.xml", "rss-internal-entity.xml", "iso-8859-1.xml", "atom-html-title.xml",
            "json-feed-1.1.json", "rss-hostile-html.xml", "atom-hostile-xhtml-content.xml", "mismatched-tags.xml",
            "undeclared-namespace-prefixes.xml", "html-entities-undeclared.xml",
            "undeclared-windows-1252.xml", "rss-publisher-hints.xml");
    private static final int THREADS = 8;
    private static final int ROUNDS = 25;

    @Test
    void concurrentParsesMatchSequentialOnes() throws Exception {
        FeedParser shared = new FeedParser();
        List<ParsedFeed> expected = new ArrayList<>();
        for (String fixture : FIXTURES) {
            expected.add(shared.parse(Fixtures.bytes(fixture), "text/xml", Fixtures.FEED_URL));
        }

        List<Callable<List<ParsedFeed>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            tasks.add(() -> parseAllRepeatedly(shared));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<List<ParsedFeed>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(repeat(expected));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ParsedFeed> parseAllRepeatedly(FeedParser parser) throws FeedParseException {
        List<ParsedFeed> results = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String fixture : FIXTURES) {
                results.add(parser.parse(Fixtures.bytes(fixture), "text/xml", Fixtures.FEED_URL));
            }
        }
        return results;
    }

    private static List<ParsedFeed> repeat(List<ParsedFeed> once) {
        List<ParsedFeed> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            all.addAll(once);
        }
        return all;
    }
}
