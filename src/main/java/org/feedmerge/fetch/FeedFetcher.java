package org.feedmerge.fetch;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.feedmerge.config.FetchConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches feed documents over HTTP with one shared OkHttp client: conditional GET, gzip,
 * timeouts and a streaming body-size cap. Thread-safe; close once at shutdown.
 *
 * <p>Redirects are followed (at most 20, across http and https); the result's {@code finalUrl}
 * is where they ended. Every request carries the configured User-Agent and an Accept header that
 * prefers feed formats.
 */
public final class FeedFetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

    /** The body is returned as one array, so the cap cannot exceed what an array can hold. */
    private static final long MAX_BODY_BYTES_LIMIT = Integer.MAX_VALUE - 64 * 1024;

    private final FetchConfig config;
    private final OkHttpClient client;
    private final ResponseClassifier classifier;
    private volatile boolean closed;

    /** @throws IllegalArgumentException if {@code maxBodyBytes} is too large to buffer */
    public FeedFetcher(FetchConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        if (config.maxBodyBytes() > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxBodyBytes must be <= " + MAX_BODY_BYTES_LIMIT);
        }
        this.classifier = new ResponseClassifier(config.maxBodyBytes());
        this.client = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                .followRedirects(true)
                .followSslRedirects(true)
                .addInterceptor(new FeedRequestHeaders(config.userAgent()))
                .build();
    }

    /**
     * Fetches one document; never throws for network or HTTP trouble, which is a {@link FetchResult.Failed}.
     *
     * @throws IllegalArgumentException if the URL is not http(s)
     * @throws IllegalStateException    after {@link #close()}
     */
    public FetchResult fetch(FetchRequest request) {
        if (closed) {
            throw new IllegalStateException("FeedFetcher is closed");
        }
        Call call = client.newCall(toHttpRequest(request));
        try (Response response = call.execute()) {
            FetchResult result = classifier.classify(response);
            log.debug("GET {} -> {}", request.url(), response.code());
            return result;
        } catch (IOException e) {
            log.debug("GET {} failed", request.url(), e);
            String message = NetworkErrorMessage.describe(e, call.isCanceled(), config);
            return new FetchResult.Failed(FetchResult.FailureKind.NETWORK_ERROR, 0, message);
        }
    }

    private static Request toHttpRequest(FetchRequest request) {
        return new Request.Builder()
                .url(HttpUrl.get(request.url()))
                .headers(validators(request))
                .get()
                .build();
    }

    /**
     * RFC 9110 §13.1: validators go back exactly as the server sent them. Non-ASCII is allowed
     * because OkHttp accepted it leniently in the response; rejecting it now would fail every poll.
     */
    private static Headers validators(FetchRequest request) {
        Headers.Builder headers = new Headers.Builder();
        if (request.etag() != null && !request.etag().isBlank()) {
            headers.addUnsafeNonAscii("If-None-Match", request.etag());
        }
        if (request.lastModified() != null && !request.lastModified().isBlank()) {
            headers.addUnsafeNonAscii("If-Modified-Since", request.lastModified());
        }
        return headers.build();
    }

    /**
     * Releases the client's threads and pooled sockets. Does not interrupt fetches in flight (the
     * call timeout bounds them); stop the scheduler first.
     */
    @Override
    public void close() {
        closed = true;
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Pooled connections, open or idle; for tests. */
    int pooledConnectionCount() {
        return client.connectionPool().connectionCount();
    }
}
