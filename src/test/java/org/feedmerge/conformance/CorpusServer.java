package org.feedmerge.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * Serves corpus documents on 127.0.0.1 with their recorded status and headers, verbatim. Binds
 * port 8097 when it is free, because feedparser's expectations with absolute URLs assume
 * {@code http://127.0.0.1:8097/tests/<path>}; otherwise any free port. Answers If-None-Match with
 * 304 when a document carries that ETag (the corpus's conditional-GET fixture needs it). Requests
 * for paths it does not serve are answered 404 and remembered: nothing in the pipeline should
 * invent URLs on the feed's host (a DTD resolved against the feed URL would show up here).
 */
final class CorpusServer implements AutoCloseable {
    static final int PREFERRED_PORT = 8097;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, CorpusDocument> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Queue<String> unknownPaths = new ConcurrentLinkedQueue<>();

    private CorpusServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return respond(request);
            }
        });
    }

    static CorpusServer start() {
        CorpusServer corpusServer = new CorpusServer();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            corpusServer.server.start(loopback, PREFERRED_PORT);
        } catch (IOException portTaken) {
            corpusServer.startOnAnyPort(loopback);
        }
        return corpusServer;
    }

    private void startOnAnyPort(InetAddress loopback) {
        try {
            server.start(loopback, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the corpus server on 127.0.0.1", e);
        }
    }

    boolean onPreferredPort() {
        return server.getPort() == PREFERRED_PORT;
    }

    int port() {
        return server.getPort();
    }

    /** {@code 127.0.0.1:port}, what expectations written for port 8097 are rewritten to. */
    String authority() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Serves the document from now on and returns its URL. */
    URI serve(CorpusDocument document) {
        HttpUrl url = HttpUrl.get("http://" + authority() + "/").resolve(document.urlPath());
        documents.put(url.encodedPath(), document);
        return url.uri();
    }

    /** Requests received for the path of {@code url}. */
    int hits(URI url) {
        AtomicInteger count = hits.get(HttpUrl.get(url).encodedPath());
        return count == null ? 0 : count.get();
    }

    /** Paths requested that no document is served at, in arrival order. */
    List<String> unknownPaths() {
        return List.copyOf(unknownPaths);
    }

    private MockResponse respond(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        CorpusDocument document = documents.get(path);
        if (document == null) {
            unknownPaths.add(path);
            return new MockResponse.Builder().code(404).body("not in the corpus").build();
        }
        String etag = document.header("ETag");
        if (etag != null && etag.equals(request.getHeaders().get("If-None-Match"))) {
            return new MockResponse.Builder().code(304).addHeaderLenient("ETag", etag).build();
        }
        return verbatim(document);
    }

    private static MockResponse verbatim(CorpusDocument document) {
        MockResponse.Builder response = new MockResponse.Builder().code(document.status())
                .body(new Buffer().write(document.body()));
        for (HttpHeader header : document.headers()) {
            response.addHeaderLenient(header.name(), header.value());
        }
        return response.build();
    }

    @Override
    public void close() {
        server.close();
    }
}
