package org.feedmerge.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the one shared HTTP client.
 *
 * @param connectTimeout     TCP/TLS connect timeout
 * @param readTimeout        longest silence between two reads
 * @param callTimeout        whole-request bound, redirects and body included (defeats slow-drip servers)
 * @param userAgent          sent on every request
 * @param maxBodyBytes       a body larger than this (after decompression) fails that poll
 * @param perHostConnections at most this many requests to one host at a time
 * @param perHostSpacing     at least this long between the starts of two requests to one host
 */
public record FetchConfig(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        String userAgent,
        long maxBodyBytes,
        int perHostConnections,
        Duration perHostSpacing) {

    public static final int DEFAULT_PER_HOST_CONNECTIONS = 2;
    public static final Duration DEFAULT_PER_HOST_SPACING = Duration.ofSeconds(1);

    public FetchConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(perHostSpacing, "perHostSpacing");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1");
        }
        if (perHostConnections < 1) {
            throw new IllegalArgumentException("perHostConnections must be >= 1");
        }
    }

    /** With the default per-host limits (2 at a time, 1 s apart). */
    public FetchConfig(Duration connectTimeout, Duration readTimeout, Duration callTimeout, String userAgent,
            long maxBodyBytes) {
        this(connectTimeout, readTimeout, callTimeout, userAgent, maxBodyBytes, DEFAULT_PER_HOST_CONNECTIONS,
                DEFAULT_PER_HOST_SPACING);
    }
}
