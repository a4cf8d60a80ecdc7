package org.feedmerge.conformance;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One document to put through the pipeline and what to check about the outcome.
 *
 * @param document what the corpus server answers with
 * @param polls    how many times to poll it (2 for conditional-GET cases)
 * @param checks   run once with the outcome, on a worker thread
 */
record Job(CorpusDocument document, int polls, Consumer<Ingest> checks) {
    Job {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(checks, "checks");
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be >= 1");
        }
    }

    static Job once(CorpusDocument document, Consumer<Ingest> checks) {
        return new Job(document, 1, checks);
    }
}
