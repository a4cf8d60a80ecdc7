package org.feedmerge.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A connection as the store's code sees it: {@code prepareStatement(sql)} hands out the
 * statement prepared the first time that SQL was seen, and {@code close()} on it only clears its
 * parameters for the next user. A poll runs about twenty statements on the write connection and
 * four or five on a read connection; preparing them again for every poll was a tenth of the
 * writer's time on a cold start, and a quarter of the cost of deduplication per new item in the
 * steady state. Everything else goes to the real connection. Not thread-safe: the write
 * connection is only used under {@link Database}'s write lock, a read connection by the one thread
 * that borrowed it. {@link #closeAll} really closes the statements, before the connection closes.
 *
 * <p>A statement is lent to one user at a time: asking for the same SQL while it is lent out (a
 * nested use) gets a fresh statement of its own, closed for real by its user.
 */
final class StatementCache {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final Set<String> lent = new HashSet<>();
    private final Connection view;

    StatementCache(Connection connection) {
        this.connection = connection;
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    /** The connection to give the store's code. */
    Connection connection() {
        return view;
    }

    private Object onConnection(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args.length == 1 && args[0] instanceof String sql) {
            return statement(sql);
        }
        return forward(connection, method, args);
    }

    private PreparedStatement statement(String sql) throws SQLException {
        if (lent.contains(sql)) {
            return connection.prepareStatement(sql);
        }
        PreparedStatement real = prepared.get(sql);
        if (real == null) {
            real = connection.prepareStatement(sql);
            prepared.put(sql, real);
        }
        lent.add(sql);
        return new LentStatement(real, (statement, lastResults) -> giveBack(sql, statement, lastResults));
    }

    /** Resets a lent statement (results it gave closed, batch and parameters cleared) for its next user. */
    private void giveBack(String sql, PreparedStatement statement, ResultSet lastResults) throws SQLException {
        try {
            if (lastResults != null && !lastResults.isClosed()) {
                lastResults.close();
            }
            statement.clearBatch();
            statement.clearParameters();
        } finally {
            lent.remove(sql);
        }
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Closes every prepared statement (the connection stays open). */
    void closeAll() throws SQLException {
        SQLException failure = new SQLException("could not close cached statements");
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
        prepared.clear();
        lent.clear();
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
