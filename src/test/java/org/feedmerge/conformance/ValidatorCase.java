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
 * One record of {@code feedvalidator-expect.jsonl}.
 *
 * @param file       corpus-relative path
 * @param family     atom, rss, rss20, ext, kml, opensearch, opml, ...
 * @param feedFamily false for KML, OpenSearch and OPML documents, which are not feeds
 * @param outcome    what the validator must conclude: invalid, valid, valid-with-warning, ...
 * @param expect     the message class the validator must (or, negated, must not) report
 */
record ValidatorCase(String file, String family, boolean feedFamily, String outcome, String expect) {
    static final String EXPECTATIONS = "feedvalidator-expect.jsonl";

    static List<ValidatorCase> load(Corpus corpus) {
        ObjectMapper json = new ObjectMapper();
        List<ValidatorCase> cases = new ArrayList<>();
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

    private static ValidatorCase of(JsonNode record) {
        return new ValidatorCase(record.path("file").asText(), record.path("family").asText(),
                record.path("feed_family").asBoolean(true), record.path("outcome").asText(), record.path("expect").asText());
    }

    /** The validator finds nothing wrong with it (warnings aside). */
    boolean expectedValid() {
        return outcome.equals("valid") || outcome.equals("valid-no-errors") || outcome.equals("valid-with-warning");
    }
}
