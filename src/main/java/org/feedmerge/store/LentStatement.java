package org.feedmerge.store;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A cached statement as {@link StatementCache} lends it to one user: every call goes to the real
 * statement, except {@link #close()}, which gives it back to the cache (results it gave closed,
 * parameters cleared) instead of closing it. After that every call but {@code close} and
 * {@code isClosed} fails, as on a closed statement.
 *
 * <p>Written out method by method rather than as a {@code java.lang.reflect.Proxy}: a proxy's
 * reflective {@code Method.invoke} per {@code setString} walked the stack for its access check,
 * and the writer makes a dozen such calls per new entry while every poll waits for it (3% of a
 * cold poll's CPU, docs/performance.md). The delegating methods below follow the interface
 * (java.sql, Java 17) in alphabetical order.
 */
final class LentStatement implements PreparedStatement {

    /** Takes a statement back when its user closes it; {@code lastResults} may be null. */
    interface Owner {
        void giveBack(PreparedStatement statement, ResultSet lastResults) throws SQLException;
    }

    private final PreparedStatement target;
    private final Owner owner;
    private boolean returned;
    private ResultSet lastResults;

    LentStatement(PreparedStatement target, Owner owner) {
        this.target = target;
        this.owner = owner;
    }

    /** The real statement, while this one is lent. */
    private PreparedStatement lent() throws SQLException {
        if (returned) {
            throw new SQLException("statement is closed");
        }
        return target;
    }

    /** Keeps the last results this statement gave (not a null: the earlier ones may still be open). */
    private ResultSet remember(ResultSet results) {
        if (results != null) {
            lastResults = results;
        }
        return results;
    }

    @Override
    public void close() throws SQLException {
        if (!returned) {
            returned = true;
            owner.giveBack(target, lastResults);
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        return returned || target.isClosed();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return remember(lent().executeQuery());
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return remember(lent().executeQuery(sql));
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return remember(lent().getResultSet());
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return remember(lent().getGeneratedKeys());
    }

    // Everything else goes straight to the real statement.

    @Override
    public void addBatch() throws SQLException {
        lent().addBatch();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        lent().addBatch(sql);
    }

    @Override
    public void cancel() throws SQLException {
        lent().cancel();
    }

    @Override
    public void clearBatch() throws SQLException {
        lent().clearBatch();
    }

    @Override
    public void clearParameters() throws SQLException {
        lent().clearParameters();
    }

    @Override
    public void clearWarnings() throws SQLException {
        lent().clearWarnings();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        lent().closeOnCompletion();
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return lent().enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public String enquoteLiteral(String value) throws SQLException {
        return lent().enquoteLiteral(value);
    }

    @Override
    public String enquoteNCharLiteral(String value) throws SQLException {
        return lent().enquoteNCharLiteral(value);
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return lent().executeBatch();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return lent().executeLargeBatch();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return lent().executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return lent().executeLargeUpdate(sql, columnIndexes);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return lent().executeLargeUpdate(sql, columnNames);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return lent().executeLargeUpdate(sql, autoGeneratedKeys);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return lent().executeLargeUpdate(sql);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return lent().executeUpdate();
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return lent().executeUpdate(sql, columnIndexes);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return lent().executeUpdate(sql, columnNames);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return lent().executeUpdate(sql, autoGeneratedKeys);
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return lent().executeUpdate(sql);
    }

    @Override
    public boolean execute() throws SQLException {
        return lent().execute();
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return lent().execute(sql, columnIndexes);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return lent().execute(sql, columnNames);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return lent().execute(sql, autoGeneratedKeys);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return lent().execute(sql);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return lent().getConnection();
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return lent().getFetchDirection();
    }

    @Override
    public int getFetchSize() throws SQLException {
        return lent().getFetchSize();
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return lent().getLargeMaxRows();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return lent().getLargeUpdateCount();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return lent().getMaxFieldSize();
    }

    @Override
    public int getMaxRows() throws SQLException {
        return lent().getMaxRows();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return lent().getMetaData();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return lent().getMoreResults();
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return lent().getMoreResults(current);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return lent().getParameterMetaData();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return lent().getQueryTimeout();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return lent().getResultSetConcurrency();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return lent().getResultSetHoldability();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return lent().getResultSetType();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return lent().getUpdateCount();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return lent().getWarnings();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return lent().isCloseOnCompletion();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return lent().isPoolable();
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return lent().isSimpleIdentifier(identifier);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return lent().isWrapperFor(iface);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        lent().setArray(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        lent().setAsciiStream(parameterIndex, x, length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        lent().setAsciiStream(parameterIndex, x, length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        lent().setAsciiStream(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        lent().setBigDecimal(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        lent().setBinaryStream(parameterIndex, x, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        lent().setBinaryStream(parameterIndex, x, length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        lent().setBinaryStream(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
        lent().setBlob(parameterIndex, x, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x) throws SQLException {
        lent().setBlob(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        lent().setBlob(parameterIndex, x);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        lent().setBoolean(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        lent().setByte(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        lent().setBytes(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x, int length) throws SQLException {
        lent().setCharacterStream(parameterIndex, x, length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
        lent().setCharacterStream(parameterIndex, x, length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
        lent().setCharacterStream(parameterIndex, x);
    }

    @Override
    public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
        lent().setClob(parameterIndex, x, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader x) throws SQLException {
        lent().setClob(parameterIndex, x);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        lent().setClob(parameterIndex, x);
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        lent().setCursorName(name);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar calendar) throws SQLException {
        lent().setDate(parameterIndex, x, calendar);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        lent().setDate(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        lent().setDouble(parameterIndex, x);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        lent().setEscapeProcessing(enable);
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        lent().setFetchDirection(direction);
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        lent().setFetchSize(rows);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        lent().setFloat(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        lent().setInt(parameterIndex, x);
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        lent().setLargeMaxRows(max);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        lent().setLong(parameterIndex, x);
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        lent().setMaxFieldSize(max);
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        lent().setMaxRows(max);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
        lent().setNCharacterStream(parameterIndex, x, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
        lent().setNCharacterStream(parameterIndex, x);
    }

    @Override
    public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
        lent().setNClob(parameterIndex, x, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader x) throws SQLException {
        lent().setNClob(parameterIndex, x);
    }

    @Override
    public void setNClob(int parameterIndex, NClob x) throws SQLException {
        lent().setNClob(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String x) throws SQLException {
        lent().setNString(parameterIndex, x);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        lent().setNull(parameterIndex, sqlType, typeName);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        lent().setNull(parameterIndex, sqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        lent().setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        lent().setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        lent().setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        lent().setObject(parameterIndex, x, targetSqlType);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        lent().setObject(parameterIndex, x);
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        lent().setPoolable(poolable);
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        lent().setQueryTimeout(seconds);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        lent().setRef(parameterIndex, x);
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        lent().setRowId(parameterIndex, x);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
        lent().setSQLXML(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        lent().setShort(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        lent().setString(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar calendar) throws SQLException {
        lent().setTime(parameterIndex, x, calendar);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        lent().setTime(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar calendar) throws SQLException {
        lent().setTimestamp(parameterIndex, x, calendar);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        lent().setTimestamp(parameterIndex, x);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        lent().setURL(parameterIndex, x);
    }

    @Override
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        lent().setUnicodeStream(parameterIndex, x, length);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return lent().unwrap(iface);
    }
}
