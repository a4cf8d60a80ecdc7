package org.feedmerge.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the merged feed as static files ({@code feed.xml}, {@code feed.atom}) for the one-shot
 * {@code poll} mode, where no daemon serves it: a web server or a feed reader reads the folder.
 * Each file is replaced atomically, so a reader never sees half a document.
 */
public final class MergedFeedFiles {
    private MergedFeedFiles() {
    }

    /**
     * Renders (if stale) and writes both documents into {@code folder}, creating it if needed.
     *
     * @throws IOException when the folder cannot be written
     * @throws IllegalStateException when the documents cannot be rendered (logged by the publisher)
     */
    public static void write(MergedFeedPublisher publisher, Path folder) throws IOException {
        Rendition rendition = publisher.rendition();
        if (rendition == null) {
            throw new IllegalStateException("the merged feed could not be rendered; see the log");
        }
        Files.createDirectories(folder);
        replace(folder.resolve("feed.xml"), rendition.rss().body(false));
        replace(folder.resolve("feed.atom"), rendition.atom().body(false));
    }

    private static void replace(Path target, byte[] body) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, body);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
