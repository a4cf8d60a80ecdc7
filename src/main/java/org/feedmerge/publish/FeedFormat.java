package org.feedmerge.publish;

/** The two documents the endpoint serves, with their path and media type. */
enum FeedFormat {
    RSS("/feed.xml", "application/rss+xml; charset=utf-8"),
    ATOM("/feed.atom", "application/atom+xml; charset=utf-8");

    private final String path;
    private final String contentType;

    FeedFormat(String path, String contentType) {
        this.path = path;
        this.contentType = contentType;
    }

    /** The exact request path, e.g. {@code /feed.xml}. */
    String path() {
        return path;
    }

    String contentType() {
        return contentType;
    }
}
