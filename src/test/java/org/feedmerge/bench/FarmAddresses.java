package org.feedmerge.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where each farm feed is served. The farm stands for thousands of different servers, so feed i
 * is served on loopback address number {@code i % hosts} (127.1.0.1, 127.1.0.2, ...; all of
 * 127.0.0.0/8 is loopback on Linux), every one on the same port. With one address per feed the
 * daemon's per-host politeness limits (connections, spacing) never hold a request back, exactly as
 * with 2,000 real publishers. The farm's control paths ({@code /_farm/...}) answer on 127.0.0.1;
 * with no hosts, so do the feeds (tests, which listen on 127.0.0.1 only).
 */
record FarmAddresses(int hosts, int port) {
    static final String CONTROL_HOST = "127.0.0.1";

    FarmAddresses {
        if (hosts < 0 || hosts > 250 * 250 * 100) {
            throw new IllegalArgumentException("hosts out of range: " + hosts);
        }
    }

    static String host(int number) {
        return "127." + (1 + number / 62_500) + "." + (number / 250 % 250) + "." + (number % 250 + 1);
    }

    static InetAddress address(int number) {
        try {
            return InetAddress.getByName(host(number));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address cannot be unknown", e);
        }
    }

    URI url(FeedProfile feed) {
        String host = hosts == 0 ? CONTROL_HOST : host(feed.index() % hosts);
        return URI.create("http://" + host + ":" + port + feed.path());
    }

    URI control(String pathAndQuery) {
        return URI.create("http://" + CONTROL_HOST + ":" + port + pathAndQuery);
    }
}
