package org.feedmerge.conformance;

import java.util.OptionalInt;

/**
 * The pass rates issue 3 sets: 100% on robustness (1) and on feed-family validity (3), at least
 * 95% on feedparser output records (2) and on each folder's documents. Checks without a target are
 * measured and held by the baseline only.
 */
final class Targets {
    /** The pseudo-check under which each folder's documents without any failure are reported. */
    static final String CLEAN_DOCUMENTS = "(documents without failures)";

    private Targets() {
    }

    /** The target pass rate in percent for {@code folder/check}, if the issue sets one. */
    static OptionalInt percent(String folder, String check) {
        if (check.equals(Checks.ROBUST) || check.equals(Checks.NO_EXTERNAL_ACCESS)) {
            return OptionalInt.of(100);
        }
        if (folder.equals("feedvalidator") && (check.equals(Checks.VALID_RSS) || check.equals(Checks.VALID_ATOM))) {
            return OptionalInt.of(100);
        }
        if (check.equals(FeedparserFolder.OUTPUT_RECORD) || check.equals(CLEAN_DOCUMENTS)) {
            return OptionalInt.of(95);
        }
        return OptionalInt.empty();
    }
}
