package org.feedmerge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements prepared once for a unit of work (one poll, one retention batch) and closed together.
 * A failure to prepare closes the ones already prepared. {@link #lazy} statements are prepared on
 * first use: a poll that adds nothing does not pay for preparing the insert path.
 */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final List<PreparedStatement> prepared = new ArrayList<>();
    private final Lazy lastInsertRowid = new Lazy("SELECT last_insert_rowid()");

    Statements(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        try {
            PreparedStatement statement = connection.prepareStatement(sql);
            prepared.add(statement);
            return statement;
        } catch (SQLException e) {
            closeAll(e);
            throw e;
        }
    }

    /** A statement prepared when first used, then reused until {@link #close()}. */
    final class Lazy {
        private final String sql;
        private PreparedStatement statement;

        private Lazy(String sql) {
            this.sql = sql;
        }

        PreparedStatement get() throws SQLException {
            if (statement == null) {
                statement = prepare(sql);
            }
            return statement;
        }
    }

    Lazy lazy(String sql) {
        return new Lazy(sql);
    }

    /**
     * The row id the connection's last INSERT gave its row. The write connection does not fetch
     * generated keys (see {@link Database}), so this is how an insert learns its id.
     */
    long lastInsertRowid() throws SQLException {
        try (ResultSet row = lastInsertRowid.get().executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = new SQLException("could not close statements");
        closeAll(failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private void closeAll(Exception failure) {
        for (PreparedStatement statement : prepared) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
        prepared.clear();
    }
}
