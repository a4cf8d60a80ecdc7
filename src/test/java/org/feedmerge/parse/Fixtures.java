package org.feedmerge.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures in src/test/resources/feeds/ and the shared corpus beside the project. */
final class Fixtures {
    static final URI FEED_URL = URI.create("https://example.com/feeds/main/rss.xml");
    static final Path CORPUS = Path.of("..", "shared", "corpus");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedFeed parse(String name) throws FeedParseException {
        return new FeedParser().parse(bytes(name), "application/rss+xml", FEED_URL);
    }

    static byte[] corpusFile(String relative) throws IOException {
        return Files.readAllBytes(CORPUS.resolve(relative));
    }
}
