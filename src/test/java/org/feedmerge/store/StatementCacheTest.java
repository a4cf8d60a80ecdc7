package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {

    @TempDir
    Path dir;

    @Test
    void theSameSqlIsPreparedOnceAndLentToOneUserAtATime() throws SQLException {
        try (Connection real = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            createTableOfTwoRows(real);
            StatementCache cache = new StatementCache(real);
            Connection connection = cache.connection();
            String sql = "SELECT v FROM t WHERE v >= ? ORDER BY v";

            PreparedStatement first = connection.prepareStatement(sql);
            PreparedStatement firstReal = first.unwrap(PreparedStatement.class);
            first.setInt(1, 1);
            PreparedStatement nested = connection.prepareStatement(sql);
            assertThat(nested.unwrap(PreparedStatement.class)).as("lent out: a fresh one").isNotSameAs(firstReal);
            nested.close();
            assertThat(nested.isClosed()).isTrue();
            try (ResultSet rows = first.executeQuery()) {
                assertThat(rows.next()).isTrue();
            }
            first.close();
            assertThat(first.isClosed()).isTrue();
            assertThatThrownBy(() -> first.setInt(1, 2)).isInstanceOf(SQLException.class);

            PreparedStatement again = connection.prepareStatement(sql);
            assertThat(again.unwrap(PreparedStatement.class)).as("given back: reused").isSameAs(firstReal);
            again.setInt(1, 2);
            try (ResultSet rows = again.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
            again.close();

            cache.closeAll();
            assertThat(firstReal.isClosed()).isTrue();
        }
    }

    @Test
    void givingAStatementBackClosesTheResultsItsUserLeftOpen() throws SQLException {
        try (Connection real = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
            createTableOfTwoRows(real);
            StatementCache cache = new StatementCache(real);
            PreparedStatement lent = cache.connection().prepareStatement("SELECT v FROM t");
            ResultSet leftOpen = lent.executeQuery();
            assertThat(leftOpen.next()).isTrue();

            lent.close();

            assertThat(leftOpen.isClosed()).as("results of a statement given back").isTrue();
            assertThatThrownBy(lent::executeQuery).isInstanceOf(SQLException.class).hasMessage("statement is closed");
            lent.close(); // again: nothing happens
            cache.closeAll();
        }
    }

    /** Table t with the values 1 and 2. */
    private static void createTableOfTwoRows(Connection real) throws SQLException {
        try (Statement setup = real.createStatement()) {
            setup.execute("CREATE TABLE t (v INTEGER)");
            setup.execute("INSERT INTO t VALUES (1), (2)");
        }
    }
}
