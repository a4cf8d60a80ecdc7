package org.feedmerge.fetch;

import java.io.IOException;
import java.net.URI;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Classifies a response once into a {@link FetchResult}, reading the body under a hard cap.
 * IOExceptions while reading the body propagate; the caller turns them into NETWORK_ERROR.
 */
final class ResponseClassifier {

    private static final long READ_CHUNK = 8 * 1024;

    private final long maxBodyBytes;

    ResponseClassifier(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param hints     the response's parsed caching and Retry-After headers
     * @param redirects the redirects followed to reach it
     */
    FetchResult classify(Response response, ServerHints hints, Redirects redirects) throws IOException {
        if (response.code() == 304) {
            // RFC 9111 §4.3.4: a 304 may carry updated validators; keep them if present.
            return new FetchResult.NotModified(response.header("ETag"), response.header("Last-Modified"), hints,
                    redirects);
        }
        if (!response.isSuccessful()) {
            return new FetchResult.Failed(FetchResult.FailureKind.HTTP_ERROR, response.code(), statusLine(response),
                    hints, redirects);
        }
        return readBody(response, hints, redirects);
    }

    private FetchResult readBody(Response response, ServerHints hints, Redirects redirects) throws IOException {
        ResponseBody body = response.body();
        // Content-Length may only shorten the work: a declared oversize fails without reading, but
        // a small or absent one is never trusted (chunked bodies, lying servers, gzip expansion).
        // OkHttp drops Content-Length when it decompresses, so here it is the decoded size.
        if (body.contentLength() > maxBodyBytes) {
            return tooLarge(response, hints, redirects);
        }
        Buffer buffer = new Buffer();
        BufferedSource source = body.source();
        while (buffer.size() <= maxBodyBytes) {
            // Reading in small steps bounds memory at maxBodyBytes + one chunk, even for a gzip bomb.
            if (source.read(buffer, READ_CHUNK) == -1) {
                return fetched(response, buffer.readByteArray(), hints, redirects);
            }
        }
        return tooLarge(response, hints, redirects);
    }

    private static FetchResult fetched(Response response, byte[] body, ServerHints hints, Redirects redirects) {
        URI finalUrl = response.request().url().uri();
        return new FetchResult.Fetched(finalUrl, response.code(), body, response.header("Content-Type"),
                response.header("ETag"), response.header("Last-Modified"), hints, redirects,
                response.header("Content-Location"));
    }

    private FetchResult tooLarge(Response response, ServerHints hints, Redirects redirects) {
        return new FetchResult.Failed(FetchResult.FailureKind.TOO_LARGE, response.code(),
                "body exceeds " + maxBodyBytes + " bytes", hints, redirects);
    }

    private static String statusLine(Response response) {
        String reason = response.message();
        // HTTP/2 has no reason phrase.
        return reason.isBlank() ? "HTTP " + response.code() : "HTTP " + response.code() + " " + reason;
    }
}
