package org.feedmerge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps the current row of a result set to a value: the whole of feedmerge's "ORM". */
@FunctionalInterface
interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;

    /** Runs the (already bound) query and maps every row. */
    static <T> List<T> list(PreparedStatement query, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /** Runs the (already bound) query and maps its first row, if any. */
    static <T> Optional<T> first(PreparedStatement query, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }
}
