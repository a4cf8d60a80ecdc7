package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Times are stored as epoch milliseconds (INTEGER): compact, indexable, sorted numerically.
 * Sub-millisecond precision is dropped on the way in.
 */
final class EpochMillis {

    private EpochMillis() {
    }

    static void bind(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, time.toEpochMilli());
        }
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
