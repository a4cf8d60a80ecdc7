package org.feedmerge.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a borrowed connection, inside a write transaction or as a plain read. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
