package org.feedmerge.conformance;

import java.util.List;
import java.util.Objects;

/**
 * One document as the loopback server answers for it.
 *
 * @param folder  the corpus folder it belongs to (the unit results are reported by)
 * @param file    corpus-relative path, the name failures are reported under
 * @param urlPath the path it is served at, e.g. {@code /tests/wellformed/rss/item_title.xml}
 * @param status  HTTP status to answer with
 * @param headers response headers, verbatim
 * @param body    response body (possibly rewritten to point external ids at the canary)
 */
record CorpusDocument(String folder, String file, String urlPath, int status, List<HttpHeader> headers, byte[] body) {
    CorpusDocument {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(urlPath, "urlPath");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** A plain 200 with the given headers. */
    static CorpusDocument ok(String folder, String file, String urlPath, List<HttpHeader> headers, byte[] body) {
        return new CorpusDocument(folder, file, urlPath, 200, headers, body);
    }

    /** The value of the first header with this name (case-insensitive), or null. */
    String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value)
                .findFirst().orElse(null);
    }
}
