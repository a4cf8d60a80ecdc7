package org.feedmerge.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.feedmerge.store.PollStatus;

/**
 * {@code rsparser/}: real feeds captured from live sites. (4) Each feed is taken in with as many
 * entries as the document holds, counted independently ({@link ItemCount}). File extensions lie,
 * so the kind is judged from the content: JSON Feeds must be read (support is being added; counted
 * under their own check until then), HTML pages and OPML subscription lists refused as not feeds.
 * Served without a Content-Type, so the document's own declaration decides its encoding.
 */
final class RsparserFolder {
    static final String NAME = "rsparser";
    static final String ITEM_COUNT = "item-count";
    static final String JSON_ITEM_COUNT = "json-feed.item-count";
    static final String REFUSED_HTML = "refused-html";
    static final String REFUSED_OPML = "refused-opml";

    private final Corpus corpus;
    private final Harness harness;
    private final Tally tally;
    private final Checks checks;

    RsparserFolder(Corpus corpus, Harness harness, Tally tally, Checks checks) {
        this.corpus = corpus;
        this.harness = harness;
        this.tally = tally;
        this.checks = checks;
    }

    void run() {
        List<Job> jobs = new ArrayList<>();
        for (String file : corpus.documents(NAME)) {
            CorpusDocument document = harness.document(NAME, file, "/" + file, 200, List.of());
            jobs.add(Job.once(document, ingest -> check(document, ingest)));
        }
        harness.run(jobs);
    }

    private void check(CorpusDocument document, Ingest ingest) {
        MergedFeed merged = MergedFeed.of(ingest);
        checks.all(document, ingest, merged);
        switch (kind(document.body())) {
            case "json" -> count(document, ingest, JSON_ITEM_COUNT, ItemCount.jsonFeed(document.body()));
            case "html" -> refused(document, ingest, REFUSED_HTML, "HTML page");
            case "opml" -> refused(document, ingest, REFUSED_OPML, "OPML subscription list");
            default -> count(document, ingest, ITEM_COUNT, ItemCount.xml(document.body()));
        }
    }

    /** json, html, opml or xml: by content, never by file name. */
    private static String kind(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("{") || head.startsWith("[")) {
            return "json";
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return "html";
        }
        String root = RootElement.localName(body);
        return root.equals("html") || root.equals("opml") ? root : "xml";
    }

    private void count(CorpusDocument document, Ingest ingest, String check, OptionalInt expected) {
        if (expected.isEmpty()) {
            tally.fail(NAME, check, document.file(), "a countable feed", "the document itself does not parse");
            return;
        }
        boolean ok = ingest.accepted() && ingest.stored() == expected.getAsInt();
        tally.check(NAME, check, document.file(), ok, expected.getAsInt() + " entries",
                ingest.accepted() ? ingest.stored() + " stored" : ingest.outcome());
    }

    private void refused(CorpusDocument document, Ingest ingest, String check, String what) {
        tally.check(NAME, check, document.file(), ingest.status() == PollStatus.PARSE_ERROR,
                "refused: " + what, ingest.outcome());
    }
}
