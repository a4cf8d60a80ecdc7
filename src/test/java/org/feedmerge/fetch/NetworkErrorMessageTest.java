package org.feedmerge.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.feedmerge.config.FetchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkErrorMessageTest {

    private static final FetchConfig CONFIG = new FetchConfig(
            Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofSeconds(30), "ua", 1024);

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new UnknownHostException("feeds.example.invalid"), "unknown host feeds.example.invalid"),
                Arguments.of(new UnknownHostException("feeds.example.invalid: Name or service not known"),
                        "unknown host feeds.example.invalid"),
                Arguments.of(wrapped(new ConnectException("Failed to connect to /127.0.0.1:9"),
                        new ConnectException("Connection refused")), "connection refused"),
                Arguments.of(new ConnectException("Network is unreachable"), "cannot connect: Network is unreachable"),
                Arguments.of(new SocketException("Connection reset"), "connection reset"),
                Arguments.of(new ProtocolException("Too many follow-up requests: 21"), "too many redirects"),
                Arguments.of(new ProtocolException("unexpected end of stream"),
                        "connection closed before the response was complete"),
                Arguments.of(wrapped(new IOException("closed"), new EOFException("\\n not found: limit=0")),
                        "IOException: closed"),
                Arguments.of(new SocketTimeoutException("Connect timed out"), "timeout after 5 s connecting"),
                Arguments.of(new SocketTimeoutException("timeout"), "timeout after 1500 ms waiting for data"),
                Arguments.of(new SSLHandshakeException("PKIX path building failed"),
                        "TLS failure: PKIX path building failed"));
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void namesTheCause(IOException e, String expected) {
        assertThat(NetworkErrorMessage.describe(e, false, CONFIG)).isEqualTo(expected);
    }

    @Test
    void callTimeoutWinsWhateverTheExceptionSays() {
        IOException e = wrapped(new InterruptedIOException("timeout"), new SocketException("Socket closed"));

        assertThat(NetworkErrorMessage.describe(e, true, CONFIG)).isEqualTo("timeout after 30 s (whole request)");
    }

    private static IOException wrapped(IOException outer, IOException cause) {
        outer.initCause(cause);
        return outer;
    }
}
