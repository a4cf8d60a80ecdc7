package org.feedmerge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The benchmark farm's latency: feed responses wait, whole; control paths do not. */
class FeedFarmServerIT {

    private static final FeedFarm FARM = FeedFarm.generate(2, FeedFarm.DEFAULT_SEED, false);
    private static final int NO_FEED_HOSTS = 0; // feeds on the control address: only 127.0.0.1 listens

    /** An HTTP response as read off the socket. */
    private record Response(String head, byte[] body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    @Test
    void aHeldFeedResponseSendsNothingWhileControlPathsAnswer() throws Exception {
        try (FeedFarmServer server = FeedFarmServer.start(FARM, NO_FEED_HOSTS, 60_000);
                Socket feed = connect(server);
                Socket control = connect(server)) {
            send(feed, FARM.document(0).profile().path(), null);
            String stats = "";
            for (int attempt = 0; attempt < 100 && !stats.contains("ok200=1"); attempt++) {
                if (attempt > 0) {
                    Thread.sleep(20); // the farm reads the two connections in any order
                }
                send(control, "/_farm/stats", null);
                stats = new String(read(control).body(), StandardCharsets.US_ASCII);
            }

            assertThat(stats).as("the feed request was answered, and its answer held").contains("ok200=1");
            assertThat(feed.getInputStream().available()).isZero();
        }
    }

    @Test
    void aHeldFeedResponseArrivesWholeAndTheConnectionGoesOn() throws Exception {
        FeedFarm.Document document = FARM.document(1);
        try (FeedFarmServer server = FeedFarmServer.start(FARM, NO_FEED_HOSTS, 30);
                Socket feed = connect(server)) {
            send(feed, document.profile().path(), null);
            Response first = read(feed);
            send(feed, document.profile().path(), document.etag());
            Response second = read(feed);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo(document.body());
            assertThat(second.status()).isEqualTo(304);
            assertThat(second.body()).isEmpty();
        }
    }

    @Test
    void aNegativeLatencyIsRefused() {
        assertThatThrownBy(() -> FeedFarmServer.start(FARM, NO_FEED_HOSTS, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    private static Socket connect(FeedFarmServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(FarmAddresses.CONTROL_HOST, server.addresses().port()), 10_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String path, String ifNoneMatch) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: farm\r\n"
                + (ifNoneMatch == null ? "" : "If-None-Match: " + ifNoneMatch + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** One response: the head up to its blank line, then Content-Length bytes. */
    private static Response read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = Arrays.stream(text.split("\r\n"))
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElse(0);
        return new Response(text, in.readNBytes(length));
    }
}
