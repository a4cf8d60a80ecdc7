package org.feedmerge.config;

import java.util.Objects;

/**
 * The HTTP endpoint that republishes the merged feed.
 *
 * @param bindAddress host name or IP literal to listen on ({@code 127.0.0.1} by default)
 * @param port        TCP port, 0 picks a free one (tests)
 */
public record ServerConfig(String bindAddress, int port) {
    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
