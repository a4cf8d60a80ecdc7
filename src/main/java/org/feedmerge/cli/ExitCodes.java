package org.feedmerge.cli;

import org.feedmerge.store.WriterLock;

/** Process exit statuses; config errors use sysexits' EX_CONFIG so systemd need not retry them. */
final class ExitCodes {
    static final int OK = 0;
    /** A one-shot poll in which every feed failed, or the daemon failed at run time. */
    static final int FAILED = 1;
    /** Another feedmerge process writes the database; try again later (sysexits.h EX_TEMPFAIL). */
    static final int IN_USE = 75;
    /** The database's lock file may not be written by this user (sysexits.h EX_NOPERM); not transient. */
    static final int NOT_PERMITTED = 77;
    /** The config file is unusable (sysexits.h EX_CONFIG). */
    static final int CONFIG = 78;

    private ExitCodes() {
    }

    /** 75 when another process writes the database (retry later), 77 when this user may not lock it. */
    static int of(WriterLock.Unavailable refused) {
        return refused instanceof WriterLock.Held ? IN_USE : NOT_PERMITTED;
    }
}
