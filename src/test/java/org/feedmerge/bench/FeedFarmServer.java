package org.feedmerge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Serves a {@link FeedFarm} over HTTP/1.1 on loopback addresses only, from one selector thread:
 * keep-alive, ETag and Last-Modified on every document, 304 for a matching If-None-Match (or,
 * without one, an If-Modified-Since not older than the document, RFC 9110 §13.2.2), gzip when the
 * farm was generated with it and the client accepts it. Bodies are prebuilt byte arrays written
 * with gathering writes, so the server costs little next to the daemon it feeds.
 *
 * <p>Control paths on {@code 127.0.0.1}: {@code /_farm/change?round=R&percent=P} moves P% of the
 * feeds to their next version, {@code /_farm/stats} reports counters and the farm's own CPU time,
 * {@code /_farm/reset} zeroes the counters, {@code /_farm/restore} puts every feed back to version 0.
 *
 * <p>With a latency, every feed response waits that long before its first byte is written (the
 * connection meanwhile answers nothing else), as a remote server's round trip and think time
 * would; the loopback farm otherwise answers at once, which leaves the daemon CPU-bound. Control
 * paths never wait.
 *
 * <p>As a process: {@code FeedFarmServer [--feeds N] [--seed S] [--hosts H] [--gzip] [--write DIR]
 * [--latency-ms L] [--max-seconds T]} prints {@code READY port=P ...} and serves until its standard input closes or
 * T seconds (default 3600) have passed, so it never outlives the benchmark that started it.
 */
final class FeedFarmServer implements AutoCloseable {
    private static final byte[] NOT_FOUND = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final FeedFarm farm;
    private final FarmAddresses addresses;
    private final Selector selector;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Thread thread;
    private final long latencyNanos;
    /** Connections whose response waits for its time, in the order it comes (the latency is fixed). */
    private final Deque<Held> held = new ArrayDeque<>();
    private volatile boolean running = true;
    private long ok;
    private long notModified;
    private long notFound;
    private long bytesSent;
    private long accepted;

    /** A response ready to be written at {@code dueNanos} ({@link System#nanoTime}). */
    private record Held(long dueNanos, SelectionKey key) {
    }

    private FeedFarmServer(FeedFarm farm, int hosts, long latencyMillis) throws IOException {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latency must not be negative: " + latencyMillis);
        }
        this.farm = farm;
        this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
        this.selector = Selector.open();
        ServerSocketChannel control = listen(new InetSocketAddress(FarmAddresses.CONTROL_HOST, 0));
        int port = ((InetSocketAddress) control.getLocalAddress()).getPort();
        for (int h = 0; h < hosts; h++) {
            listen(new InetSocketAddress(FarmAddresses.address(h), port));
        }
        this.addresses = new FarmAddresses(hosts, port);
        this.thread = new Thread(this::loop, "feed-farm");
        thread.setDaemon(true);
    }

    static FeedFarmServer start(FeedFarm farm, int hosts) throws IOException {
        return start(farm, hosts, 0);
    }

    /** As {@link #start(FeedFarm, int)}, holding every feed response {@code latencyMillis} first. */
    static FeedFarmServer start(FeedFarm farm, int hosts, long latencyMillis) throws IOException {
        FeedFarmServer server = new FeedFarmServer(farm, hosts, latencyMillis);
        server.thread.start();
        return server;
    }

    FarmAddresses addresses() {
        return addresses;
    }

    private ServerSocketChannel listen(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(address, 1024);
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_ACCEPT);
        listeners.add(channel);
        return channel;
    }

    /** One connection's buffers: request bytes not yet answered, response bytes not yet written. */
    private static final class Connection {
        final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        ByteBuffer[] out;
        boolean closeAfterWrite;
        /** Whether {@link #out} answers a feed request (and so waits for the latency). */
        boolean outIsFeed;
    }

    private void loop() {
        try {
            while (running) {
                selector.select(held.isEmpty() ? 500
                        : Math.max(1, TimeUnit.NANOSECONDS.toMillis(held.peekFirst().dueNanos() - System.nanoTime())));
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key);
                }
                releaseDue();
            }
        } catch (IOException e) {
            throw new IllegalStateException("feed farm selector failed", e);
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isAcceptable()) {
                accept((ServerSocketChannel) key.channel());
            } else if (key.isReadable()) {
                read(key);
            } else if (key.isWritable()) {
                write(key);
            }
        } catch (IOException e) {
            close(key);
        }
    }

    /** Writes the held responses whose time has come. */
    private void releaseDue() {
        long now = System.nanoTime();
        while (!held.isEmpty() && held.peekFirst().dueNanos() - now <= 0) {
            SelectionKey key = held.removeFirst().key();
            try {
                if (key.isValid()) {
                    write(key);
                }
            } catch (IOException e) {
                close(key);
            }
        }
    }

    private void accept(ServerSocketChannel listener) throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new Connection());
            accepted++;
        }
    }

    private void read(SelectionKey key) throws IOException {
        Connection connection = (Connection) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        if (channel.read(connection.in) < 0) {
            close(key);
            return;
        }
        answerBuffered(key, connection);
    }

    /** Answers every complete request in the buffer, stopping while a response is still being written. */
    private void answerBuffered(SelectionKey key, Connection connection) throws IOException {
        while (connection.out == null) {
            int end = headEnd(connection.in);
            if (end < 0) {
                if (!connection.in.hasRemaining()) {
                    close(key); // a request head over 16 KB: not from any client we run
                }
                return;
            }
            String head = new String(connection.in.array(), 0, end, StandardCharsets.ISO_8859_1);
            connection.in.flip().position(end + 4);
            connection.in.compact();
            respond(head, connection);
            if (latencyNanos > 0 && connection.outIsFeed) {
                key.interestOps(0);
                held.addLast(new Held(System.nanoTime() + latencyNanos, key));
                return;
            }
            write(key);
        }
    }

    private static int headEnd(ByteBuffer in) {
        byte[] b = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i - 3;
            }
        }
        return -1;
    }

    private void write(SelectionKey key) throws IOException {
        Connection connection = (Connection) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        bytesSent += channel.write(connection.out);
        if (connection.out[connection.out.length - 1].hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        connection.out = null;
        if (connection.closeAfterWrite) {
            close(key);
            return;
        }
        key.interestOps(SelectionKey.OP_READ);
        if (connection.in.position() > 0) {
            answerBuffered(key, connection);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing a loopback socket that the peer already dropped
        }
    }

    private void respond(String head, Connection connection) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        connection.closeAfterWrite = "close".equalsIgnoreCase(headers.get("connection"))
                || requestLine.length < 3 || "HTTP/1.0".equals(requestLine[2]);
        String target = requestLine.length > 1 ? requestLine[1] : "/";
        connection.outIsFeed = !target.startsWith("/_farm/");
        connection.out = connection.outIsFeed ? feed(target, headers) : control(target);
    }

    private ByteBuffer[] feed(String path, Map<String, String> headers) {
        FeedFarm.Document document = find(path);
        if (document == null) {
            notFound++;
            return new ByteBuffer[] {ByteBuffer.wrap(NOT_FOUND)};
        }
        StringBuilder head = new StringBuilder(256);
        if (notModified(document, headers)) {
            notModified++;
            head.append("HTTP/1.1 304 Not Modified\r\n");
            validators(head, document).append("\r\n");
            return new ByteBuffer[] {ascii(head)};
        }
        ok++;
        boolean gzip = document.gzipped() != null && headers.getOrDefault("accept-encoding", "").contains("gzip");
        byte[] body = gzip ? document.gzipped() : document.body();
        head.append("HTTP/1.1 200 OK\r\nContent-Type: ").append(document.profile().contentType())
                .append("\r\nContent-Length: ").append(body.length).append("\r\n");
        if (gzip) {
            head.append("Content-Encoding: gzip\r\n");
        }
        validators(head, document).append("Cache-Control: max-age=0\r\n\r\n");
        return new ByteBuffer[] {ascii(head), ByteBuffer.wrap(body)};
    }

    private FeedFarm.Document find(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (!path.startsWith("/feeds/") || dot < slash) {
            return null;
        }
        try {
            int index = Integer.parseInt(path.substring(slash + 1, dot));
            if (index < 0 || index >= farm.size()) {
                return null;
            }
            FeedFarm.Document document = farm.document(index);
            return document.profile().path().equals(path) ? document : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it. */
    private static boolean notModified(FeedFarm.Document document, Map<String, String> headers) {
        String ifNoneMatch = headers.get("if-none-match");
        if (ifNoneMatch != null) {
            return document.etag() != null && (ifNoneMatch.equals("*") || ifNoneMatch.contains(document.etag()));
        }
        String ifModifiedSince = headers.get("if-modified-since");
        if (ifModifiedSince == null || document.lastModified() == null) {
            return false;
        }
        try {
            Instant since = FeedFarm.parseHttpDate(ifModifiedSince);
            return !FeedFarm.parseHttpDate(document.lastModified()).isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static StringBuilder validators(StringBuilder head, FeedFarm.Document document) {
        if (document.etag() != null) {
            head.append("ETag: ").append(document.etag()).append("\r\n");
        }
        if (document.lastModified() != null) {
            head.append("Last-Modified: ").append(document.lastModified()).append("\r\n");
        }
        return head;
    }

    private ByteBuffer[] control(String target) {
        String body;
        if (target.startsWith("/_farm/change")) {
            int round = intParameter(target, "round", 1);
            int percent = intParameter(target, "percent", 10);
            int added = farm.change(round, percent);
            body = "changed percent=" + percent + " round=" + round + " items=" + added + "\n";
        } else if (target.startsWith("/_farm/restore")) {
            farm.restore();
            body = "restored\n";
        } else if (target.startsWith("/_farm/reset")) {
            ok = notModified = notFound = bytesSent = accepted = 0;
            body = "reset\n";
        } else {
            body = "ok200=" + ok + " notModified=" + notModified + " notFound=" + notFound + " bytes=" + bytesSent
                    + " connections=" + accepted + " cpuMillis=" + processCpuMillis() + "\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ")
                .append(bytes.length).append("\r\n\r\n");
        return new ByteBuffer[] {ascii(head), ByteBuffer.wrap(bytes)};
    }

    private static int intParameter(String target, String name, int fallback) {
        for (String pair : target.substring(target.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return Integer.parseInt(pair.substring(name.length() + 1));
            }
        }
        return fallback;
    }

    static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static ByteBuffer ascii(CharSequence text) {
        return ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int feeds = options.integer("feeds", FeedFarm.DEFAULT_FEEDS);
        long started = System.nanoTime();
        FeedFarm farm = FeedFarm.generate(feeds, options.longValue("seed", FeedFarm.DEFAULT_SEED), options.flag("gzip"));
        if (options.has("write")) {
            farm.writeTo(Path.of(options.text("write", null)));
        }
        try (FeedFarmServer server = start(farm, options.integer("hosts", feeds), options.integer("latency-ms", 0))) {
            System.out.printf("READY port=%d generatedMs=%d %s%n", server.addresses().port(),
                    (System.nanoTime() - started) / 1_000_000, farm.describe());
            System.out.flush();
            awaitStdinClosed(options.integer("max-seconds", 3_600));
        }
    }

    /** Serves until the parent closes our standard input, or the time limit passes. */
    private static void awaitStdinClosed(int maxSeconds) throws InterruptedException {
        Thread reader = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // drain
                }
            } catch (IOException ignored) {
                // the parent is gone either way
            }
        }, "stdin-watch");
        reader.setDaemon(true);
        reader.start();
        reader.join(maxSeconds * 1000L);
    }
}
