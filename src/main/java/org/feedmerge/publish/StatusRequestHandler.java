package org.feedmerge.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /status.json}: every configured feed's polling state, read fresh on each request
 * (a handful of rows; never cached, so {@code Cache-Control: no-store}). GET and HEAD only.
 */
final class StatusRequestHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(StatusRequestHandler.class);

    static final String PATH = "/status.json";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Supplier<StatusDocument> status;
    private final AtomicInteger inFlight = new AtomicInteger();

    StatusRequestHandler(Supplier<StatusDocument> status) {
        this.status = status;
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            route(exchange);
        } catch (IOException e) {
            log.debug("response aborted: {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        } catch (RuntimeException e) {
            log.error("failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendQuietly(exchange, 500, "internal error\n");
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        // The context matches by prefix: /status.jsonx and /status.json/x land here too.
        if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
            send(exchange, 404, TEXT, "not found\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, TEXT, "method not allowed\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, CONTENT_TYPE, StatusJson.write(status.get()));
    }

    /** For HEAD the JDK wants length -1 and the Content-Length set by hand (RFC 9110 §9.3.2). */
    private static void send(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(code, -1);
        } else {
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void sendQuietly(HttpExchange exchange, int code, String text) {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        try {
            send(exchange, code, TEXT, text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            log.debug("could not send {}: {}", code, e.toString());
        }
    }
}
