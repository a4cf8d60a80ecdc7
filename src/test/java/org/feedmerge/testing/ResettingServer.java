package org.feedmerge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A raw loopback HTTP/1.1 server for what MockWebServer cannot do: a real TCP reset (RST) in the
 * middle of a body. Each connection takes the next scripted answer: a whole document, or the
 * headers and half the body followed by an abortive close (SO_LINGER 0). Binds 127.0.0.1 only.
 */
public final class ResettingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    private record Answer(byte[] body, String contentType, boolean resetMidBody) {
    }

    public ResettingServer() throws IOException {
        socket = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(this::acceptLoop, "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** The next connection gets the whole document. */
    public void enqueueDocument(String body, String contentType) {
        answers.add(new Answer(body.getBytes(StandardCharsets.UTF_8), contentType, false));
    }

    /** The next connection gets the headers and half of {@code body}, then a TCP reset. */
    public void enqueueResetMidBody(String body, String contentType) {
        answers.add(new Answer(body.getBytes(StandardCharsets.UTF_8), contentType, true));
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                answer(connection, answers.poll());
            } catch (IOException e) {
                // closed, or the client went away: nothing to do
            }
        }
    }

    private static void answer(Socket connection, Answer answer) throws IOException {
        readRequestHead(connection.getInputStream());
        OutputStream out = connection.getOutputStream();
        if (answer == null) {
            out.write("HTTP/1.1 500 Nothing Scripted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return;
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + answer.contentType() + "\r\nContent-Length: "
                + answer.body().length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int length = answer.resetMidBody() ? answer.body().length / 2 : answer.body().length;
        out.write(answer.body(), 0, length);
        out.flush();
        if (answer.resetMidBody()) {
            connection.setSoLinger(true, 0);
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
