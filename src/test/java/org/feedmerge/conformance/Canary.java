package org.feedmerge.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Tripwires for external access. A loopback socket that nothing should ever connect to, and a
 * temporary file that nothing should ever read; documents' external ids (DTDs, external entities)
 * are pointed at them ({@link ExternalIds}). Both hand out {@link #MARKER}, so a read that went
 * unnoticed would still show up in the merged output.
 */
final class Canary implements AutoCloseable {
    /** What the canary serves; it must never appear in a merged feed. */
    static final String MARKER = "CANARY-7f3a91-external-content";

    private final ServerSocket socket;
    private final Path file;
    private final Queue<String> connections = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    private Canary(ServerSocket socket, Path file) {
        this.socket = socket;
        this.file = file;
        this.acceptor = new Thread(this::acceptAll, "conformance-canary");
        acceptor.setDaemon(true);
    }

    static Canary start() {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Path file = Files.createTempFile("feedmerge-canary", ".xml");
            Files.writeString(file, MARKER);
            Canary canary = new Canary(socket, file);
            canary.acceptor.start();
            return canary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the canary", e);
        }
    }

    /** An http URL on the canary socket whose path names the document it was planted in. */
    String httpUrl(String file) {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/" + tag(file);
    }

    /** How a document is named in canary URLs, and so in the request lines it records. */
    static String tag(String file) {
        return URLEncoder.encode(file, StandardCharsets.UTF_8);
    }

    String fileUrl() {
        return file.toUri().toString();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The request lines of every connection so far (the raw connection when nothing was sent). */
    List<String> connections() {
        return List.copyOf(connections);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connections.add(requestLine(connection));
                answer(connection);
            } catch (IOException e) {
                // Closed at shutdown, or a peer that vanished: either way nothing to answer.
            }
        }
    }

    private static String requestLine(Socket connection) throws IOException {
        connection.setSoTimeout(1_000);
        try {
            var reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = reader.readLine();
            return line == null ? "(connection without a request)" : line;
        } catch (IOException e) {
            return "(connection, no request line: " + e.getMessage() + ")";
        }
    }

    private static void answer(Socket connection) throws IOException {
        byte[] body = MARKER.getBytes(StandardCharsets.US_ASCII);
        OutputStream out = connection.getOutputStream();
        out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the canary", e);
        }
    }
}
