package org.feedmerge.publish;

import java.net.InetSocketAddress;
import org.feedmerge.config.ServerConfig;

/**
 * The HTTP endpoint (JDK HttpServer): {@code /feed.xml} (RSS 2.0), {@code /feed.atom} (Atom 1.0),
 * {@code /healthz}. Conditional GET, gzip, HEAD; 404 for unknown paths, 405 for other methods.
 */
public final class FeedEndpoint implements AutoCloseable {

    /** Binds and starts serving. */
    public static FeedEndpoint start(ServerConfig config, MergedFeedPublisher publisher) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The bound address (the real port when configured with 0). */
    public InetSocketAddress address() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Stops accepting, lets in-flight responses finish briefly, releases the port. */
    @Override
    public void close() {
    }
}
