package org.feedmerge.conformance;

import java.util.ArrayList;
import java.util.List;
import org.feedmerge.store.PollStatus;

/**
 * {@code feedvalidator/}: garbage in, valid out. (3) Every feed-family document, ingested or not,
 * leaves a merged feed that is valid RSS 2.0 and Atom 1.0. Non-feed-family documents (KML,
 * OpenSearch descriptions, OPML) are refused as not a feed, unless their root is an RSS or Atom
 * element (OpenSearch response elements live inside ordinary feeds): those are feeds, and are
 * held to validity like the rest. Documents the validator finds valid should also be taken in.
 */
final class FeedvalidatorFolder {
    static final String NAME = "feedvalidator";
    static final String REJECTED = "rejected-non-feed";
    static final String ACCEPTED = "accepted-valid";

    private final Corpus corpus;
    private final Harness harness;
    private final Tally tally;
    private final Checks checks;

    FeedvalidatorFolder(Corpus corpus, Harness harness, Tally tally, Checks checks) {
        this.corpus = corpus;
        this.harness = harness;
        this.tally = tally;
        this.checks = checks;
    }

    void run() {
        List<Job> jobs = new ArrayList<>();
        for (ValidatorCase record : ValidatorCase.load(corpus)) {
            CorpusDocument document = harness.document(NAME, record.file(), "/" + record.file(), 200, List.of());
            jobs.add(Job.once(document, ingest -> check(record, document, ingest)));
        }
        harness.run(jobs);
    }

    private void check(ValidatorCase record, CorpusDocument document, Ingest ingest) {
        MergedFeed merged = MergedFeed.of(ingest);
        boolean feedRoot = RootElement.isFeed(document.body());
        tally.document(NAME, record.file());
        checks.robust(document, ingest, merged, Checks.OUTCOMES_OF_A_200);
        checks.externalAccess(document, ingest);
        checks.bounded(document, ingest);
        checks.renderedAll(document, ingest, merged);
        checks.htmlSafe(document, merged);
        if (record.feedFamily() || feedRoot) {
            checks.validity(document, ingest);
        } else {
            tally.skip(NAME, Checks.VALID_RSS, "not feed family (see " + REJECTED + ")");
            tally.skip(NAME, Checks.VALID_ATOM, "not feed family (see " + REJECTED + ")");
        }
        rejection(record, feedRoot, ingest);
        acceptance(record, feedRoot, ingest);
    }

    private void rejection(ValidatorCase record, boolean feedRoot, Ingest ingest) {
        if (record.feedFamily()) {
            return;
        }
        if (feedRoot) {
            tally.skip(NAME, REJECTED, record.family() + " document whose root is a feed");
            return;
        }
        tally.check(NAME, REJECTED, record.file(), ingest.status() == PollStatus.PARSE_ERROR,
                "refused: not a feed (" + record.family() + ")", ingest.outcome());
    }

    private void acceptance(ValidatorCase record, boolean feedRoot, Ingest ingest) {
        if (!record.feedFamily() || !record.expectedValid()) {
            return;
        }
        if (!feedRoot) {
            tally.skip(NAME, ACCEPTED, "valid document that is not RSS/Atom (RSS 1.1, APP, XRDS...)");
            return;
        }
        tally.check(NAME, ACCEPTED, record.file(), ingest.accepted(), "ingested (validator: " + record.outcome() + ")",
                ingest.outcome());
    }
}
