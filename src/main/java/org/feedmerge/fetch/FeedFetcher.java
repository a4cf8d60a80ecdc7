package org.feedmerge.fetch;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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
 * <p>Redirects are followed here rather than inside OkHttp, so that every hop is recorded
 * ({@link Redirects}: the poller moves a feed after repeated permanent ones) and a loop or an
 * over-long chain fails that fetch cleanly. At most {@value #MAX_REDIRECTS} hops, across http and
 * https; the call timeout bounds the whole chain. Every request carries the configured User-Agent
 * and an Accept header that prefers feed formats.
 */
public final class FeedFetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedFetcher.class);

    /** The body is returned as one array, so the cap cannot exceed what an array can hold. */
    private static final long MAX_BODY_BYTES_LIMIT = Integer.MAX_VALUE - 64 * 1024;

    /** Browsers allow about 20; a feed that needs more than a handful is misconfigured. */
    static final int MAX_REDIRECTS = 10;

    private final FetchConfig config;
    private final Clock clock;
    private final OkHttpClient client;
    private final ResponseClassifier classifier;
    private volatile boolean closed;

    /** With the system clock (which only dates responses that carry no Date header). */
    public FeedFetcher(FetchConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @throws IllegalArgumentException if {@code maxBodyBytes} is too large to buffer */
    public FeedFetcher(FetchConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (config.maxBodyBytes() > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxBodyBytes must be <= " + MAX_BODY_BYTES_LIMIT);
        }
        this.classifier = new ResponseClassifier(config.maxBodyBytes());
        this.client = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new FeedRequestHeaders(config.userAgent()))
                .build();
    }

    /**
     * Fetches one document, following redirects; never throws for network or HTTP trouble, which
     * is a {@link FetchResult.Failed}.
     *
     * @throws IllegalArgumentException if the URL is not http(s)
     * @throws IllegalStateException    after {@link #close()}
     */
    public FetchResult fetch(FetchRequest request) {
        if (closed) {
            throw new IllegalStateException("FeedFetcher is closed");
        }
        long deadline = System.nanoTime() + config.callTimeout().toNanos();
        HttpUrl url = HttpUrl.get(request.url());
        Redirects redirects = Redirects.NONE;
        while (true) {
            Call call = client.newCall(toHttpRequest(url, request));
            // One budget for the whole chain: a slow server cannot stretch it hop by hop.
            call.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                log.debug("GET {} -> {}", url, response.code());
                ServerHints hints = ResponseHints.read(response.headers(), clock.instant());
                if (!RedirectHop.isRedirect(response.code())) {
                    return classifier.classify(response, hints, redirects);
                }
                RedirectHop hop = RedirectHop.of(response, redirects, MAX_REDIRECTS);
                if (hop.failure() != null) {
                    return new FetchResult.Failed(FetchResult.FailureKind.HTTP_ERROR, response.code(),
                            hop.failure(), hints, hop.redirects());
                }
                url = hop.target();
                redirects = hop.redirects();
            } catch (IOException e) {
                log.debug("GET {} failed", url, e);
                String message = NetworkErrorMessage.describe(e, call.isCanceled(), config);
                return new FetchResult.Failed(FetchResult.FailureKind.NETWORK_ERROR, 0, message, ServerHints.NONE,
                        redirects);
            }
        }
    }

    private static Request toHttpRequest(HttpUrl url, FetchRequest request) {
        return new Request.Builder()
                .url(url)
                .headers(validators(request))
                .get()
                .build();
    }

    /**
     * RFC 9110 §13.1: validators go back exactly as the server sent them. Non-ASCII is allowed
     * because OkHttp accepted it leniently in the response; rejecting it now would fail every poll.
     * They go to redirect targets too: the stored validators came from wherever the chain ended.
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
