package org.feedmerge.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * A closed-loop HTTP/1.1 load generator on one selector thread: N keep-alive connections, each
 * sending its next request as soon as the previous response is complete. Bounded twice: by time
 * and by a request count, so it always stops by itself. Loopback targets only.
 */
final class LoadClient {
    private static final int MAX_REQUESTS = 5_000_000;

    /** What one load run measured. */
    record Result(long requests, long errors, double seconds, double p50Millis, double p99Millis, double maxMillis,
            long bodyBytes, int status) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %d | %d |", name, status,
                    requestsPerSecond(), p50Millis, p99Millis, maxMillis, bodyBytes / Math.max(1, requests), requests,
                    errors);
        }
    }

    private final InetSocketAddress target;
    private final byte[] request;

    LoadClient(InetSocketAddress target, String path, String... headers) {
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("load is only ever sent to loopback, not " + target);
        }
        this.target = target;
        StringBuilder text = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(target.getHostString()).append(':').append(target.getPort()).append("\r\nUser-Agent: feedmerge-bench\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        this.request = text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** One connection's progress through the current response. */
    private static final class Connection {
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        long sentNanos;
        int headerEnd = -1;
        long expected;
        int status;
    }

    Result run(int connections, double seconds) throws IOException {
        long[] latencies = new long[1 << 20];
        int recorded = 0;
        long requests = 0;
        long errors = 0;
        long bodyBytes = 0;
        int lastStatus = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open(target);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                Connection connection = new Connection();
                send(channel.register(selector, SelectionKey.OP_READ, connection), connection);
            }
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline && requests < MAX_REQUESTS) {
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection c = (Connection) key.attachment();
                    SocketChannel channel = (SocketChannel) key.channel();
                    if (key.isWritable()) {
                        flush(key, c);
                        continue;
                    }
                    if (channel.read(growIfFull(c)) < 0) {
                        throw new IOException("server closed a keep-alive connection");
                    }
                    if (!complete(c)) {
                        continue;
                    }
                    long latency = System.nanoTime() - c.sentNanos;
                    if (recorded == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[recorded++] = latency;
                    requests++;
                    bodyBytes += c.expected;
                    lastStatus = c.status;
                    if (c.status != 200 && c.status != 304) {
                        errors++;
                    }
                    send(key, c);
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            double[] ms = Arrays.stream(latencies, 0, recorded).mapToDouble(n -> n / 1e6).toArray();
            return new Result(requests, errors, elapsed, Stats.percentile(ms, 50), Stats.percentile(ms, 99),
                    Stats.percentile(ms, 100), bodyBytes, lastStatus);
        }
    }

    private static ByteBuffer growIfFull(Connection c) {
        if (!c.in.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(c.in.capacity() * 2);
            c.in.flip();
            bigger.put(c.in);
            c.in = bigger;
        }
        return c.in;
    }

    private void send(SelectionKey key, Connection c) throws IOException {
        c.in.clear();
        c.headerEnd = -1;
        c.out = ByteBuffer.wrap(request);
        c.sentNanos = System.nanoTime();
        flush(key, c);
    }

    private static void flush(SelectionKey key, Connection c) throws IOException {
        ((SocketChannel) key.channel()).write(c.out);
        key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /** True once the head and Content-Length bytes of body are in. */
    private static boolean complete(Connection c) {
        if (c.headerEnd < 0) {
            byte[] b = c.in.array();
            for (int i = 3; i < c.in.position(); i++) {
                if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                    c.headerEnd = i + 1;
                    parseHead(c, new String(b, 0, i - 3, StandardCharsets.ISO_8859_1));
                    break;
                }
            }
            if (c.headerEnd < 0) {
                return false;
            }
        }
        return c.in.position() >= c.headerEnd + c.expected;
    }

    private static void parseHead(Connection c, String head) {
        String[] lines = head.split("\r\n");
        c.status = Integer.parseInt(lines[0].split(" ")[1]);
        c.expected = 0;
        for (String line : lines) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                c.expected = Long.parseLong(line.substring(15).trim());
            }
        }
    }
}
