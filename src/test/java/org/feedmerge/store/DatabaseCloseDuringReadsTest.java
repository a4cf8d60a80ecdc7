package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#close()} while reads still run (the daemon closes the pipeline after abandoning
 * polls that outlast the shutdown grace; the HTTP drain is bounded too). Those reads may fail
 * with {@link StoreException}, but close itself must not fail any other way: it iterates each
 * reader's {@link StatementCache} map while the thread that borrowed the reader may be adding to
 * it (a statement that reader had not prepared yet), and an unchecked exception there skips
 * closing the connections.
 */
class DatabaseCloseDuringReadsTest {

    @TempDir
    Path dir;

    @Test
    void closeWhileReadsPrepareNewStatementsFailsOnlyWithStoreException() throws Exception {
        for (int round = 0; round < 20; round++) {
            Database database = Database.open(dir.resolve("round-" + round + ".db"));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sql = new AtomicInteger();
            Runnable reads = () -> {
                while (!stop.get()) {
                    int n = sql.incrementAndGet();
                    try {
                        database.read("test", connection -> {
                            try (PreparedStatement query = connection.prepareStatement("SELECT " + n)) {
                                return RowMapper.first(query, row -> row.getLong(1));
                            }
                        });
                    } catch (StoreException expected) {
                        // the database closed under this read: fine
                    }
                }
            };
            Thread first = new Thread(reads);
            Thread second = new Thread(reads);
            first.start();
            second.start();
            Thread.sleep(20);
            Throwable thrown = catchThrowable(database::close);
            stop.set(true);
            first.join();
            second.join();
            assertThat(thrown).as("round %d: close() while reads run", round)
                    .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(StoreException.class));
        }
    }
}
