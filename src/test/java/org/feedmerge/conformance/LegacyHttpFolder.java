package org.feedmerge.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedmerge.poll.PollReport;
import org.feedmerge.store.PollStatus;

/**
 * {@code feedparser-legacy-http/}: redirects, 404 and conditional GET, as {@code EXPECT.md}
 * summarises upstream's assertions. Each file's {@code Header:} lines are the response
 * ({@code Status:} the status, the rest headers), served at upstream's {@code /tests/http/<name>}
 * with {@code localhost:8097} moved to our server.
 */
final class LegacyHttpFolder {
    static final String NAME = "feedparser-legacy-http";
    static final String HTTP_BEHAVIOUR = "http-behaviour";
    static final String REDIRECT_ENTRY = "redirect-target-entry";
    private static final Set<PollStatus> ANY_STATUS = Set.of(PollStatus.values());
    private static final Map<String, String> EXPECTED = Map.of(
            "http_status_301.xml", "OK after following the redirect to target.xml",
            "http_status_302.xml", "OK after following the redirect to target.xml",
            "http_status_303.xml", "OK after following the redirect to target.xml",
            "http_status_307.xml", "OK after following the redirect to target.xml",
            "http_status_302-no-location.xml", "HTTP_ERROR 302",
            "http_status_404.xml", "HTTP_ERROR 404",
            "http_redirect_to_304.xml", "HTTP_ERROR 404 (the redirect target is not served)",
            "http_status_304.xml", "OK, then NOT_MODIFIED with no new entry",
            "target.xml", "OK");

    private final Corpus corpus;
    private final Harness harness;
    private final Tally tally;
    private final Checks checks;

    LegacyHttpFolder(Corpus corpus, Harness harness, Tally tally, Checks checks) {
        this.corpus = corpus;
        this.harness = harness;
        this.tally = tally;
        this.checks = checks;
    }

    void run() {
        List<Job> jobs = new ArrayList<>();
        for (String file : corpus.documents(NAME)) {
            CorpusDocument document = document(file);
            int polls = file.endsWith("http_status_304.xml") ? 2 : 1;
            jobs.add(new Job(document, polls, ingest -> check(document, ingest)));
        }
        harness.run(jobs);
    }

    private CorpusDocument document(String file) {
        byte[] body = corpus.read(file);
        int status = 200;
        List<HttpHeader> headers = new ArrayList<>();
        for (HttpHeader header : headerLines(new String(body, StandardCharsets.UTF_8))) {
            if (header.name().equalsIgnoreCase("Status")) {
                status = Integer.parseInt(header.value());
            } else {
                headers.add(new HttpHeader(header.name(), header.value().replace("localhost:8097", harness.server.authority())));
            }
        }
        String urlPath = "/tests/http/" + file.substring(file.lastIndexOf('/') + 1);
        return harness.document(NAME, file, urlPath, status, headers, body);
    }

    /** The {@code Header: Name: value} lines of the file's leading comment. */
    static List<HttpHeader> headerLines(String text) {
        List<HttpHeader> headers = new ArrayList<>();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("Header:")) {
                String header = stripped.substring("Header:".length()).strip();
                int colon = header.indexOf(':');
                headers.add(new HttpHeader(header.substring(0, colon).strip(), header.substring(colon + 1).strip()));
            }
        }
        return headers;
    }

    private void check(CorpusDocument document, Ingest ingest) {
        MergedFeed merged = MergedFeed.of(ingest);
        tally.document(NAME, document.file());
        checks.robust(document, ingest, merged, ANY_STATUS);
        checks.externalAccess(document, ingest);
        checks.validity(document, ingest);
        String name = document.file().substring(document.file().lastIndexOf('/') + 1);
        String expected = EXPECTED.getOrDefault(name, "OK");
        tally.check(NAME, HTTP_BEHAVIOUR, document.file(), behaved(name, ingest), expected, describe(ingest));
        if (expected.startsWith("OK after following")) {
            tally.check(NAME, REDIRECT_ENTRY, document.file(), merged.size() == 1 && "target".equals(Texts.squash(merged.rss().get(0).title())),
                    "one entry titled \"target\" (upstream: <item> inside an Atom <feed>, read loosely)", merged.size() + " entries");
        }
    }

    private static boolean behaved(String name, Ingest ingest) {
        List<PollReport> reports = ingest.reports();
        if (reports.isEmpty()) {
            return false;
        }
        PollReport first = reports.get(0);
        return switch (name) {
            case "http_status_301.xml", "http_status_302.xml", "http_status_303.xml", "http_status_307.xml" ->
                    first.status() == PollStatus.OK && first.httpStatus() == 200;
            case "http_status_302-no-location.xml" -> first.status() == PollStatus.HTTP_ERROR && first.httpStatus() == 302;
            case "http_status_404.xml", "http_redirect_to_304.xml" -> first.status() == PollStatus.HTTP_ERROR && first.httpStatus() == 404;
            case "http_status_304.xml" -> reports.size() == 2 && first.status() == PollStatus.OK
                    && reports.get(1).status() == PollStatus.NOT_MODIFIED && reports.get(1).added() == 0;
            default -> first.status() == PollStatus.OK;
        };
    }

    private static String describe(Ingest ingest) {
        List<String> polls = new ArrayList<>();
        for (PollReport report : ingest.reports()) {
            polls.add(report.status() + " " + report.httpStatus() + (report.error() == null ? "" : ": " + report.error()));
        }
        return polls.isEmpty() ? ingest.outcome() : String.join(", then ", polls);
    }
}
