package org.feedmerge.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.feedmerge.poll.PollReport;
import org.feedmerge.store.PollStatus;

/**
 * The checks every document gets, whatever its folder: (1) robustness, external access and
 * bounds, (3) validity of both merged documents, and the HTML security property of what was
 * republished. Each records one pass or one failure per document under its name.
 */
final class Checks {
    static final String ROBUST = "robust";
    static final String NO_EXTERNAL_ACCESS = "no-external-access";
    static final String BOUNDED = "bounded";
    static final String RENDERED_ALL = "rendered-all";
    static final String VALID_RSS = "valid.rss";
    static final String VALID_ATOM = "valid.atom";
    static final String HTML_SAFE = "html-safe";

    /** Generous on purpose: a tripwire for blow-ups, not a performance target. */
    static final long ALLOCATION_ALLOWANCE = 64L * 1024 * 1024;
    static final long ALLOCATION_PER_BODY_BYTE = 64;
    static final long TIME_LIMIT_MILLIS = 20_000;

    /** A 200 with a body is either taken in or refused as not a usable feed. */
    static final Set<PollStatus> OUTCOMES_OF_A_200 = Set.of(PollStatus.OK, PollStatus.PARSE_ERROR);

    private final Tally tally;
    private final Harness harness;
    /** Per folder, the document whose poll allocated the most, for the summary's notes. */
    private final Map<String, Map.Entry<String, Long>> largestAllocation = new ConcurrentHashMap<>();

    Checks(Tally tally, Harness harness) {
        this.tally = tally;
        this.harness = harness;
    }

    /** All common checks for a document the server answers 200 for. */
    void all(CorpusDocument document, Ingest ingest, MergedFeed merged) {
        tally.document(document.folder(), document.file());
        robust(document, ingest, merged, OUTCOMES_OF_A_200);
        externalAccess(document, ingest);
        bounded(document, ingest);
        renderedAll(document, ingest, merged);
        validity(document, ingest);
        htmlSafe(document, merged);
    }

    /**
     * (1) The document was ingested or refused as a value: no timeout, no exception out of the
     * poll, no parser bug caught by the poller's safety net, no error logged, a one-line reason
     * when refused, and both merged documents served with only this document's entries.
     */
    void robust(CorpusDocument document, Ingest ingest, MergedFeed merged, Set<PollStatus> typed) {
        String problem = robustnessProblem(ingest, merged, typed);
        tally.check(document.folder(), ROBUST, document.file(), problem == null,
                "ingested or refused with a typed outcome", problem == null ? "" : problem);
    }

    private static String robustnessProblem(Ingest ingest, MergedFeed merged, Set<PollStatus> typed) {
        if (ingest.timedOut() || ingest.crash() != null || ingest.last() == null) {
            return ingest.outcome();
        }
        for (PollReport report : ingest.reports()) {
            String problem = reportProblem(report, typed);
            if (problem != null) {
                return problem;
            }
        }
        if (!ingest.errors().isEmpty()) {
            return "error logged: " + ingest.errors().get(0);
        }
        if (!ingest.rss().ok() || !ingest.atom().ok()) {
            return "merged feed not served: rss " + ingest.rss().status() + ", atom " + ingest.atom().status();
        }
        boolean foreign = merged.rss().stream().anyMatch(item -> !ingest.url().toString().equals(item.sourceUrl()));
        return foreign ? "merged feed holds entries of another document (stale render)" : null;
    }

    private static String reportProblem(PollReport report, Set<PollStatus> typed) {
        if (!typed.contains(report.status())) {
            return "unexpected status " + report.status() + ": " + report.error();
        }
        if (!report.succeeded() && (report.error() == null || report.error().isBlank())) {
            return report.status() + " without a reason";
        }
        if (report.error() != null && report.error().startsWith("parser failed: ")) {
            return "parser threw: " + report.error().substring("parser failed: ".length());
        }
        return null;
    }

    /** (1) Nothing but the corpus server was contacted and nothing from the canary leaked out. */
    void externalAccess(CorpusDocument document, Ingest ingest) {
        List<String> seen = new ArrayList<>(ingest.externalAccess());
        harness.canary.connections().stream().filter(line -> line.contains(Canary.tag(document.file()))).forEach(seen::add);
        if (leaksCanary(ingest)) {
            seen.add("canary content in the merged feed or the poll error");
        }
        tally.check(document.folder(), NO_EXTERNAL_ACCESS, document.file(), seen.isEmpty(),
                "no connection but to the corpus server, no canary content", String.join("; ", seen));
    }

    private static boolean leaksCanary(Ingest ingest) {
        String output = new String(ingest.rss().body(), StandardCharsets.UTF_8) + new String(ingest.atom().body(), StandardCharsets.UTF_8);
        String errors = ingest.reports().stream().map(r -> String.valueOf(r.error())).reduce("", String::concat);
        return output.contains(Canary.MARKER) || errors.contains(Canary.MARKER);
    }

    /** (1) Bounded time and memory: heap allocated by the poll and its wall time stay under limits. */
    void bounded(CorpusDocument document, Ingest ingest) {
        largestAllocation.merge(document.folder(), Map.entry(document.file(), ingest.allocatedBytes()),
                (a, b) -> a.getValue() >= b.getValue() ? a : b);
        long allowance = ALLOCATION_ALLOWANCE + ALLOCATION_PER_BODY_BYTE * document.body().length;
        boolean ok = ingest.timedOut() || (ingest.allocatedBytes() <= allowance && ingest.millis() <= TIME_LIMIT_MILLIS);
        tally.check(document.folder(), BOUNDED, document.file(), ok,
                "allocates <= " + mib(allowance) + ", takes <= " + TIME_LIMIT_MILLIS + " ms",
                "allocated " + mib(ingest.allocatedBytes()) + " in " + (ingest.millis() / 1000) + " s");
    }

    /** Notes, per folder, the largest allocation seen: the evidence behind "bounded memory". */
    void noteLargestAllocations() {
        new TreeMap<>(largestAllocation).forEach((folder, largest) -> tally.note("largest allocation in " + folder + ": "
                + mib(largest.getValue()) + " (" + largest.getKey() + "; allowance " + mib(ALLOCATION_ALLOWANCE)
                + " + " + ALLOCATION_PER_BODY_BYTE + " bytes per body byte)"));
    }

    private static String mib(long bytes) {
        return bytes < 1024 * 1024 ? "under 1 MiB" : (bytes / (1024 * 1024)) + " MiB";
    }

    /** Every stored entry made it into the merged feed (the renderer drops what it cannot write). */
    void renderedAll(CorpusDocument document, Ingest ingest, MergedFeed merged) {
        if (ingest.stored() == 0) {
            tally.skip(document.folder(), RENDERED_ALL, "nothing stored");
            return;
        }
        tally.check(document.folder(), RENDERED_ALL, document.file(), merged.size() == ingest.stored(),
                ingest.stored() + " entries (as stored)", merged.size() + " rendered");
    }

    /** (3) Both merged documents are valid, whatever the input was. */
    void validity(CorpusDocument document, Ingest ingest) {
        if (!ingest.rss().ok() || !ingest.atom().ok()) {
            tally.skip(document.folder(), VALID_RSS, "merged feed not served (counted under robust)");
            tally.skip(document.folder(), VALID_ATOM, "merged feed not served (counted under robust)");
            return;
        }
        List<String> rss = RssValidity.problems(ingest.rss().body());
        tally.check(document.folder(), VALID_RSS, document.file(), rss.isEmpty(), "valid RSS 2.0", String.join("; ", rss));
        List<String> atom = AtomValidity.problems(ingest.atom().body());
        tally.check(document.folder(), VALID_ATOM, document.file(), atom.isEmpty(), "valid Atom 1.0", String.join("; ", atom));
    }

    /** The security property on every republished HTML field. */
    void htmlSafe(CorpusDocument document, MergedFeed merged) {
        List<String> problems = htmlProblems(merged);
        if (merged.size() == 0) {
            tally.skip(document.folder(), HTML_SAFE, "no entry republished");
            return;
        }
        tally.check(document.folder(), HTML_SAFE, document.file(), problems.isEmpty(),
                "no script, on*, javascript:/vbscript:/data: URL or dangerous style", String.join("; ", problems));
    }

    static List<String> htmlProblems(MergedFeed merged) {
        List<String> problems = new ArrayList<>();
        for (RssItem item : merged.rss()) {
            addNew(problems, HtmlSafety.problems(item.description()));
            addNew(problems, HtmlSafety.problems(item.contentEncoded()));
        }
        for (AtomEntry entry : merged.atom()) {
            addNew(problems, HtmlSafety.problems(entry.summary()));
            addNew(problems, HtmlSafety.problems(entry.content()));
        }
        return problems;
    }

    private static void addNew(List<String> into, List<String> found) {
        found.stream().filter(problem -> !into.contains(problem)).forEach(into::add);
    }
}
