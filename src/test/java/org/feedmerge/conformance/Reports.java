package org.feedmerge.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Writes a run's results under {@code target/conformance/}: {@code failures.txt} (one sorted,
 * tab-separated line per failure: file, check, expected, actual; diff two runs to see what
 * changed), {@code summary.md} (the table committed to {@code docs/conformance.md}) and
 * {@code baseline-proposed.properties} (today's pass counts, to copy over the committed baseline
 * when fixes have raised them).
 */
final class Reports {
    private Reports() {
    }

    static Path directory() {
        return Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("conformance");
    }

    static void write(Tally tally, Baseline baseline, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("failures.txt"), tally.failureLines(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("summary.md"), summary(tally, baseline), StandardCharsets.UTF_8);
            Files.write(dir.resolve("baseline-proposed.properties"), proposedBaseline(tally), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reports to " + dir, e);
        }
    }

    /** The Markdown summary: one row per folder and check, then skip reasons and notes. */
    static String summary(Tally tally, Baseline baseline) {
        List<String> lines = new ArrayList<>();
        lines.add("| folder | check | passed | total | rate | target | baseline | skipped |");
        lines.add("|---|---|---:|---:|---:|---:|---:|---:|");
        String folder = null;
        for (Map.Entry<Tally.Key, Tally.Count> row : tally.counts().entrySet()) {
            Tally.Key key = row.getKey();
            if (!key.folder().equals(folder)) {
                folder = key.folder();
                lines.add(cleanRow(folder, tally.cleanDocuments().get(folder)));
            }
            lines.add(row(key, row.getValue(), baseline));
        }
        lines.add("");
        lines.addAll(skipReasons(tally));
        lines.addAll(notes(tally));
        return String.join("\n", lines) + "\n";
    }

    private static String cleanRow(String folder, int[] clean) {
        if (clean == null) {
            return "| " + folder + " | " + Targets.CLEAN_DOCUMENTS + " | | | | | | |";
        }
        return "| " + folder + " | " + Targets.CLEAN_DOCUMENTS + " | " + clean[0] + " | " + clean[1] + " | "
                + percent(clean[0], clean[1]) + " | " + target(folder, Targets.CLEAN_DOCUMENTS, clean[0], clean[1]) + " | | |";
    }

    private static String row(Tally.Key key, Tally.Count count, Baseline baseline) {
        return "| " + key.folder() + " | " + key.check() + " | " + count.passed + " | " + count.total() + " | "
                + percent(count.passed, count.total()) + " | " + target(key.folder(), key.check(), count.passed, count.total())
                + " | " + baseline.minimum(key.name()) + " | " + (count.skippedTotal() == 0 ? "" : count.skippedTotal()) + " |";
    }

    private static String target(String folder, String check, int passed, int total) {
        OptionalInt target = Targets.percent(folder, check);
        if (target.isEmpty()) {
            return "";
        }
        boolean met = total == 0 || passed * 100L >= (long) target.getAsInt() * total;
        return target.getAsInt() + "% " + (met ? "met" : "**not met**");
    }

    private static String percent(int passed, int total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * passed / total);
    }

    private static List<String> skipReasons(Tally tally) {
        List<String> lines = new ArrayList<>();
        lines.add("Skipped (not counted in the totals):");
        lines.add("");
        tally.counts().forEach((key, count) -> count.skipped.forEach((reason, n) ->
                lines.add("- " + key.name() + ": " + n + " × " + reason)));
        lines.add("");
        return lines;
    }

    private static List<String> notes(Tally tally) {
        List<String> lines = new ArrayList<>();
        if (!tally.notes().isEmpty()) {
            lines.add("Notes:");
            lines.add("");
            tally.notes().forEach(note -> lines.add("- " + note));
        }
        return lines;
    }

    private static List<String> proposedBaseline(Tally tally) {
        List<String> lines = new ArrayList<>();
        lines.add("# Pass counts of the last run (target/conformance); copy over src/test/resources/conformance/baseline.properties");
        tally.counts().forEach((key, count) -> lines.add(key.name() + " = " + count.passed));
        return lines;
    }
}
