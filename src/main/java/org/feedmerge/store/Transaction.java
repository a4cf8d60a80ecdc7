package org.feedmerge.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;

/**
 * Explicit transactions on an auto-commit connection. {@code BEGIN IMMEDIATE} takes SQLite's write
 * lock up front, so a transaction never fails half-way trying to upgrade a read lock to a write lock
 * (SQLITE_BUSY that the busy timeout cannot resolve), e.g. against another feedmerge process.
 * Managing BEGIN/COMMIT ourselves, rather than {@code setAutoCommit(false)}, also keeps the
 * connection outside any transaction between calls.
 */
final class Transaction {

    private Transaction() {
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
        try {
            T result = work.run(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            // Also after a failed COMMIT: SQLite may keep the transaction open (e.g. SQLITE_BUSY).
            rollback(connection, e);
            throw e;
        }
    }

    /**
     * Runs the work inside the open transaction under a savepoint: released when it returns,
     * rolled back (only the work's own changes) when it throws.
     */
    static <T> T savepoint(Connection connection, SqlWork<T> work) throws SQLException {
        execute(connection, "SAVEPOINT work");
        try {
            T result = work.run(connection);
            execute(connection, "RELEASE work");
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                execute(connection, "ROLLBACK TO work");
                execute(connection, "RELEASE work");
            } catch (SQLException rollbackFailure) {
                rollbackFailure.addSuppressed(e);
                throw new RollbackFailed(rollbackFailure);
            }
            throw e;
        }
    }

    /**
     * A savepoint could not be rolled back: the work's changes may still be in the transaction, so
     * the whole transaction must be rolled back, not committed.
     */
    static final class RollbackFailed extends SQLException {
        private static final long serialVersionUID = 1L;

        RollbackFailed(SQLException cause) {
            super("could not roll back to a savepoint: " + cause.getMessage(), cause);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Prepared, not plain, so that the write connection's {@link StatementCache} reuses it. */
    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
