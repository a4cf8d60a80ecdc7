package org.feedmerge.parse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that counts connections and closes each at once, so that a parser which did
 * connect fails fast on an empty reply instead of waiting forever.
 */
final class LoopbackListener implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    LoopbackListener() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptUntilClosed, "loopback-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/" + path;
    }

    /** Connections seen so far; waits briefly so that one made just before is counted. */
    int connections() throws InterruptedException {
        Thread.sleep(100);
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptUntilClosed() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.incrementAndGet();
                connection.close();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
