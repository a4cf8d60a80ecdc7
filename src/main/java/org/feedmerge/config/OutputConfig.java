package org.feedmerge.config;

import java.net.URI;
import java.util.Objects;

/**
 * Metadata of the merged feed itself.
 *
 * @param title             channel / feed title
 * @param link              the site the merged feed stands for (absolute http(s) URI)
 * @param description       channel description (RSS) / subtitle (Atom)
 * @param itemCount         how many newest entries the merged feed carries
 * @param updatedMovesToTop whether a substantive edit moves an entry to the top (default: it keeps its place)
 */
public record OutputConfig(String title, URI link, String description, int itemCount, boolean updatedMovesToTop) {
    public OutputConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(description, "description");
        if (itemCount < 1) {
            throw new IllegalArgumentException("itemCount must be >= 1");
        }
    }

    /** Edited entries keep their place. */
    public OutputConfig(String title, URI link, String description, int itemCount) {
        this(title, link, description, itemCount, false);
    }
}
