package org.feedmerge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the whole corpus through the pipeline once, writes {@code target/conformance/}, then holds
 * every pass count to the committed baseline (a ratchet: fixes may raise counts, nothing may lower
 * them) and asserts outright that nothing ever reached the canary. Skipped when the corpus is not
 * next to the project.
 */
class ConformanceIT {
    /** Paths requested on purpose by the corpus: upstream's redirect to a target its server lacked. */
    private static final List<String> EXPECTED_UNKNOWN_PATHS = List.of("/-/return-304.xml");

    /** Runs only the named folders (comma-separated: attacks, feedparser, ...); the baseline is then checked for those only. */
    static final String ONLY_PROPERTY = "conformance.folders";

    private static Tally tally;
    private static Baseline baseline;
    private static List<String> canaryConnections;
    private static List<String> unknownPaths;

    @BeforeAll
    static void runTheCorpus() {
        Optional<Corpus> corpus = Corpus.locate();
        Assumptions.assumeTrue(corpus.isPresent(),
                "no corpus at ../shared/corpus; point -D" + Corpus.LOCATION_PROPERTY + " at it");
        tally = new Tally();
        baseline = Baseline.load();
        long started = System.nanoTime();
        try (Harness harness = Harness.start(corpus.get(), threads())) {
            runFolders(corpus.get(), harness);
            canaryConnections = harness.canary.connections();
            unknownPaths = harness.server.unknownPaths();
            tally.note(harness.rewrittenDocuments() + " documents had DOCTYPE external ids pointed at the canary");
        }
        Reports.write(tally, baseline, Reports.directory());
        System.out.println(Reports.summary(tally, baseline));
        System.out.println("conformance run: " + (System.nanoTime() - started) / 1_000_000 + " ms, reports in "
                + Reports.directory().toAbsolutePath());
    }

    private static void runFolders(Corpus corpus, Harness harness) {
        Checks checks = new Checks(tally, harness);
        Map<String, Runnable> folders = new LinkedHashMap<>();
        folders.put("attacks", new AttackFolder(corpus, harness, checks)::run);
        folders.put(LegacyHttpFolder.NAME, new LegacyHttpFolder(corpus, harness, tally, checks)::run);
        folders.put(FeedparserFolder.NAME, new FeedparserFolder(corpus, harness, tally, checks)::run);
        folders.put(FeedvalidatorFolder.NAME, new FeedvalidatorFolder(corpus, harness, tally, checks)::run);
        folders.put(RsparserFolder.NAME, new RsparserFolder(corpus, harness, tally, checks)::run);
        folders.put(RomeFolder.NAME, new RomeFolder(corpus, harness, checks)::run);
        String only = System.getProperty(ONLY_PROPERTY);
        folders.forEach((name, run) -> {
            if (only == null || List.of(only.split(",")).contains(name)) {
                long folderStarted = System.nanoTime();
                run.run();
                System.out.println(name + ": " + (System.nanoTime() - folderStarted) / 1_000_000 + " ms");
            }
        });
        checks.noteLargestAllocations();
    }

    private static int threads() {
        return Integer.getInteger("conformance.threads", Runtime.getRuntime().availableProcessors() + 1);
    }

    @TestFactory
    Stream<DynamicTest> passCountsDoNotFallBelowTheBaseline() {
        return tally.counts().entrySet().stream().map(row -> DynamicTest.dynamicTest(row.getKey().name(), () -> {
            int minimum = baseline.minimum(row.getKey().name());
            assertThat(row.getValue().passed)
                    .as("%s passed %d of %d; the baseline says at least %d (see target/conformance/failures.txt)",
                            row.getKey().name(), row.getValue().passed, row.getValue().total(), minimum)
                    .isGreaterThanOrEqualTo(minimum);
        }));
    }

    @Test
    void baselineNamesOnlyChecksThatRan() {
        List<String> ran = tally.counts().keySet().stream().map(Tally.Key::name).toList();
        List<String> foldersRun = tally.counts().keySet().stream().map(Tally.Key::folder).distinct().toList();
        List<String> expected = baseline.all().keySet().stream()
                .filter(name -> System.getProperty(ONLY_PROPERTY) == null || foldersRun.contains(name.split("/", 2)[0]))
                .toList();
        assertThat(ran).as("checks named in %s", Baseline.RESOURCE).containsAll(expected);
    }

    @Test
    void nothingEverReachedTheCanary() {
        assertThat(canaryConnections).as("connections to the canary (external entities or DTDs fetched)").isEmpty();
    }

    @Test
    void nothingAskedTheCorpusServerForPathsItDoesNotServe() {
        assertThat(unknownPaths).as("paths requested from the feed host that no document is at (DTDs or entities resolved against the feed URL?)")
                .allMatch(EXPECTED_UNKNOWN_PATHS::contains);
    }
}
