package org.feedmerge.store;

/** The class of a poll's outcome, as stored on the feed's row. */
public enum PollStatus {
    OK,
    NOT_MODIFIED,
    HTTP_ERROR,
    NETWORK_ERROR,
    TOO_LARGE,
    PARSE_ERROR,
    /**
     * Not fetched at all: the feed's host was busy or asked us to wait (Retry-After). Reported by
     * the poller, never stored as a last status; only the feed's next poll moves.
     */
    POSTPONED;

    /** True when the feed answered usefully: resets the consecutive-failure count. */
    public boolean isSuccess() {
        return this == OK || this == NOT_MODIFIED;
    }
}
