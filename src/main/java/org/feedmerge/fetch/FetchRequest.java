package org.feedmerge.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * What to fetch, with the validators stored from the last successful fetch.
 *
 * @param url          absolute http(s) URL
 * @param etag         ETag from the last 200, or null: sent as If-None-Match
 * @param lastModified Last-Modified from the last 200 (verbatim), or null: sent as If-Modified-Since
 */
public record FetchRequest(URI url, String etag, String lastModified) {
    public FetchRequest {
        Objects.requireNonNull(url, "url");
    }

    public static FetchRequest unconditional(URI url) {
        return new FetchRequest(url, null, null);
    }
}
