package org.feedmerge.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * The outcome of one fetch, classified once. Expected failures are values, not exceptions. Every
 * outcome carries what the last response's headers said about coming back ({@link #hints()}) and
 * the redirects followed to get there ({@link #redirects()}).
 */
public sealed interface FetchResult {

    /** Cache-Control, Expires and Retry-After of the final response, parsed. */
    ServerHints hints();

    /** The redirects followed, possibly none. */
    Redirects redirects();

    /**
     * A 2xx with a complete body (already decompressed, within the size limit).
     *
     * @param finalUrl     the URL after redirects (relative links resolve against it)
     * @param status       the HTTP status code
     * @param body         the raw bytes; the parser decides the character encoding
     * @param contentType  the Content-Type header verbatim, or null
     * @param etag         validator to store, or null
     * @param lastModified validator to store (verbatim), or null
     * @param hints        what the response said about coming back
     * @param redirects    the redirects followed
     * @param contentLocation the Content-Location header verbatim, or null
     */
    record Fetched(URI finalUrl, int status, byte[] body, String contentType, String etag, String lastModified,
            ServerHints hints, Redirects redirects, String contentLocation) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(finalUrl, "finalUrl");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(hints, "hints");
            Objects.requireNonNull(redirects, "redirects");
        }

        /** Without a Content-Location. */
        public Fetched(URI finalUrl, int status, byte[] body, String contentType, String etag, String lastModified,
                ServerHints hints, Redirects redirects) {
            this(finalUrl, status, body, contentType, etag, lastModified, hints, redirects, null);
        }

        /** Without hints or redirects. */
        public Fetched(URI finalUrl, int status, byte[] body, String contentType, String etag, String lastModified) {
            this(finalUrl, status, body, contentType, etag, lastModified, ServerHints.NONE, Redirects.NONE);
        }

        /**
         * The base URI of the body (RFC 3986 §5.1.2): the Content-Location, resolved against the
         * final URL (RFC 9110 §8.7), when it is a usable http(s) URI; else the final URL.
         */
        public URI baseUri() {
            if (contentLocation == null || contentLocation.isBlank()) {
                return finalUrl;
            }
            try {
                URI location = finalUrl.resolve(contentLocation.strip());
                String scheme = location.getScheme();
                return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? location : finalUrl;
            } catch (IllegalArgumentException malformed) {
                return finalUrl;
            }
        }
    }

    /**
     * 304: nothing changed since the validators we sent.
     *
     * @param etag         a refreshed validator if the server sent one, else null
     * @param lastModified a refreshed validator if the server sent one, else null
     * @param hints        what the response said about coming back
     * @param redirects    the redirects followed
     */
    record NotModified(String etag, String lastModified, ServerHints hints, Redirects redirects)
            implements FetchResult {
        public NotModified {
            Objects.requireNonNull(hints, "hints");
            Objects.requireNonNull(redirects, "redirects");
        }

        /** Without hints or redirects. */
        public NotModified(String etag, String lastModified) {
            this(etag, lastModified, ServerHints.NONE, Redirects.NONE);
        }
    }

    /**
     * The fetch did not yield a document.
     *
     * @param kind       the class of failure
     * @param httpStatus the HTTP status when there was one, else 0
     * @param message    one line for logs and the feed's row, naming the cause
     * @param hints      what the last response said about coming back (NONE without a response)
     * @param redirects  the redirects followed before it failed
     */
    record Failed(FailureKind kind, int httpStatus, String message, ServerHints hints, Redirects redirects)
            implements FetchResult {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(hints, "hints");
            Objects.requireNonNull(redirects, "redirects");
        }

        /** Without hints or redirects. */
        public Failed(FailureKind kind, int httpStatus, String message) {
            this(kind, httpStatus, message, ServerHints.NONE, Redirects.NONE);
        }
    }

    /** Why a fetch failed. */
    enum FailureKind {
        /**
         * The server answered with a non-2xx, non-304 status, or its redirects went nowhere (a loop,
         * too many, no usable Location); httpStatus is then the last redirect's status.
         */
        HTTP_ERROR,
        /** DNS, connect, TLS, reset, or a timeout. */
        NETWORK_ERROR,
        /** The body exceeded the configured maximum. */
        TOO_LARGE
    }
}
