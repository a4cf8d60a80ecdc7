package org.feedmerge.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shared corpus on disk, read in place (its README asks not to copy it). Found at
 * {@code ../shared/corpus} relative to the project, or wherever {@code -Dfeedmerge.corpus} points.
 */
final class Corpus {
    static final String LOCATION_PROPERTY = "feedmerge.corpus";
    private static final String DEFAULT_LOCATION = "../shared/corpus";
    /** Provenance and notes that sit beside the documents and are not documents themselves. */
    private static final Set<String> NOT_DOCUMENTS = Set.of("LICENSE", "SOURCE.txt", "EXPECT.md");

    private final Path root;

    private Corpus(Path root) {
        this.root = root;
    }

    /** Empty when the corpus is not there (a checkout without the shared folder). */
    static Optional<Corpus> locate() {
        Path root = Path.of(System.getProperty(LOCATION_PROPERTY, DEFAULT_LOCATION)).toAbsolutePath().normalize();
        return Files.isDirectory(root.resolve("feedparser")) ? Optional.of(new Corpus(root)) : Optional.empty();
    }

    Path root() {
        return root;
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Every document under {@code folder}, as corpus-relative paths with '/' separators, sorted. */
    List<String> documents(String folder) {
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !NOT_DOCUMENTS.contains(file.getFileName().toString()))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus folder " + folder, e);
        }
    }

    byte[] read(String relative) {
        try {
            return Files.readAllBytes(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + relative, e);
        }
    }
}
