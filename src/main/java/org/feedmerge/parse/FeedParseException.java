package org.feedmerge.parse;

/** The document is not a usable feed; the message names the reason in one line. */
public final class FeedParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
