package org.feedmerge.publish;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request of the endpoint. HttpServer contexts match by prefix, so this handler sits
 * on {@code /} and matches paths exactly itself. Documents come ready from the publisher: a 200 or
 * 304 only sets headers and writes a cached array.
 */
final class FeedRequestHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(FeedRequestHandler.class);

    static final String HEALTH_PATH = "/healthz";
    private static final String ALLOWED_METHODS = "GET, HEAD";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_FOUND = "not found\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_ALLOWED = "method not allowed\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNAVAILABLE = "feed not rendered yet\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_ERROR = "internal error\n".getBytes(StandardCharsets.US_ASCII);

    private final MergedFeedPublisher publisher;
    private final AtomicInteger inFlight = new AtomicInteger();

    FeedRequestHandler(MergedFeedPublisher publisher) {
        this.publisher = publisher;
    }

    /** Requests being answered right now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            route(exchange);
        } catch (IOException e) {
            // The client went away or stalled; nothing to answer.
            log.debug("response aborted: {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        } catch (RuntimeException e) {
            log.error("failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendServerError(exchange);
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
            if (log.isDebugEnabled()) {
                log.debug("{} {} -> {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                        exchange.getResponseCode());
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (FeedFormat.RSS.path().equals(path)) {
            feed(exchange, FeedFormat.RSS);
        } else if (FeedFormat.ATOM.path().equals(path)) {
            feed(exchange, FeedFormat.ATOM);
        } else if (HEALTH_PATH.equals(path)) {
            health(exchange);
        } else {
            send(exchange, 404, TEXT, NOT_FOUND);
        }
    }

    private void feed(HttpExchange exchange, FeedFormat format) throws IOException {
        if (!isGetOrHead(exchange)) {
            notAllowed(exchange);
            return;
        }
        Rendition rendition = publisher.rendition();
        if (rendition == null) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            send(exchange, 503, TEXT, UNAVAILABLE);
            return;
        }
        serve(exchange, rendition.document(format));
    }

    private static void serve(HttpExchange exchange, CachedDocument document) throws IOException {
        Headers request = exchange.getRequestHeaders();
        Headers response = exchange.getResponseHeaders();
        boolean gzip = AcceptEncoding.allowsGzip(request.get("Accept-Encoding"));
        String etag = document.etag(gzip);
        // RFC 9110 §15.4.5: a 304 carries the validators and caching fields a 200 would have.
        response.set("ETag", etag);
        response.set("Last-Modified", document.lastModifiedHeader);
        response.set("Cache-Control", "max-age=60");
        response.set("Vary", "Accept-Encoding");
        if (Preconditions.notModified(request.get("If-None-Match"), request.get("If-Modified-Since"), etag, document)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        if (gzip) {
            response.set("Content-Encoding", "gzip");
        }
        response.set("Content-Type", document.format.contentType());
        sendBody(exchange, 200, document.body(gzip), document.length(gzip));
    }

    private static void health(HttpExchange exchange) throws IOException {
        if (!isGetOrHead(exchange)) {
            notAllowed(exchange);
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, TEXT, OK);
    }

    private static void notAllowed(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Allow", ALLOWED_METHODS);
        send(exchange, 405, TEXT, NOT_ALLOWED);
    }

    private static boolean isGetOrHead(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        sendBody(exchange, status, body, Integer.toString(body.length));
    }

    /** For HEAD the JDK wants length -1 and the Content-Length set by hand (RFC 9110 §9.3.2). */
    private static void sendBody(HttpExchange exchange, int status, byte[] body, String length) throws IOException {
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Content-Length", length);
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void sendServerError(HttpExchange exchange) {
        if (exchange.getResponseCode() != -1) {
            return; // headers already went out; closing the exchange is all that is left
        }
        try {
            exchange.getResponseHeaders().clear();
            send(exchange, 500, TEXT, SERVER_ERROR);
        } catch (IOException e) {
            log.debug("could not send 500: {}", e.toString());
        }
    }
}
