package org.feedmerge.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writing process per database. The daemon ({@code run}) and the one-shot {@code poll} hold an
 * exclusive lock on {@code <database>.lock} for as long as they have the database open, so a cron
 * poll that starts while the previous one still runs, or beside the daemon, stops with a clear
 * message instead of writing alongside it: two writers would not see each other's buffered dedup
 * anchors, and one could join a copy to the wrong story (docs/dedup.md). Readers ({@code status})
 * take no lock. The lock is the operating system's, so it goes when its process dies, however it
 * dies; the file stays (deleting a lock file races with the next process taking it).
 *
 * <p>On Linux the lock is a POSIX record lock, which belongs to the process and which closing
 * <em>any</em> descriptor of the file releases. So this process never opens a lock file it
 * already holds: it keeps the set of lock files it holds ({@link #HELD_HERE}, process-wide
 * because the lock is) and refuses from that set without touching the file.
 */
public final class WriterLock implements AutoCloseable {

    /** Why the lock could not be taken; the message says which database and what to do. */
    public abstract static sealed class Unavailable extends RuntimeException permits Held, NotPermitted {
        private static final long serialVersionUID = 1L;

        private Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Another process, or another pipeline in this one, writes the database: try again later. */
    public static final class Held extends Unavailable {
        private static final long serialVersionUID = 1L;

        private Held(String message) {
            super(message, null);
        }
    }

    /** The lock file exists but this user may not write it (another user created it). */
    public static final class NotPermitted extends Unavailable {
        private static final long serialVersionUID = 1L;

        private NotPermitted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The lock files this process holds, by real path. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private WriterLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code database} without waiting.
     *
     * @param clock for the time written into the lock file, for whoever is refused
     * @throws Held          when another process (or this one) holds it, naming the database and
     *                       that process
     * @throws NotPermitted  when the lock file may not be written by this user
     * @throws StoreException when the lock file cannot be created or locked otherwise
     */
    public static WriterLock acquire(Path database, Clock clock) {
        Path absolute = database.toAbsolutePath();
        Path file;
        try {
            file = lockFile(absolute);
        } catch (IOException e) {
            throw new StoreException("Could not lock database " + absolute + ": cannot create or resolve its folder ("
                    + e + ")", e);
        }
        if (!HELD_HERE.add(file)) {
            throw held(absolute, "this feedmerge process itself (pid " + ProcessHandle.current().pid() + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                // Another process holds it: reading the file cannot drop a lock of ours.
                throw held(absolute, "another feedmerge process (" + holder(file) + ")");
            }
            byte[] holder = ("pid " + ProcessHandle.current().pid() + ", since " + clock.instant() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(holder), 0);
            channel.truncate(holder.length);
            return new WriterLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            closeQuietly(channel, e);
            if (e instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e instanceof AccessDeniedException) {
                throw new NotPermitted("database " + absolute + ": its lock file " + file + " may not be written by"
                        + " this user (" + System.getProperty("user.name") + "); run feedmerge as the user that"
                        + " owns the database, or give that user the lock file", e);
            }
            throw new StoreException("Could not lock database " + absolute + " with " + file + " (" + e + ")", e);
        }
    }

    /**
     * {@code <database>.lock} in the database's folder (created if missing), through the folder's
     * real path, so that two paths to one database (a symbolic link) share one lock.
     */
    private static Path lockFile(Path database) throws IOException {
        Path folder = database.getParent();
        Files.createDirectories(folder);
        Path name = database.getFileName();
        Path real = Files.isSymbolicLink(database) ? database.toRealPath() : folder.toRealPath().resolve(name);
        return real.resolveSibling(real.getFileName() + ".lock");
    }

    private static Held held(Path database, String holder) {
        return new Held("database " + database + " is being written by " + holder + "; one process at a time"
                + " may write it: do not run a one-shot poll beside the daemon, and let a poll finish before the"
                + " next one starts");
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new StoreException("Could not release the database lock " + file + ": " + e.getMessage(), e);
        } finally {
            HELD_HERE.remove(file);
        }
    }

    /** Whether the lock is still held by this object. */
    boolean isHeld() {
        return lock.isValid();
    }
}
