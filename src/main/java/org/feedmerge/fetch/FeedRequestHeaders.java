package org.feedmerge.fetch;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Identifies us and states what we want on every request, so no call site can forget.
 * Accept-Encoding is deliberately left to OkHttp: when it adds gzip itself it also decompresses
 * transparently, which is what lets the body cap count decompressed bytes.
 */
final class FeedRequestHeaders implements Interceptor {

    /** Feed formats first (RFC 9110 §12.5.1 q-values), anything else as a last resort. */
    static final String ACCEPT = "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

    private final String userAgent;

    FeedRequestHeaders(String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder()
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .build());
    }
}
