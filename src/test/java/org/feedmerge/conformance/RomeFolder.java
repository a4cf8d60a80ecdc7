package org.feedmerge.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rome/}: Rome's own test feeds, as a smoke test only (we build on Rome, so agreeing with
 * them proves little): every file gets the common checks, nothing more.
 */
final class RomeFolder {
    static final String NAME = "rome";

    private final Corpus corpus;
    private final Harness harness;
    private final Checks checks;

    RomeFolder(Corpus corpus, Harness harness, Checks checks) {
        this.corpus = corpus;
        this.harness = harness;
        this.checks = checks;
    }

    void run() {
        List<Job> jobs = new ArrayList<>();
        for (String file : corpus.documents(NAME)) {
            CorpusDocument document = harness.document(NAME, file, "/" + file, 200, List.of());
            jobs.add(Job.once(document, ingest -> checks.all(document, ingest, MergedFeed.of(ingest))));
        }
        harness.run(jobs);
    }
}
