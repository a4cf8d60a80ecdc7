package org.feedmerge.conformance;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every URI the JVM's HTTP stacks (OkHttp, {@code URLConnection} inside the XML parser) are
 * about to connect to, by asking the default {@link ProxySelector}; always answers "no proxy", so
 * behaviour is unchanged. Anything but the corpus server counts as external access, attributed to
 * the thread that asked (each worker polls one document at a time).
 */
final class NetworkWatch extends ProxySelector implements AutoCloseable {
    private final ProxySelector previous;
    private final int allowedPort;
    private final Map<String, List<String>> byThread = new ConcurrentHashMap<>();

    private NetworkWatch(ProxySelector previous, int allowedPort) {
        this.previous = previous;
        this.allowedPort = allowedPort;
    }

    /** Installs the watch as the JVM default; {@link #close()} puts the previous one back. */
    static NetworkWatch install(int corpusServerPort) {
        NetworkWatch watch = new NetworkWatch(ProxySelector.getDefault(), corpusServerPort);
        ProxySelector.setDefault(watch);
        return watch;
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (!isCorpusServer(uri)) {
            byThread.computeIfAbsent(Thread.currentThread().getName(), t -> new ArrayList<>()).add(uri.toString());
        }
        return List.of(Proxy.NO_PROXY);
    }

    private boolean isCorpusServer(URI uri) {
        return "127.0.0.1".equals(uri.getHost()) && uri.getPort() == allowedPort;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to retry through: there is no proxy.
    }

    /** The external URIs the current thread asked for since the last call, cleared. */
    List<String> drainCurrentThread() {
        List<String> seen = byThread.remove(Thread.currentThread().getName());
        return seen == null ? List.of() : List.copyOf(seen);
    }

    @Override
    public void close() {
        ProxySelector.setDefault(previous);
    }
}
