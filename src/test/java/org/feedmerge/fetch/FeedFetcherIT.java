package org.feedmerge.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.feedmerge.config.FetchConfig;
import org.feedmerge.fetch.FetchResult.Failed;
import org.feedmerge.fetch.FetchResult.FailureKind;
import org.feedmerge.fetch.FetchResult.Fetched;
import org.feedmerge.fetch.FetchResult.NotModified;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scripts real HTTP on 127.0.0.1 and asserts both the result and the request that was sent. */
@Timeout(10)
class FeedFetcherIT {

    private static final String USER_AGENT = "feedmerge-test/1.0 (+https://feedmerge.example)";
    private static final int MAX_BODY = 1024 * 1024;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final MockWebServer server = new MockWebServer();
    private FeedFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        fetcher = new FeedFetcher(config(CALL_TIMEOUT));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    // --- conditional GET --------------------------------------------------------------------

    @Test
    void fetchedCarriesBodyHeadersAndValidators() {
        byte[] feed = fixture("atom-minimal.xml");
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/atom+xml; charset=utf-8")
                .setHeader("ETag", "W/\"abc\"")
                .setHeader("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")
                .body(new Buffer().write(feed))
                .build());

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.unconditional(url("/feed.xml")));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.finalUrl()).isEqualTo(url("/feed.xml"));
        assertThat(fetched.body()).isEqualTo(feed);
        assertThat(fetched.contentType()).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(fetched.etag()).isEqualTo("W/\"abc\"");
        assertThat(fetched.lastModified()).isEqualTo("Mon, 01 Jan 2024 00:00:00 GMT");
    }

    @Test
    void storedEtagIsSentAsIfNoneMatch() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("ETag", "\"v1\"").body("<rss/>").build());
        server.enqueue(new MockResponse.Builder().code(304).build());

        Fetched first = (Fetched) fetcher.fetch(FetchRequest.unconditional(url("/feed")));
        FetchResult second = fetcher.fetch(new FetchRequest(url("/feed"), first.etag(), first.lastModified()));

        assertThat(takeRequest().getHeaders().get("If-None-Match")).isNull();
        assertThat(takeRequest().getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second).isEqualTo(new NotModified(null, null));
    }

    @Test
    void storedLastModifiedIsSentVerbatimAsIfModifiedSince() throws Exception {
        // Not a valid IMF-fixdate on purpose: validators go back exactly as received.
        String lastModified = "Monday, 01-Jan-24 00:00:00 GMT";
        server.enqueue(new MockResponse.Builder().setHeader("Last-Modified", lastModified).body("<rss/>").build());
        server.enqueue(new MockResponse.Builder().code(304).build());

        Fetched first = (Fetched) fetcher.fetch(FetchRequest.unconditional(url("/feed")));
        fetcher.fetch(new FetchRequest(url("/feed"), first.etag(), first.lastModified()));

        assertThat(takeRequest().getHeaders().get("If-Modified-Since")).isNull();
        RecordedRequest conditional = takeRequest();
        assertThat(conditional.getHeaders().get("If-Modified-Since")).isEqualTo(lastModified);
        assertThat(conditional.getHeaders().get("If-None-Match")).isNull();
    }

    @Test
    void notModifiedCarriesRefreshedValidators() {
        server.enqueue(new MockResponse.Builder()
                .code(304)
                .setHeader("ETag", "\"v2\"")
                .setHeader("Last-Modified", "Tue, 02 Jan 2024 00:00:00 GMT")
                .build());

        FetchResult result = fetcher.fetch(new FetchRequest(url("/feed"), "\"v1\"", null));

        assertThat(result).isEqualTo(new NotModified("\"v2\"", "Tue, 02 Jan 2024 00:00:00 GMT"));
    }

    @Test
    void everyRequestIdentifiesUsAndPrefersFeeds() throws Exception {
        server.enqueue(new MockResponse.Builder().body("<rss/>").build());

        fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        RecordedRequest request = takeRequest();
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(request.getHeaders().get("Accept")).startsWith("application/atom+xml, application/rss+xml");
    }

    // --- HTTP errors ------------------------------------------------------------------------

    static Stream<Arguments> errorStatuses() {
        return Stream.of(
                Arguments.of("HTTP/1.1 404 Not Found", 404, "HTTP 404 Not Found"),
                Arguments.of("HTTP/1.1 410 Gone", 410, "HTTP 410 Gone"),
                Arguments.of("HTTP/1.1 500 Internal Server Error", 500, "HTTP 500 Internal Server Error"),
                Arguments.of("HTTP/1.1 503", 503, "HTTP 503"));
    }

    @ParameterizedTest
    @MethodSource("errorStatuses")
    void errorStatusIsHttpError(String statusLine, int code, String message) {
        server.enqueue(new MockResponse.Builder().status(statusLine).body("oops").build());

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(new Failed(FailureKind.HTTP_ERROR, code, message));
    }

    // --- bodies: gzip and the size cap ------------------------------------------------------

    @Test
    void gzipBodyIsReturnedDecompressed() throws Exception {
        byte[] feed = fixture("atom-minimal.xml");
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(gzip(feed)))
                .build());

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(fetched.body()).isEqualTo(feed);
        // OkHttp only decompresses transparently when it asked for gzip itself.
        assertThat(takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void chunkedBodyOverTheLimitIsTooLarge() {
        server.enqueue(new MockResponse.Builder()
                .chunkedBody(new Buffer().write(new byte[2 * MAX_BODY]), 64 * 1024)
                .build());

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(tooLarge());
    }

    @Test
    void declaredOversizeFailsWithoutReadingTheBody() {
        // The server stalls half way; a fetcher that started reading would time out instead.
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(new byte[2 * MAX_BODY]))
                .onResponseBody(SocketEffect.Stall.INSTANCE)
                .build());

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(tooLarge());
    }

    @Test
    void lyingSmallContentLengthCannotBypassTheCap() {
        // Transfer-Encoding wins over Content-Length (RFC 9112 §6.3), so 2 MiB arrive despite "100".
        server.enqueue(new MockResponse.Builder()
                .chunkedBody(new Buffer().write(new byte[2 * MAX_BODY]), 64 * 1024)
                .addHeader("Content-Length", "100")
                .build());

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(tooLarge());
    }

    @Test
    void gzipBombFailsQuicklyWithoutInflatingEverything() throws Exception {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(MAX_BODY);
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(bomb))
                .build());

        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(tooLarge());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    // --- network trouble --------------------------------------------------------------------

    @Test
    void slowDripBodyHitsTheCallTimeout() {
        fetcher.close();
        fetcher = new FeedFetcher(config(Duration.ofMillis(500)));
        // One byte every 50 ms never trips the 2 s read timeout, but would take 10 s in all.
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(new byte[200]))
                .throttleBody(1, 50, TimeUnit.MILLISECONDS)
                .build());

        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(new Failed(FailureKind.NETWORK_ERROR, 0, "timeout after 500 ms (whole request)"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void closedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(URI.create("http://127.0.0.1:" + port + "/")));

        assertThat(result).isEqualTo(new Failed(FailureKind.NETWORK_ERROR, 0, "connection refused"));
    }

    @Test
    void disconnectMidBodyIsNetworkError() {
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(new byte[64 * 1024]))
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(
                new Failed(FailureKind.NETWORK_ERROR, 0, "connection closed before the response was complete"));
    }

    // --- redirects --------------------------------------------------------------------------

    @Test
    void redirectChainEndsAtTheFinalUrl() throws Exception {
        server.enqueue(redirect(301, "/moved"));
        server.enqueue(redirect(308, "/moved/again"));
        server.enqueue(new MockResponse.Builder().body("<rss/>").build());

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(fetched.finalUrl()).isEqualTo(url("/moved/again"));
        assertThat(server.getRequestCount()).isEqualTo(3);
        takeRequest();
        takeRequest();
        assertThat(takeRequest().getHeaders().get("User-Agent")).isEqualTo(USER_AGENT);
    }

    @Test
    void everyHopOfTheChainIsRecorded() {
        server.enqueue(redirect(301, "/moved"));
        server.enqueue(redirect(308, "http://" + server.getHostName() + ":" + server.getPort() + "/final"));
        server.enqueue(new MockResponse.Builder().body("<rss/>").build());

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(fetched.redirects().hops()).containsExactly(
                new Redirects.Hop(url("/feed"), 301, url("/moved")),
                new Redirects.Hop(url("/moved"), 308, url("/final")));
        assertThat(fetched.redirects().permanentTarget()).contains(url("/final"));
    }

    @Test
    void aTemporaryHopMeansNoPermanentTarget() {
        server.enqueue(redirect(301, "/moved"));
        server.enqueue(redirect(302, "/today"));
        server.enqueue(new MockResponse.Builder().code(304).build());

        FetchResult result = fetcher.fetch(new FetchRequest(url("/feed"), "\"v1\"", null));

        assertThat(result).isInstanceOf(NotModified.class);
        assertThat(result.redirects().hops()).extracting(Redirects.Hop::status).containsExactly(301, 302);
        assertThat(result.redirects().permanentTarget()).isEmpty();
    }

    @Test
    void validatorsFollowTheRedirect() throws Exception {
        server.enqueue(redirect(301, "/moved"));
        server.enqueue(new MockResponse.Builder().code(304).build());

        fetcher.fetch(new FetchRequest(url("/feed"), "\"v1\"", "Mon, 01 Jan 2024 00:00:00 GMT"));

        takeRequest();
        RecordedRequest redirected = takeRequest();
        assertThat(redirected.getUrl().encodedPath()).isEqualTo("/moved");
        assertThat(redirected.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(redirected.getHeaders().get("User-Agent")).isEqualTo(USER_AGENT);
    }

    @Test
    void redirectLoopFailsCleanlyNamingTheLoop() {
        server.enqueue(redirect(301, "/b"));
        server.enqueue(redirect(302, "/a"));

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/a")));

        assertThat(result).isInstanceOf(Failed.class);
        Failed failed = (Failed) result;
        assertThat(failed.kind()).isEqualTo(FailureKind.HTTP_ERROR);
        assertThat(failed.httpStatus()).isEqualTo(302);
        assertThat(failed.message()).isEqualTo("redirect loop: " + url("/a") + " -301-> " + url("/b")
                + " -302-> " + url("/a"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void selfRedirectIsALoop() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return redirect(301, "/loop");
            }
        });

        Failed failed = (Failed) fetcher.fetch(FetchRequest.unconditional(url("/loop")));

        assertThat(failed.message()).startsWith("redirect loop: ");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void overLongChainFailsCleanly() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int hop = Integer.parseInt(request.getUrl().encodedPath().substring("/hop/".length()));
                return redirect(307, "/hop/" + (hop + 1));
            }
        });

        Failed failed = (Failed) fetcher.fetch(FetchRequest.unconditional(url("/hop/0")));

        assertThat(failed).extracting(Failed::kind, Failed::httpStatus, Failed::message)
                .containsExactly(FailureKind.HTTP_ERROR, 307, "more than " + FeedFetcher.MAX_REDIRECTS + " redirects");
        assertThat(failed.redirects().hops()).hasSize(FeedFetcher.MAX_REDIRECTS + 1);
    }

    @Test
    void redirectWithoutLocationFails() {
        server.enqueue(new MockResponse.Builder().code(301).build());

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(new Failed(FailureKind.HTTP_ERROR, 301, "HTTP 301 without a usable Location"));
    }

    @Test
    void theCallTimeoutCoversTheWholeChain() {
        fetcher.close();
        fetcher = new FeedFetcher(config(Duration.ofMillis(800)));
        // Each hop answers within the read timeout, but together they take far longer than the call timeout.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int hop = Integer.parseInt(request.getUrl().encodedPath().substring("/slow/".length()));
                return new MockResponse.Builder().code(302).setHeader("Location", "/slow/" + (hop + 1))
                        .headersDelay(300, TimeUnit.MILLISECONDS).build();
            }
        });

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/slow/0")));

        assertThat(result).isEqualTo(new Failed(FailureKind.NETWORK_ERROR, 0, "timeout after 800 ms (whole request)",
                ServerHints.NONE, result.redirects()));
        assertThat(result.redirects().hops()).hasSizeBetween(1, 3);
    }

    // --- what the server says about coming back ---------------------------------------------

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result).isEqualTo(new Failed(FailureKind.HTTP_ERROR, 429, "HTTP 429 Client Error",
                new ServerHints(null, null, Duration.ofMinutes(2)), Redirects.NONE));
    }

    @Test
    void unavailableCarriesAnHttpDateRetryAfterRelativeToTheServersDate() {
        server.enqueue(new MockResponse.Builder().code(503)
                .setHeader("Date", "Sun, 01 Mar 2026 12:00:00 GMT")
                .setHeader("Retry-After", "Sun, 01 Mar 2026 12:45:00 GMT").build());

        FetchResult result = fetcher.fetch(FetchRequest.unconditional(url("/feed")));

        assertThat(result.hints().retryAfter()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void documentsAndNotModifiedCarryCachingHints() {
        server.enqueue(new MockResponse.Builder().setHeader("Cache-Control", "public, max-age=1800").body("<rss/>")
                .build());
        server.enqueue(new MockResponse.Builder().code(304).setHeader("Cache-Control", "max-age=900").build());

        FetchResult first = fetcher.fetch(FetchRequest.unconditional(url("/feed")));
        FetchResult second = fetcher.fetch(new FetchRequest(url("/feed"), "\"v1\"", null));

        assertThat(first.hints().maxAge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(second.hints().maxAge()).isEqualTo(Duration.ofMinutes(15));
    }

    // --- lifecycle --------------------------------------------------------------------------

    @Test
    void closeReleasesConnectionsAndThreads() {
        server.enqueue(new MockResponse.Builder().body("<rss/>").build());
        fetcher.fetch(FetchRequest.unconditional(url("/feed")));
        assertThat(fetcher.pooledConnectionCount()).isEqualTo(1);

        fetcher.close();

        assertThat(fetcher.pooledConnectionCount()).isZero();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("OkHttp Dispatcher"));
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.unconditional(url("/feed"))))
                .isInstanceOf(IllegalStateException.class);
    }

    // --- helpers ----------------------------------------------------------------------------

    private static FetchConfig config(Duration callTimeout) {
        return new FetchConfig(Duration.ofSeconds(1), Duration.ofSeconds(2), callTimeout, USER_AGENT, MAX_BODY);
    }

    private URI url(String path) {
        return server.url(path).uri();
    }

    private RecordedRequest takeRequest() throws InterruptedException {
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request).as("recorded request").isNotNull();
        return request;
    }

    private static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).setHeader("Location", location).build();
    }

    private static Failed tooLarge() {
        return new Failed(FailureKind.TOO_LARGE, 200, "body exceeds " + MAX_BODY + " bytes");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = FeedFetcherIT.class.getResourceAsStream("/fetch/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
