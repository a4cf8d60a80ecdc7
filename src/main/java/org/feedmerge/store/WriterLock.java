package org.feedmerge.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writing process per database. The daemon ({@code run}) and the one-shot {@code poll} hold an
 * exclusive lock on {@code <database>.lock} for as long as they have the database open, so a cron
 * poll that starts while the previous one still runs, or beside the daemon, stops with a clear
 * message instead of writing alongside it: two writers would not see each other's buffered dedup
 * anchors, and one could join a copy to the wrong story (docs/dedup.md). Readers ({@code status})
 * take no lock. The lock is the operating system's, so it goes when its process dies, however it
 * dies; the file stays (deleting a lock file races with the next process taking it).
 */
public final class WriterLock implements AutoCloseable {

    /** Another process (or another pipeline in this one) writes the database. */
    public static final class Held extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Held(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code database} without waiting.
     *
     * @throws Held          when another process holds it, naming the database and that process
     * @throws StoreException when the lock file cannot be created or locked
     */
    public static WriterLock acquire(Path database) {
        Path absolute = database.toAbsolutePath();
        Path file = absolute.resolveSibling(absolute.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new Held("database " + absolute + " is being written by another feedmerge process ("
                        + holder(file) + "); one process at a time may write it: do not run a one-shot poll"
                        + " beside the daemon, and let a poll finish before the next one starts");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new WriterLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            if (e instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new StoreException("Could not lock database " + absolute + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /** The lock, or null when it is taken (by another process, or by this one through another channel). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** What the holder wrote into the file ("pid 123, since ..."), as far as it can be read. */
    private static String holder(Path file) {
        try {
            String written = Files.readString(file, StandardCharsets.UTF_8).strip();
            return written.isEmpty() ? "which did not say its pid" : written;
        } catch (IOException e) {
            return "which could not be identified: " + e.getMessage();
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Releases the lock (closing the file does). Idempotent. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StoreException("Could not release the database lock: " + e.getMessage(), e);
        }
    }

    /** Whether the lock is still held by this object. */
    boolean isHeld() {
        return lock.isValid();
    }
}
