package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.publish.Entries.OUTPUT;
import static org.feedmerge.publish.Entries.entry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.feedmerge.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.feedmerge.testing.SettableClock;

class FeedEndpointIT {

    private static final ServerConfig LOCAL_ANY_PORT = new ServerConfig("127.0.0.1", 0);

    private final SettableClock clock = new SettableClock(Instant.parse("2024-06-01T00:00:00Z"));
    private final CountingEntries store = new CountingEntries(List.of(entry(2).build(), entry(1).build()));
    private final MergedFeedPublisher publisher = new MergedFeedPublisher(OUTPUT, store, clock);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private FeedEndpoint endpoint;

    @BeforeEach
    void start() {
        logs.start();
        publishLogger().addAppender(logs);
        endpoint = FeedEndpoint.start(LOCAL_ANY_PORT, publisher);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        publishLogger().detachAppender(logs);
    }

    @Test
    void getServesTheRssDocumentWithValidators() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/feed.xml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(header(response, "ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(header(response, "Last-Modified")).isEqualTo("Fri, 01 Mar 2024 12:01:00 GMT");
        assertThat(header(response, "Cache-Control")).isEqualTo("max-age=60");
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(response, "Content-Encoding")).isNull();
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(response.body().length));
        assertThat(RssFeedWriterTest.rome(response.body()).getEntries()).hasSize(2);
    }

    @Test
    void getServesTheAtomDocument() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/feed.atom");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(RssFeedWriterTest.rome(response.body()).getFeedType()).isEqualTo("atom_1.0");
        assertThat(header(response, "ETag")).isNotEqualTo(header(send("GET", "/feed.xml"), "ETag"));
    }

    @Test
    void queryStringsDoNotChangeThePath() throws Exception {
        assertThat(send("GET", "/feed.xml?utm_source=x").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "W/%s", "\"nope\", %s", "*"})
    void matchingIfNoneMatchGives304WithTheTag(String template) throws Exception {
        String etag = header(send("GET", "/feed.xml"), "ETag");

        HttpResponse<byte[]> response = send("GET", "/feed.xml", "If-None-Match", template.formatted(etag));

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(header(response, "ETag")).isEqualTo(etag);
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(response, "Cache-Control")).isEqualTo("max-age=60");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void staleIfNoneMatchGetsTheFullDocumentEvenWithAMatchingDate() throws Exception {
        HttpResponse<byte[]> first = send("GET", "/feed.xml");

        HttpResponse<byte[]> response = send("GET", "/feed.xml",
                "If-None-Match", "\"0123\"", "If-Modified-Since", header(first, "Last-Modified"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(first.body());
    }

    @Test
    void ifModifiedSinceGives304UnlessOlder() throws Exception {
        String lastModified = header(send("GET", "/feed.atom"), "Last-Modified");

        assertThat(send("GET", "/feed.atom", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(send("GET", "/feed.atom", "If-Modified-Since", "Sat, 01 Jun 2024 00:00:00 GMT").statusCode())
                .isEqualTo(304);
        assertThat(send("GET", "/feed.atom", "If-Modified-Since", "Fri, 01 Mar 2024 12:00:59 GMT").statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/feed.atom", "If-Modified-Since", "garbage").statusCode()).isEqualTo(200);
    }

    @Test
    void gzipWhenAcceptedWithItsOwnTag() throws Exception {
        HttpResponse<byte[]> plain = send("GET", "/feed.xml");

        HttpResponse<byte[]> zipped = send("GET", "/feed.xml", "Accept-Encoding", "br, gzip;q=0.5");

        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(header(zipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(zipped, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(zipped, "ETag")).isEqualTo(header(plain, "ETag").replaceAll("\"$", "-gz\""));
        assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
        assertThat(send("GET", "/feed.xml", "Accept-Encoding", "gzip", "If-None-Match", header(zipped, "ETag"))
                .statusCode()).isEqualTo(304);
    }

    @Test
    void noGzipWhenRefused() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/feed.xml", "Accept-Encoding", "gzip;q=0, deflate");

        assertThat(header(response, "Content-Encoding")).isNull();
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(response.body()).isEqualTo(send("GET", "/feed.xml").body());
    }

    @Test
    void headSendsTheHeadersOfGetWithoutABody() throws Exception {
        HttpResponse<byte[]> get = send("GET", "/feed.xml");
        HttpResponse<byte[]> getZipped = send("GET", "/feed.xml", "Accept-Encoding", "gzip");

        HttpResponse<byte[]> head = send("HEAD", "/feed.xml");
        HttpResponse<byte[]> headZipped = send("HEAD", "/feed.xml", "Accept-Encoding", "gzip");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(get.body().length));
        assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
        assertThat(header(head, "Content-Type")).isEqualTo(header(get, "Content-Type"));
        assertThat(headZipped.body()).isEmpty();
        assertThat(header(headZipped, "Content-Length")).isEqualTo(Integer.toString(getZipped.body().length));
        assertThat(header(headZipped, "Content-Encoding")).isEqualTo("gzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/feed.xmlx", "/feed.xml/", "/FEED.XML", "/feed.atom.bak", "/healthz/x", "//feed.xml",
            "/feed%2Exml", "/favicon.ico"})
    void unknownPathsAre404(String path) throws Exception {
        assertThat(send("GET", path).statusCode()).isEqualTo(404);
        assertThat(send("HEAD", path).body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get"})
    void otherMethodsAre405WithAllow(String method) throws Exception {
        for (String path : List.of("/feed.xml", "/feed.atom", "/healthz")) {
            HttpResponse<byte[]> response = send(method, path);

            assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(header(response, "Allow")).isEqualTo("GET, HEAD");
        }
    }

    @Test
    void healthzSaysOk() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
        assertThat(store.calls()).isZero();
    }

    @Test
    void requestsRenderOnlyAfterInvalidateAndThenExactlyOnce() throws Exception {
        String before = header(send("GET", "/feed.xml"), "ETag");
        for (int i = 0; i < 5; i++) {
            send("GET", "/feed.xml");
            send("GET", "/feed.atom", "If-None-Match", "*");
        }
        assertThat(store.calls()).isEqualTo(1);

        store.set(List.of(entry(3).build(), entry(2).build(), entry(1).build()));
        publisher.invalidate();
        HttpResponse<byte[]> after = send("GET", "/feed.xml", "If-None-Match", before);
        send("GET", "/feed.atom");
        send("GET", "/feed.xml", "Accept-Encoding", "gzip");

        assertThat(store.calls()).isEqualTo(2);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(header(after, "ETag")).isNotEqualTo(before);
        assertThat(RssFeedWriterTest.rome(after.body()).getEntries()).hasSize(3);
    }

    @Test
    void concurrentRequestsAfterInvalidateRenderOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingEntries slowStore = new CountingEntries(List.of(entry(1).build()));
        MergedFeedPublisher slow = new MergedFeedPublisher(OUTPUT, limit -> {
            entered.countDown();
            awaitQuietly(release);
            return slowStore.apply(limit);
        }, clock);
        try (FeedEndpoint slowEndpoint = FeedEndpoint.start(LOCAL_ANY_PORT, slow)) {
            List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                responses.add(client.sendAsync(request(slowEndpoint, i % 2 == 0 ? "/feed.xml" : "/feed.atom", "GET"),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // the others queue up behind the render
            release.countDown();

            for (CompletableFuture<HttpResponse<byte[]>> response : responses) {
                assertThat(response.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
        assertThat(slowStore.calls()).isEqualTo(1);
    }

    @Test
    void unavailableUntilTheFirstRenderSucceeds() throws Exception {
        store.failWith(new IllegalStateException("database not migrated yet"));
        HttpResponse<byte[]> response = send("GET", "/feed.atom");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(header(response, "Retry-After")).isEqualTo("5");

        store.failWith(null);
        publisher.invalidate();
        assertThat(send("GET", "/feed.atom").statusCode()).isEqualTo(200);
    }

    @Test
    void closeIsQuickAndReleasesThePort() throws Exception {
        int port = endpoint.address().getPort();
        assertThat(port).isPositive();
        send("GET", "/feed.xml");

        long started = System.nanoTime();
        endpoint.close();
        long closeMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(closeMillis).isLessThan(1_000);
        try (ServerSocket rebound = new ServerSocket()) {
            rebound.bind(new InetSocketAddress("127.0.0.1", port));
        }
        try (FeedEndpoint again = FeedEndpoint.start(new ServerConfig("127.0.0.1", port), publisher)) {
            assertThat(again.address().getPort()).isEqualTo(port);
            assertThat(send(again, "GET", "/healthz").statusCode()).isEqualTo(200);
        }
        endpoint.close(); // a second close is harmless
    }

    @Test
    void closeLetsAResponseInFlightFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MergedFeedPublisher slow = new MergedFeedPublisher(OUTPUT, limit -> {
            entered.countDown();
            awaitQuietly(release);
            return List.of(entry(1).build());
        }, clock);
        FeedEndpoint slowEndpoint = FeedEndpoint.start(LOCAL_ANY_PORT, slow);
        CompletableFuture<HttpResponse<byte[]>> response =
                client.sendAsync(request(slowEndpoint, "/feed.xml", "GET"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(slowEndpoint::close);
        Thread.sleep(100);
        assertThat(closing).isNotDone();
        release.countDown();

        closing.get(2, TimeUnit.SECONDS);
        assertThat(response.get(2, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void startAndStopLogOneInfoLineEachAndRequestsNone() throws Exception {
        send("GET", "/feed.xml");
        send("GET", "/nope");
        endpoint.close();

        assertThat(logs.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .satisfiesExactly(
                        started -> assertThat(started).startsWith("feed endpoint listening: address=http://127.0.0.1:"),
                        stopped -> assertThat(stopped).startsWith("feed endpoint stopped"));
    }

    static Stream<String> garbageHeaders() {
        return Stream.of(
                "If-None-Match: \"\"\"\"W/W/,,,*x",
                "If-None-Match: W/",
                "If-None-Match: \u00ff\u00fe\"",
                "If-Modified-Since: Mon, 99 Foo 99999 99:99:99 GMT",
                "If-Modified-Since: \u00ff\u00ff\u00ff",
                "If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\nIf-Modified-Since: x",
                "Accept-Encoding: gzip;q=NaN, *;q=-1, ;;;q==, q",
                "Accept-Encoding: gzip;q=1e3",
                "Accept-Encoding: " + "gzip;q=0.5,".repeat(600),
                "X-Whatever: \u0001\u0002");
    }

    @ParameterizedTest
    @MethodSource("garbageHeaders")
    void garbageHeadersNeverCauseAServerErrorOrALoggedProblem(String headerLines) throws Exception {
        String response = raw("GET /feed.xml HTTP/1.1\r\nHost: x\r\n" + headerLines + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200 ");
        assertThat(logs.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /feed.xml%zz HTTP/1.1", "GET http://elsewhere.example/feed.xml HTTP/1.1",
            "GET * HTTP/1.1", "GET mailto:x@example.com HTTP/1.1", "GET /%00 HTTP/1.1", "BREW /feed.xml HTTP/1.1",
            "GET /feed.xml HTTP/1.0"})
    void oddRequestLinesNeverCauseAServerErrorOrALoggedProblem(String requestLine) throws Exception {
        String response = raw(requestLine + "\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response).doesNotStartWith("HTTP/1.1 500");
        assertThat(logs.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        return send(endpoint, method, path, headers);
    }

    private HttpResponse<byte[]> send(FeedEndpoint target, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target, path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest request(FeedEndpoint target, String path, String method) {
        return HttpRequest.newBuilder(uri(target, path)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5)).build();
    }

    private static URI uri(FeedEndpoint target, String path) {
        return URI.create("http://127.0.0.1:" + target.address().getPort() + path);
    }

    /** Writes a request byte for byte (ISO-8859-1) and reads the response until the server closes. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", endpoint.address().getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ch.qos.logback.classic.Logger publishLogger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.feedmerge.publish");
    }
}
