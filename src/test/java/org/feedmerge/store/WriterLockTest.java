package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T23:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aSecondWriterInThisProcessIsRefusedWithoutLosingTheFirstOnesLock() throws Exception {
        Path database = dir.resolve("state/feedmerge.db");
        try (WriterLock first = WriterLock.acquire(database, CLOCK)) {
            assertThatThrownBy(() -> WriterLock.acquire(database, CLOCK))
                    .isInstanceOf(WriterLock.Held.class)
                    .hasMessageContaining(database.toAbsolutePath().toString())
                    .hasMessageContaining("is being written by this feedmerge process itself (pid "
                            + ProcessHandle.current().pid() + ")");

            // POSIX: had the refusal opened and closed the lock file, our lock would be gone.
            assertThat(first.isHeld()).isTrue();
            assertThat(fromAnotherProcess("try", database).readLine())
                    .as("another process, while this one holds the lock").isEqualTo("refused");
            try (WriterLock other = WriterLock.acquire(dir.resolve("other.db"), CLOCK)) {
                assertThat(other.isHeld()).as("another database has its own lock").isTrue();
            }
        }
        try (WriterLock again = WriterLock.acquire(database, CLOCK)) {
            assertThat(again.isHeld()).isTrue();
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedNamingItAndGoesWithThatProcess() throws Exception {
        Path database = dir.resolve("feedmerge.db");
        Process holder = start("hold", database);
        try (BufferedReader output = output(holder)) {
            assertThat(output.readLine()).as("the child's first line").isEqualTo("locked");

            assertThatThrownBy(() -> WriterLock.acquire(database, CLOCK))
                    .isInstanceOf(WriterLock.Held.class)
                    .hasMessageContaining("being written by another feedmerge process (pid " + holder.pid()
                            + ", since 2026-11-26T23:00:00Z)");

            holder.getOutputStream().close(); // the child exits without releasing: the OS does
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
        } finally {
            holder.destroyForcibly();
        }
        try (WriterLock mine = WriterLock.acquire(database, CLOCK)) {
            assertThat(mine.isHeld()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("feedmerge.db.lock")))
                .isEqualTo("pid " + ProcessHandle.current().pid() + ", since 2026-11-26T23:00:00Z\n");
    }

    @Test
    void aDatabaseReachedThroughALinkedFolderSharesTheLock() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
        try (WriterLock first = WriterLock.acquire(real.resolve("feedmerge.db"), CLOCK)) {
            assertThatThrownBy(() -> WriterLock.acquire(linked.resolve("feedmerge.db"), CLOCK))
                    .isInstanceOf(WriterLock.Held.class);
        }
    }

    private static Process start(String mode, Path database) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode, database.toString())
                .redirectErrorStream(true).start();
    }

    private static BufferedReader fromAnotherProcess(String mode, Path database) throws Exception {
        Process child = start(mode, database);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
        return output(child);
    }

    private static BufferedReader output(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * The other process: {@code hold} takes the lock, says "locked" and exits (without releasing)
     * when its input closes; {@code try} says whether it could take the lock.
     */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path database = Path.of(args[1]);
            if (args[0].equals("hold")) {
                WriterLock.acquire(database, CLOCK);
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                }
                Runtime.getRuntime().halt(0);
            }
            try (WriterLock lock = WriterLock.acquire(database, CLOCK)) {
                System.out.println("locked");
            } catch (WriterLock.Held e) {
                System.out.println("refused");
            }
        }
    }
}
