package org.feedmerge.fetch;

import java.net.URI;
import java.util.Objects;

/** The outcome of one fetch, classified once. Expected failures are values, not exceptions. */
public sealed interface FetchResult {

    /**
     * A 2xx with a complete body (already decompressed, within the size limit).
     *
     * @param finalUrl     the URL after redirects (relative links resolve against it)
     * @param status       the HTTP status code
     * @param body         the raw bytes; the parser decides the character encoding
     * @param contentType  the Content-Type header verbatim, or null
     * @param etag         validator to store, or null
     * @param lastModified validator to store (verbatim), or null
     */
    record Fetched(URI finalUrl, int status, byte[] body, String contentType, String etag, String lastModified)
            implements FetchResult {
        public Fetched {
            Objects.requireNonNull(finalUrl, "finalUrl");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * 304: nothing changed since the validators we sent.
     *
     * @param etag         a refreshed validator if the server sent one, else null
     * @param lastModified a refreshed validator if the server sent one, else null
     */
    record NotModified(String etag, String lastModified) implements FetchResult {
    }

    /**
     * The fetch did not yield a document.
     *
     * @param kind       the class of failure
     * @param httpStatus the HTTP status when there was one, else 0
     * @param message    one line for logs and the feed's row, naming the cause
     */
    record Failed(FailureKind kind, int httpStatus, String message) implements FetchResult {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a fetch failed. */
    enum FailureKind {
        /** The server answered with a non-2xx, non-304 status. */
        HTTP_ERROR,
        /** DNS, connect, TLS, reset, or a timeout. */
        NETWORK_ERROR,
        /** The body exceeded the configured maximum. */
        TOO_LARGE
    }
}
