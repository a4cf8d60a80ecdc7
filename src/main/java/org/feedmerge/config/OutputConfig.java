package org.feedmerge.config;

import java.net.URI;
import java.util.Objects;

/**
 * Metadata of the merged feed itself.
 *
 * @param title       channel / feed title
 * @param link        the site the merged feed stands for (absolute http(s) URI)
 * @param description channel description (RSS) / subtitle (Atom)
 * @param itemCount   how many newest entries the merged feed carries
 */
public record OutputConfig(String title, URI link, String description, int itemCount) {
    public OutputConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(description, "description");
        if (itemCount < 1) {
            throw new IllegalArgumentException("itemCount must be >= 1");
        }
    }
}
