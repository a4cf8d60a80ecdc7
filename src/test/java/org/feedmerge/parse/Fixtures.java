package org.feedmerge.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * The entries as the merged feed would show them: HTML sanitised against its base, the base
     * itself dropped, so that expectations can be written as records.
     */
    static List<ParsedEntry> safe(List<ParsedEntry> entries) {
        return entries.stream().map(Fixtures::safe).toList();
    }

    static ParsedEntry safe(ParsedEntry entry) {
        return new ParsedEntry(entry.guid(), entry.link(), entry.title(), entry.safeSummary(), entry.safeContent(),
                entry.author(), entry.published(), entry.updated());
    }

    static ParsedFeed parse(String name) throws FeedParseException {
        return new FeedParser().parse(bytes(name), "application/rss+xml", FEED_URL);
    }

    static byte[] corpusFile(String relative) throws IOException {
        return Files.readAllBytes(CORPUS.resolve(relative));
    }
}
