package org.feedmerge.store;

/** The class of a poll's outcome, as stored on the feed's row. */
public enum PollStatus {
    OK,
    NOT_MODIFIED,
    HTTP_ERROR,
    NETWORK_ERROR,
    TOO_LARGE,
    PARSE_ERROR;

    /** True when the feed answered usefully: resets the consecutive-failure count. */
    public boolean isSuccess() {
        return this == OK || this == NOT_MODIFIED;
    }
}
