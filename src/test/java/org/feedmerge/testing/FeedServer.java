package org.feedmerge.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A loopback feed server for tests: serves documents by path, with an ETag per version, and
 * answers conditional requests with 304 like a well-behaved publisher. Documents can be replaced
 * while it runs. Binds 127.0.0.1 only.
 */
public final class FeedServer implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger version = new AtomicInteger();

    private record Document(byte[] body, String contentType, String etag) {
    }

    public FeedServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return respond(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** Serves {@code body} at {@code path} from now on, with a fresh ETag. */
    public URI serve(String path, String body, String contentType) {
        documents.put(path, new Document(body.getBytes(StandardCharsets.UTF_8), contentType,
                "\"v" + version.incrementAndGet() + "\""));
        return url(path);
    }

    /** Serves an RSS/Atom document as {@code application/xml; charset=utf-8}. */
    public URI serve(String path, String body) {
        return serve(path, body, "application/xml; charset=utf-8");
    }

    public URI url(String path) {
        return server.url(path).uri();
    }

    /** Requests received for {@code path} so far. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public RecordedRequest takeRequest() throws InterruptedException {
        return server.takeRequest();
    }

    private MockResponse respond(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Document document = documents.get(path);
        if (document == null) {
            return new MockResponse.Builder().code(404).body("not found").build();
        }
        if (document.etag().equals(request.getHeaders().get("If-None-Match"))) {
            return new MockResponse.Builder().code(304).addHeader("ETag", document.etag()).build();
        }
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", document.contentType())
                .addHeader("ETag", document.etag())
                .body(new Buffer().write(document.body()))
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
