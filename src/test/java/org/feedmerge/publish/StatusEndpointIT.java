package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.publish.Entries.OUTPUT;
import static org.feedmerge.publish.Entries.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.feedmerge.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.feedmerge.testing.SettableClock;

/** {@code /status.json} on a real endpoint, fed by a supplier the test controls. */
class StatusEndpointIT {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<List<FeedStatus>> statuses = new AtomicReference<>(List.of());
    private FeedEndpoint endpoint;

    @BeforeEach
    void start() {
        MergedFeedPublisher publisher = new MergedFeedPublisher(OUTPUT,
                new CountingEntries(List.of(entry(1).build())), new SettableClock(T0));
        endpoint = FeedEndpoint.start(new ServerConfig("127.0.0.1", 0), publisher, () -> new StatusDocument(statuses.get(), null));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private HttpResponse<byte[]> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static FeedStatus moved() {
        return new FeedStatus(URI.create("https://old.example/rss"), "Old", URI.create("https://new.example/rss"),
                T0, "OK", 200, null, 0, T0, T0, T0.plus(Duration.ofHours(2)), "ttl", null);
    }

    private static FeedStatus gone() {
        return new FeedStatus(URI.create("https://gone.example/feed"), "Gone", null, null, "HTTP_ERROR", 410,
                "HTTP 410 Gone", 1, T0, null, null, "retired", T0);
    }

    @Test
    void getServesEveryFeedAsJson() throws Exception {
        statuses.set(List.of(moved(), gone()));

        HttpResponse<byte[]> response = send("GET", "/status.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode feeds = new ObjectMapper().readTree(response.body()).get("feeds");
        assertThat(feeds).hasSize(2);
        JsonNode first = feeds.get(0);
        assertThat(first.get("url").asText()).isEqualTo("https://old.example/rss");
        assertThat(first.get("currentUrl").asText()).isEqualTo("https://new.example/rss");
        assertThat(first.get("nextPoll").asText()).isEqualTo("2026-03-01T14:00:00Z");
        assertThat(first.get("nextPollRule").asText()).isEqualTo("ttl");
        assertThat(first.get("retired").asBoolean()).isFalse();
        assertThat(first.get("lastError").isNull()).isTrue();
        JsonNode second = feeds.get(1);
        assertThat(second.get("retired").asBoolean()).isTrue();
        assertThat(second.get("httpStatus").asInt()).isEqualTo(410);
        assertThat(second.get("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(second.get("nextPoll").isNull()).isTrue();
    }

    @Test
    void eachRequestReadsAfresh() throws Exception {
        assertThat(new ObjectMapper().readTree(send("GET", "/status.json").body()).get("feeds")).isEmpty();

        statuses.set(List.of(gone()));

        assertThat(new ObjectMapper().readTree(send("GET", "/status.json").body()).get("feeds")).hasSize(1);
    }

    @Test
    void headHasTheHeadersAndNoBody() throws Exception {
        statuses.set(List.of(moved()));
        int length = send("GET", "/status.json").body().length;

        HttpResponse<byte[]> head = send("HEAD", "/status.json");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void otherMethodsAreNotAllowed(String method) throws Exception {
        HttpResponse<byte[]> response = send(method, "/status.json");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/status.jsonx", "/status.json/feeds", "/status"})
    void onlyTheExactPathIsServed(String path) throws Exception {
        assertThat(send("GET", path).statusCode()).isEqualTo(404);
    }

    @Test
    void theFeedsAreStillServed() throws Exception {
        assertThat(send("GET", "/feed.xml").statusCode()).isEqualTo(200);
    }

    @Test
    void aFailingSupplierIsA500NotAHang() throws Exception {
        endpoint.close();
        MergedFeedPublisher publisher = new MergedFeedPublisher(OUTPUT, new CountingEntries(List.of()),
                new SettableClock(T0));
        endpoint = FeedEndpoint.start(new ServerConfig("127.0.0.1", 0), publisher, () -> {
            throw new IllegalStateException("database is gone");
        });

        assertThat(send("GET", "/status.json").statusCode()).isEqualTo(500);
    }
}
