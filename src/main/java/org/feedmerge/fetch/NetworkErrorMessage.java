package org.feedmerge.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.feedmerge.config.FetchConfig;

/**
 * Turns the IOException of a failed fetch into one short line naming the cause, for logs and the
 * feed's row. OkHttp wraps and rewords JDK exceptions, so the whole cause chain is inspected.
 */
final class NetworkErrorMessage {

    private NetworkErrorMessage() {
    }

    /**
     * @param callTimedOut whether the whole-call timeout fired (OkHttp cancels the call then, and
     *                     the exception itself may only say "timeout" or "Socket closed")
     */
    static String describe(IOException e, boolean callTimedOut, FetchConfig config) {
        if (callTimedOut) {
            return "timeout after " + format(config.callTimeout()) + " (whole request)";
        }
        if (e instanceof SocketTimeoutException) {
            return timeout(e, config);
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + hostOf(e);
        }
        return describeByText(e, chainText(e));
    }

    private static String describeByText(IOException e, String text) {
        if (text.contains("too many follow-up requests")) {
            return "too many redirects";
        }
        if (text.contains("refused")) {
            return "connection refused";
        }
        if (text.contains("reset")) {
            return "connection reset";
        }
        if (text.contains("unexpected end of stream")) {
            return "connection closed before the response was complete";
        }
        if (e instanceof ConnectException) {
            return "cannot connect: " + e.getMessage();
        }
        if (e instanceof SSLException) {
            return "TLS failure: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String timeout(IOException e, FetchConfig config) {
        // The JDK says "Connect timed out"; OkHttp's read timeout says just "timeout".
        if (chainText(e).contains("connect")) {
            return "timeout after " + format(config.connectTimeout()) + " connecting";
        }
        return "timeout after " + format(config.readTimeout()) + " waiting for data";
    }

    /** The JDK's message is the host, sometimes followed by ": " and the resolver's reason. */
    private static String hostOf(IOException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(0, colon);
    }

    private static String chainText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
