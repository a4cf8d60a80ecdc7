package org.feedmerge.parse;

import java.net.URI;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with Rome into {@link ParsedFeed}. Never fetches or
 * expands DTDs or external entities. Thread-safe.
 */
public final class FeedParser {

    /**
     * @param body        raw bytes as fetched
     * @param contentType the HTTP Content-Type (may carry a charset), or null
     * @param feedUrl     the URL the document came from: base for relative links
     * @throws FeedParseException when the document is not a usable feed
     */
    public ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedParseException {
        throw new UnsupportedOperationException("TODO");
    }
}
