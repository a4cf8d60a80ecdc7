package org.feedmerge.store;

/** The database failed (I/O, corruption, a bug in SQL). Not an expected per-feed outcome. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
