package org.feedmerge.conformance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code feedparser/}: every file through the pipeline with the common checks; then (2) each
 * {@code output} record's conjuncts against the republished entry and each {@code source-meta}
 * record's against the entry's {@code <source>}; sanitize cases also for the HTML security property.
 * Files upstream served over HTTP get their {@code Header:} lines (default Content-Type
 * {@code text/xml}); the others no Content-Type, as when feedparser read them from disk.
 */
final class FeedparserFolder {
    static final String NAME = "feedparser";
    /** Records all of whose republished conjuncts hold. */
    static final String OUTPUT_RECORD = "output";
    static final String SOURCE_META_RECORD = "source-meta";
    /** Documents feedparser reads without complaint ({@code not bozo}) are taken in. */
    static final String ACCEPTED = "accepted-wellformed";
    /** Sanitize records: the republished entry has the security property. */
    static final String SANITIZE_SAFE = "output.sanitize-safe";
    static final String NOT_REPUBLISHED = "output.not-republished";
    /**
     * What the writers put in a title element when an entry has no title text at all (RSS and Atom
     * both require something there); stands for an empty title.
     */
    private static final String TITLE_PLACEHOLDER = "(untitled)";
    private static final String UPSTREAM_AUTHORITY = "127.0.0.1:" + CorpusServer.PREFERRED_PORT;

    private final Corpus corpus;
    private final Harness harness;
    private final Tally tally;
    private final Checks checks;

    FeedparserFolder(Corpus corpus, Harness harness, Tally tally, Checks checks) {
        this.corpus = corpus;
        this.harness = harness;
        this.tally = tally;
        this.checks = checks;
    }

    void run() {
        List<Job> jobs = new ArrayList<>();
        for (FeedparserCase record : FeedparserCase.load(corpus)) {
            CorpusDocument document = document(record);
            jobs.add(Job.once(document, ingest -> check(record, document, ingest)));
        }
        noteCharsetRules(jobs);
        if (!harness.server.onPreferredPort()) {
            tally.note("port " + CorpusServer.PREFERRED_PORT + " was taken: expectations naming " + UPSTREAM_AUTHORITY
                    + " were rewritten to " + harness.server.authority());
        }
        harness.run(jobs);
    }

    /** How many HTTP-served documents RFC 3023 and RFC 7303 decode differently (the README asks). */
    private void noteCharsetRules(List<Job> jobs) {
        int xml = 0;
        List<String> differ = new ArrayList<>();
        for (Job job : jobs) {
            String contentType = job.document().header("Content-Type");
            Optional<CharsetRules.Choice> choice = contentType == null ? Optional.empty()
                    : CharsetRules.of(contentType, job.document().body());
            if (choice.isPresent()) {
                xml++;
                if (choice.get().decodeDifferently(job.document().body())) {
                    differ.add(job.document().file().substring(job.document().file().lastIndexOf('/') + 1)
                            + " (" + choice.get().rfc3023() + " vs " + choice.get().rfc7303() + ")");
                }
            }
        }
        tally.note(differ.size() + " of " + xml + " feedparser documents served with an XML media type read differently"
                + " under RFC 3023 than under RFC 7303 (charset by 3023 vs 7303): " + String.join(", ", differ));
    }

    private CorpusDocument document(FeedparserCase record) {
        String urlPath = "/tests/" + record.file().substring(NAME.length() + 1);
        List<HttpHeader> headers = new ArrayList<>();
        if (record.servedOverHttp()) {
            headers.addAll(record.headers());
            if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
                headers.add(new HttpHeader("Content-Type", "text/xml"));
            }
        }
        return harness.document(NAME, record.file(), urlPath, 200, headers);
    }

    private void check(FeedparserCase record, CorpusDocument document, Ingest ingest) {
        MergedFeed merged = MergedFeed.of(ingest);
        checks.all(document, ingest, merged);
        if (record.expectsWellFormed()) {
            tally.check(NAME, ACCEPTED, record.file(), ingest.accepted(), "ingested (feedparser: not bozo)", ingest.outcome());
        }
        if (record.checksOutput()) {
            recordLevel(record, document, ingest, merged, OUTPUT_RECORD, false);
            sanitizeSafety(record, ingest, merged);
        }
        if (record.checksSourceMeta()) {
            recordLevel(record, document, ingest, merged, SOURCE_META_RECORD, true);
        }
    }

    /** Checks each conjunct of the record's kind; the record passes when every checkable one does. */
    private void recordLevel(FeedparserCase record, CorpusDocument document, Ingest ingest, MergedFeed merged,
            String recordCheck, boolean sourceMeta) {
        int checked = 0;
        List<String> failed = new ArrayList<>();
        for (Conjunct conjunct : record.conjuncts()) {
            if (conjunct.isWellformedness() || isSourceMeta(conjunct) != sourceMeta) {
                continue;
            }
            Optional<Republished> target = Republished.of(conjunct);
            if (target.isEmpty()) {
                tally.skip(NAME, NOT_REPUBLISHED, Republished.describe(conjunct));
                continue;
            }
            Verdict verdict = judge(target.get(), conjunct, document, ingest, merged);
            if (verdict == null) {
                continue;
            }
            checked++;
            tally.check(NAME, target.get().field().check, record.file(), verdict.passed(), conjunct.expr(), verdict.actual());
            if (!verdict.passed()) {
                failed.add(target.get().field().check);
            }
        }
        if (checked == 0) {
            tally.skip(NAME, recordCheck, "no republished field in the expectation");
        } else {
            tally.check(NAME, recordCheck, record.file(), failed.isEmpty(), "every republished conjunct holds",
                    "failed: " + String.join(", ", failed));
        }
    }

    private static boolean isSourceMeta(Conjunct conjunct) {
        return "feed".equals(conjunct.root()) || conjunct.path().contains("source");
    }

    /** Pass or fail with what was seen; null when the field cannot be observed (recorded as a skip). */
    private Verdict judge(Republished target, Conjunct conjunct, CorpusDocument document, Ingest ingest, MergedFeed merged) {
        Republished.Field field = target.field();
        if (!ingest.accepted()) {
            return new Verdict(false, "refused: " + ingest.outcome());
        }
        if (field == Republished.Field.ENTRY_COUNT) {
            return new Verdict(String.valueOf(merged.size()).equals(conjunct.expectedText()), merged.size() + " entries");
        }
        if (target.entry() >= merged.size()) {
            if (field == Republished.Field.SOURCE_TITLE || field == Republished.Field.SOURCE_LINK) {
                tally.skip(NAME, field.check, "document has no entry to carry <source>");
                return null;
            }
            return new Verdict(false, "no entry " + target.entry() + " republished (" + merged.size() + " entries)");
        }
        String actual = actual(field, merged.rssInDocumentOrder().get(target.entry()),
                merged.atomInDocumentOrder().get(target.entry()));
        boolean plainText = PlainText.declaredFor(field, document.body());
        return new Verdict(matches(field, expected(conjunct), actual, plainText), actual);
    }

    /** The expected value, with feedparser's test-server address moved to wherever ours listens. */
    private String expected(Conjunct conjunct) {
        String expected = conjunct.value() != null && conjunct.value().isObject()
                ? conjunct.value().path("href").asText() : conjunct.valueIso() != null ? conjunct.valueIso() : conjunct.expectedText();
        return expected == null ? null : expected.replace(UPSTREAM_AUTHORITY, harness.server.authority());
    }

    private static String actual(Republished.Field field, RssItem item, AtomEntry entry) {
        return switch (field) {
            case TITLE -> item.title();
            case SUMMARY -> entry.summaryOrContent();
            case CONTENT -> entry.contentOrSummary();
            case LINK -> item.link();
            case ID -> item.guid();
            case AUTHOR -> item.author();
            case PUBLISHED -> item.pubDate();
            case UPDATED -> entry.updated();
            case SOURCE_TITLE -> item.sourceTitle();
            case SOURCE_LINK -> entry.sourceLink();
            case ENTRY_COUNT -> throw new IllegalArgumentException("not a per-entry field");
        };
    }

    /**
     * @param plainText the source declares the field plain text, so feedparser's expectation is
     *                  text, not HTML (the republished HTML must then show exactly that text)
     */
    static boolean matches(Republished.Field field, String expected, String actual, boolean plainText) {
        return switch (field) {
            case TITLE -> Texts.plainMatches(expected, actual)
                    || (Texts.textOf(expected).isEmpty() && TITLE_PLACEHOLDER.equals(Texts.squash(actual)));
            case SOURCE_TITLE -> Texts.plainMatches(expected, actual);
            case SUMMARY, CONTENT -> Texts.htmlMatches(expected, actual)
                    || (plainText && Texts.textOf(actual).equals(Texts.squash(expected)));
            case LINK, ID, SOURCE_LINK -> Texts.squash(expected).equals(Texts.squash(actual));
            case AUTHOR -> !Texts.squash(expected).isEmpty() && Texts.squash(actual).contains(Texts.squash(expected));
            case PUBLISHED, UPDATED -> sameInstant(expected, actual);
            case ENTRY_COUNT -> Texts.squash(expected).equals(Texts.squash(actual));
        };
    }

    private static boolean sameInstant(String expected, String actual) {
        Optional<Instant> want = instant(expected);
        return want.isPresent() && want.equals(instant(actual));
    }

    /** RFC 3339 / ISO 8601 or RFC 822 text as an instant; empty when it is neither. */
    static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notRfc822) {
                return Optional.empty();
            }
        }
    }

    /** Sanitize records: whatever the input's script and style, the republished entry is safe. */
    private void sanitizeSafety(FeedparserCase record, Ingest ingest, MergedFeed merged) {
        if (!"sanitize".equals(record.category())) {
            return;
        }
        if (merged.size() == 0) {
            tally.skip(NAME, SANITIZE_SAFE, ingest.accepted() ? "no entry republished" : "refused (counted per field)");
            return;
        }
        List<String> problems = Checks.htmlProblems(merged);
        tally.check(NAME, SANITIZE_SAFE, record.file(), problems.isEmpty(), "republished HTML is safe", String.join("; ", problems));
    }

    /** The outcome of one conjunct. */
    private record Verdict(boolean passed, String actual) {
    }
}
