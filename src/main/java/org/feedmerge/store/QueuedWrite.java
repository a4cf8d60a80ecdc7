package org.feedmerge.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One caller's write work waiting for a shared transaction ({@link Database#write}): run by
 * whichever thread commits the batch it is in, first directly in the transaction
 * ({@link #runWithoutSavepoint}) and, if some piece of the batch failed, again in a savepoint of
 * its own ({@link #runIn}), so that a failure undoes only its own changes. Its outcome is read by
 * the thread that queued it.
 */
final class QueuedWrite<T> {
    private final String what;
    private final SqlWork<T> work;
    private final Thread owner = Thread.currentThread();
    private Thread runner;
    private T result;
    private StoreException failure;
    private Error error;
    private volatile boolean done;

    QueuedWrite(String what, SqlWork<T> work) {
        this.what = what;
        this.work = work;
    }

    String what() {
        return what;
    }

    /**
     * The work failed when run without a savepoint ({@link #runWithoutSavepoint}): the transaction
     * must roll back and the batch run again, each piece in a savepoint.
     */
    static final class Failed extends SQLException {
        private static final long serialVersionUID = 1L;

        Failed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Runs the work directly in the open transaction, without a savepoint: the batch's usual path.
     * A failure is thrown as {@link Failed}, not kept; an Error is kept for the owner and thrown,
     * as by {@link #runIn}.
     */
    void runWithoutSavepoint(Connection connection) throws Failed {
        runner = Thread.currentThread();
        try {
            result = work.run(connection);
        } catch (SQLException | RuntimeException e) {
            throw new Failed(e);
        } catch (Error e) {
            error = e;
            fail(Database.wrap(what, e));
            throw e;
        }
    }

    /** Forgets the result of a run whose transaction rolled back, before the work runs again. */
    void forget() {
        result = null;
    }

    /**
     * Runs the work in a savepoint of the open transaction; a failure is kept, not thrown, unless
     * the whole transaction must roll back: its changes could not be undone, or it is an Error
     * (kept too, for the owner).
     */
    void runIn(Connection connection) throws Transaction.RollbackFailed {
        runner = Thread.currentThread();
        try {
            result = Transaction.savepoint(connection, work);
        } catch (Transaction.RollbackFailed e) {
            fail(Database.wrap(what, e));
            throw e;
        } catch (SQLException | RuntimeException e) {
            fail(Database.wrap(what, e));
        } catch (Error e) {
            error = e;
            fail(Database.wrap(what, e));
            throw e;
        }
    }

    /** Whether the work ran and failed (its savepoint was rolled back). */
    boolean failed() {
        return failure != null;
    }

    void fail(StoreException cause) {
        result = null;
        failure = cause;
    }

    /** Publishes the outcome to the owner (after the batch committed or failed as a whole). */
    void finish() {
        done = true;
    }

    boolean isDone() {
        return done;
    }

    /** The work's result, or its failure thrown in the owner's thread (its own Error as such). */
    T result() {
        if (error != null) {
            throw error;
        }
        if (failure == null) {
            return result;
        }
        if (runner == null || runner == owner) {
            throw failure;
        }
        // Thrown anew so the owner's stack shows who asked; the committing thread's is the cause's.
        throw new StoreException(failure.getMessage(), failure);
    }
}
