package org.feedmerge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A host name or IP literal to listen on. Checked for form only: resolving a name here would make
 * loading the config depend on DNS.
 */
final class BindAddressText {
    // RFC 1123 section 2.1 labels: letters, digits, hyphens, not starting or ending with a hyphen.
    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(.*\\.)?\\d+");
    private static final Pattern HOST_AND_PORT = Pattern.compile("[^:\\[\\]]+:\\d+|\\[.*]:\\d+");
    private static final String EXAMPLES = "e.g. 127.0.0.1, 0.0.0.0, ::1 or localhost";

    private BindAddressText() {
    }

    static Parsed<String> parse(String text) {
        if (HOST_AND_PORT.matcher(text).matches()) {
            return Parsed.bad("must be a host without a port, got \"" + text + "\"; the port goes in server.port");
        }
        if (text.contains(":")) {
            return ipv6(text);
        }
        if (NUMERIC_LAST_LABEL.matcher(text).matches()) {
            // No top-level domain is all digits (RFC 3696 section 2), so this is meant as IPv4.
            return IPV4.matcher(text).matches() ? Parsed.ok(text) : bad(text, "not a valid IPv4 address");
        }
        return HOST_NAME.matcher(text).matches() ? Parsed.ok(text) : bad(text, "not a valid host name or IP address");
    }

    private static Parsed<String> ipv6(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text : "[" + text + "]";
        try {
            // The brackets make InetAddress parse a literal and never ask DNS.
            InetAddress.getByName(literal);
            return Parsed.ok(text);
        } catch (UnknownHostException e) {
            return bad(text, "not a valid IPv6 address");
        }
    }

    private static Parsed<String> bad(String text, String what) {
        return Parsed.bad(what + ": \"" + text + "\"; " + EXAMPLES);
    }
}
