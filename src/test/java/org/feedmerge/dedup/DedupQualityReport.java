package org.feedmerge.dedup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the precision and recall of story grouping on the report-sized {@link LabelledSet}, and
 * ingest throughput with and without cross-feed dedup on the same data (medians of several runs in
 * this process, alternating, after a warm-up run of each). Run from the project root:
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.feedmerge.dedup.DedupQualityReport [-Dexec.args=RUNS] [-Ddedup.showMixed=true]
 * </pre>
 *
 * <p>{@code -Ddedup.showMixed=true} also prints every merged-feed item that mixes labels (the
 * false merges), for tuning.
 */
public final class DedupQualityReport {

    private DedupQualityReport() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Math.max(1, Integer.parseInt(args[0])) : 5;
        LabelledSet.Recipe recipe = LabelledSet.Recipe.REPORT;
        LabelledSet set = LabelledSet.generate(recipe);
        Path dir = Files.createTempDirectory("feedmerge-dedup-report");
        System.out.printf("labelled set: seed=%d feeds=%d items=%d%n", recipe.seed(), set.feeds().size(),
                set.items().size());
        DedupQuality.run(set, true, dir);
        DedupQuality.run(set, false, dir);
        List<DedupQuality.Result> with = new ArrayList<>();
        List<DedupQuality.Result> without = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            with.add(DedupQuality.run(set, true, dir));
            without.add(DedupQuality.run(set, false, dir));
        }
        DedupQuality.Result result = with.get(0);
        System.out.printf("stories: labels=%d merged-feed items=%d%n",
                set.items().stream().map(LabelledSet.Item::story).distinct().count(), result.stories());
        System.out.printf("pairs: true=%d predicted=%d correct=%d%n", result.truePairs(), result.predictedPairs(),
                result.correctPairs());
        System.out.printf("precision=%.4f recall=%.4f%n", result.precision(), result.recall());
        for (Map.Entry<LabelledSet.Variant, long[]> variant : result.missedByVariant().entrySet()) {
            System.out.printf("  %-12s items=%5d not fully grouped=%d%n", variant.getKey(), variant.getValue()[0],
                    variant.getValue()[1]);
        }
        System.out.printf("ingest items/s (median of %d): with dedup=%.0f without=%.0f%n", runs,
                median(with), median(without));
        Files.deleteIfExists(dir);
    }

    private static double median(List<DedupQuality.Result> results) {
        double[] rates = results.stream().mapToDouble(DedupQuality.Result::itemsPerSecond).sorted().toArray();
        return rates.length % 2 == 1 ? rates[rates.length / 2]
                : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
    }
}
