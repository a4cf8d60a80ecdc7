package org.feedmerge.publish;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.feedmerge.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint (JDK HttpServer): {@code /feed.xml} (RSS 2.0), {@code /feed.atom} (Atom 1.0),
 * {@code /healthz}, {@code /status.json} (every feed's polling state). Conditional GET, gzip, HEAD;
 * 404 for unknown paths, 405 for other methods.
 *
 * <p>Requests run on a small fixed pool of daemon threads named {@code feedmerge-http-N}. The JDK
 * server reads request headers on those threads too, so a handful of stalled clients can hold
 * them; the endpoint is meant to sit behind a reverse proxy or on a trusted network.
 */
public final class FeedEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedEndpoint.class);
    private static final int THREADS = 8;
    private static final int BACKLOG = 128;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    /** The most close() waits for responses in flight. */
    private static final Duration DRAIN = Duration.ofSeconds(1);
    private static final Duration EXECUTOR_GRACE = Duration.ofMillis(200);

    private final HttpServer server;
    private final ExecutorService executor;
    private final FeedRequestHandler handler;
    private final StatusRequestHandler statusHandler;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FeedEndpoint(HttpServer server, ExecutorService executor, FeedRequestHandler handler,
            StatusRequestHandler statusHandler) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        this.statusHandler = statusHandler;
        this.address = server.getAddress();
    }

    /**
     * Binds and starts serving; {@code /status.json} lists no feeds.
     *
     * @throws UncheckedIOException when the address cannot be bound (in use, not local, unresolvable)
     */
    public static FeedEndpoint start(ServerConfig config, MergedFeedPublisher publisher) {
        return start(config, publisher, () -> new StatusDocument(List.of(), null));
    }

    /**
     * Binds and starts serving, with {@code /status.json} listing what {@code status} supplies
     * (called on each request, on an endpoint thread).
     *
     * @throws UncheckedIOException when the address cannot be bound (in use, not local, unresolvable)
     */
    public static FeedEndpoint start(ServerConfig config, MergedFeedPublisher publisher,
            Supplier<StatusDocument> status) {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(status, "status");
        HttpServer server = bind(config);
        FeedRequestHandler handler = new FeedRequestHandler(publisher);
        StatusRequestHandler statusHandler = new StatusRequestHandler(status);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, namedDaemonThreads());
        server.createContext("/", handler);
        server.createContext(StatusRequestHandler.PATH, statusHandler);
        server.setExecutor(executor);
        server.start();
        FeedEndpoint endpoint = new FeedEndpoint(server, executor, handler, statusHandler);
        log.info("feed endpoint listening: address=http://{}:{}/ threads={}",
                endpoint.address.getHostString(), endpoint.address.getPort(), THREADS);
        return endpoint;
    }

    /** The bound address (the real port when configured with 0). */
    public InetSocketAddress address() {
        return address;
    }

    /** Stops accepting, lets in-flight responses finish briefly, releases the port. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // HttpServer.stop(n) sits out all n seconds unless an exchange ends while it waits, so wait for
        // our own handlers here (at most DRAIN) and then stop at once, closing the socket and connections.
        awaitHandlers();
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(EXECUTOR_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("feed endpoint stopped: address=http://{}:{}/", address.getHostString(), address.getPort());
    }

    private void awaitHandlers() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try {
            while (handler.inFlight() + statusHandler.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpServer bind(ServerConfig config) {
        enableTcpNoDelay();
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        try {
            return HttpServer.create(address, BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        } catch (UnresolvedAddressException e) {
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port(),
                    new IOException("unresolved address", e));
        }
    }

    /**
     * The JDK server flushes the headers before the body is written, so with Nagle's algorithm on,
     * the body of every 200 waits for the client's delayed ACK (~40 ms on Linux): a keep-alive
     * connection then manages some 25 responses a second. The switch is a JDK system property, read
     * once when the first HttpServer is created; an explicit -D setting wins.
     */
    private static void enableTcpNoDelay() {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "feedmerge-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
