package org.feedmerge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute {@code http} or {@code https} URL with a host, as feeds and the output link need. */
final class HttpUrlText {
    private static final String EXAMPLE = "https://example.org/feed.xml";

    private HttpUrlText() {
    }

    static Parsed<URI> parse(String text) {
        try {
            return check(new URI(text));
        } catch (URISyntaxException e) {
            return Parsed.bad("not a valid URL: " + e.getReason() + " at character " + (e.getIndex() + 1)
                    + " of \"" + text + "\"");
        }
    }

    private static Parsed<URI> check(URI uri) throws URISyntaxException {
        if (!uri.isAbsolute()) {
            return Parsed.bad("must be an absolute URL like " + EXAMPLE + ", got \"" + uri + "\"");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Parsed.bad("must be an http or https URL, got scheme \"" + uri.getScheme() + "\"");
        }
        if (uri.getHost() == null) {
            return Parsed.bad(missingHost(uri));
        }
        if (uri.getPort() > 65_535) {
            return Parsed.bad("port " + uri.getPort() + " is out of range 1..65535");
        }
        return Parsed.ok(uri);
    }

    /** java.net.URI leaves the host null for authorities it cannot parse as host[:port]; say why. */
    private static String missingHost(URI uri) {
        if (uri.getRawAuthority() == null) {
            return "has no host; write it like " + EXAMPLE;
        }
        try {
            uri.parseServerAuthority();
            return "has no valid host name in \"" + uri.getRawAuthority() + "\"";
        } catch (URISyntaxException e) {
            return "has no valid host name: " + e.getReason() + " in \"" + uri.getRawAuthority() + "\"";
        }
    }
}
