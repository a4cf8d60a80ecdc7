package org.feedmerge.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the one shared HTTP client.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    longest silence between two reads
 * @param callTimeout    whole-request bound, redirects and body included (defeats slow-drip servers)
 * @param userAgent      sent on every request
 * @param maxBodyBytes   a body larger than this (after decompression) fails that poll
 */
public record FetchConfig(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        String userAgent,
        long maxBodyBytes) {
    public FetchConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1");
        }
    }
}
