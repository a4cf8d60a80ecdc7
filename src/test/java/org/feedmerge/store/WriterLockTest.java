package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedUntilTheFirstLetsGo() {
        Path database = dir.resolve("state/feedmerge.db");
        try (WriterLock first = WriterLock.acquire(database)) {
            assertThat(first.isHeld()).isTrue();
            assertThatThrownBy(() -> WriterLock.acquire(database))
                    .isInstanceOf(WriterLock.Held.class)
                    .hasMessageContaining(database.toAbsolutePath().toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            try (WriterLock other = WriterLock.acquire(dir.resolve("other.db"))) {
                assertThat(other.isHeld()).as("another database has its own lock").isTrue();
            }
        }
        try (WriterLock again = WriterLock.acquire(database)) {
            assertThat(again.isHeld()).isTrue();
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedAndGoesWithThatProcess() throws Exception {
        Path database = dir.resolve("feedmerge.db");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), database.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).as("the child's first line").isEqualTo("locked");

            assertThatThrownBy(() -> WriterLock.acquire(database))
                    .isInstanceOf(WriterLock.Held.class)
                    .hasMessageContaining("being written by another feedmerge process (pid " + holder.pid() + ",");

            holder.getOutputStream().close(); // the child exits without releasing: the OS does
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
        } finally {
            holder.destroyForcibly();
        }
        try (WriterLock mine = WriterLock.acquire(database)) {
            assertThat(mine.isHeld()).isTrue();
        }
    }

    /** The child: takes the lock, says so, and exits (without closing it) when its input closes. */
    public static final class HoldLock {
        public static void main(String[] args) throws Exception {
            WriterLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
            Runtime.getRuntime().halt(0);
        }
    }
}
