package org.feedmerge.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pass, fail and skip counts per folder and check, the failures one line each, and notes for the
 * summary. Thread-safe: workers record into it concurrently.
 */
final class Tally {

    /** A folder and a check within it, e.g. {@code feedparser} / {@code output.title}. */
    record Key(String folder, String check) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byFolder = folder.compareTo(other.folder);
            return byFolder != 0 ? byFolder : check.compareTo(other.check);
        }

        /** {@code folder/check}, the name used in the baseline and the reports. */
        String name() {
            return folder + "/" + check;
        }
    }

    /** Counts for one key; skips are not in the total, they are listed by reason. */
    static final class Count {
        int passed;
        int failed;
        final Map<String, Integer> skipped = new TreeMap<>();

        int total() {
            return passed + failed;
        }

        int skippedTotal() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Map<Key, Count> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Set<String>> documents = new TreeMap<>();
    private final Set<String> failedFiles = new HashSet<>();

    synchronized void pass(String folder, String check) {
        count(folder, check).passed++;
    }

    /** One failure: {@code file}, the check, what was expected and what was seen. */
    synchronized void fail(String folder, String check, String file, String expected, Object actual) {
        count(folder, check).failed++;
        failedFiles.add(file);
        failures.add(String.join("\t", file, check, OneLine.of(expected), OneLine.of(actual)));
    }

    /** Pass when {@code ok}, else a failure with the given expectation and observation. */
    void check(String folder, String check, String file, boolean ok, String expected, Object actual) {
        if (ok) {
            pass(folder, check);
        } else {
            fail(folder, check, file, expected, actual);
        }
    }

    /** Not counted: the check does not apply to this case, for the reason given. */
    synchronized void skip(String folder, String check, String reason) {
        count(folder, check).skipped.merge(reason, 1, Integer::sum);
    }

    /** Registers a document of the folder, for the per-folder count of documents without failures. */
    synchronized void document(String folder, String file) {
        documents.computeIfAbsent(folder, f -> new TreeSet<>()).add(file);
    }

    /** Per folder: documents registered, and how many of them have no failure in any check. */
    synchronized Map<String, int[]> cleanDocuments() {
        Map<String, int[]> clean = new TreeMap<>();
        documents.forEach((folder, files) -> clean.put(folder, new int[] {
                (int) files.stream().filter(file -> !failedFiles.contains(file)).count(), files.size()}));
        return clean;
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    private Count count(String folder, String check) {
        return counts.computeIfAbsent(new Key(folder, check), k -> new Count());
    }

    synchronized Map<Key, Count> counts() {
        return new TreeMap<>(counts);
    }

    /** One line per failure (file, check, expected, actual; tab-separated), sorted. */
    synchronized List<String> failureLines() {
        return failures.stream().sorted().toList();
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
