package org.feedmerge.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of {@code feedparser-expect.jsonl}: a feedparser test file and its expectation.
 *
 * @param file           corpus-relative path
 * @param category       the folder below the suite ({@code sanitize}, {@code atom10}, ...), or null
 * @param checkable      {@code output}, {@code source-meta}, {@code output+source-meta}, {@code robustness}, {@code api}, ...
 * @param servedOverHttp upstream served it over HTTP with {@link #headers} (default Content-Type text/xml)
 * @param headers        the {@code Header:} lines
 * @param conjuncts      the expectation, split
 */
record FeedparserCase(String file, String category, String checkable, boolean servedOverHttp, List<HttpHeader> headers,
        List<Conjunct> conjuncts) {
    static final String EXPECTATIONS = "feedparser-expect.jsonl";

    FeedparserCase {
        headers = List.copyOf(headers);
        conjuncts = List.copyOf(conjuncts);
    }

    static List<FeedparserCase> load(Corpus corpus) {
        ObjectMapper json = new ObjectMapper();
        List<FeedparserCase> cases = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(corpus.resolve(EXPECTATIONS), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    cases.add(of(json.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EXPECTATIONS, e);
        }
        return cases;
    }

    private static FeedparserCase of(JsonNode record) {
        List<HttpHeader> headers = new ArrayList<>();
        record.path("http_headers").forEach(pair -> headers.add(new HttpHeader(pair.get(0).asText(), pair.get(1).asText())));
        List<Conjunct> conjuncts = new ArrayList<>();
        record.path("conjuncts").forEach(node -> conjuncts.add(Conjunct.of(node)));
        String category = record.path("category").isNull() ? null : record.path("category").asText(null);
        return new FeedparserCase(record.path("file").asText(), category, record.path("checkable").asText(),
                record.path("served_over_http").asBoolean(), headers, conjuncts);
    }

    boolean checksOutput() {
        return checkable.equals("output") || checkable.equals("output+source-meta");
    }

    boolean checksSourceMeta() {
        return checkable.equals("source-meta") || checkable.equals("output+source-meta");
    }

    /** feedparser expects the document to be well-formed ({@code not bozo}). */
    boolean expectsWellFormed() {
        return conjuncts.stream().anyMatch(c -> c.isWellformedness() && Boolean.FALSE.equals(c.bozo()));
    }
}
