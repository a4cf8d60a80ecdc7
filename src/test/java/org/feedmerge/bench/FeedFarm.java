package org.feedmerge.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * A reproducible farm of N feeds held in memory: every document is a function of (seed, feed,
 * version), so two processes with the same seed hold the same bytes. {@link #change} moves a
 * deterministic share of the feeds to their next version (new items on top, the oldest dropped,
 * new validators). Not thread-safe: the server touches it from one thread.
 */
final class FeedFarm {
    static final long DEFAULT_SEED = 20_250_601L;
    static final int DEFAULT_FEEDS = 2_000;
    /** IMF-fixdate (RFC 9110 §5.6.7): two-digit day, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** One served version of a feed; {@code etag} or {@code lastModified} may be null (never both). */
    record Document(FeedProfile profile, int version, byte[] body, byte[] gzipped, String etag, String lastModified,
            int items) {
    }

    private final long seed;
    private final boolean gzip;
    private final FeedDocumentWriter writer;
    private final List<Document> original;
    private final List<Document> documents;

    private FeedFarm(long seed, boolean gzip, List<Document> documents) {
        this.seed = seed;
        this.gzip = gzip;
        this.writer = new FeedDocumentWriter(seed);
        this.original = List.copyOf(documents);
        this.documents = new ArrayList<>(documents);
    }

    /** Generates version 0 of every feed, in parallel; {@code gzip} also keeps compressed bodies. */
    static FeedFarm generate(int feeds, long seed, boolean gzip) {
        FeedDocumentWriter writer = new FeedDocumentWriter(seed);
        List<Document> documents = IntStream.range(0, feeds).parallel()
                .mapToObj(i -> document(writer, FeedProfile.of(seed, i), 0, seed, gzip))
                .toList();
        return new FeedFarm(seed, gzip, documents);
    }

    private static Document document(FeedDocumentWriter writer, FeedProfile profile, int version, long seed, boolean gzip) {
        List<FarmItem> items = writer.items(profile, version);
        byte[] body = writer.write(profile, items);
        String etag = "\"" + Long.toHexString(FarmText.mix(seed, profile.index(), version)) + "\"";
        String lastModified = HTTP_DATE.format(FeedDocumentWriter.lastModified(items));
        return switch (profile.validators()) {
            case ETAG_AND_LAST_MODIFIED -> new Document(profile, version, body, gzip ? gzip(body) : null, etag,
                    lastModified, items.size());
            case ETAG_ONLY -> new Document(profile, version, body, gzip ? gzip(body) : null, etag, null, items.size());
            case LAST_MODIFIED_ONLY -> new Document(profile, version, body, gzip ? gzip(body) : null, null,
                    lastModified, items.size());
        };
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    int size() {
        return documents.size();
    }

    Document document(int index) {
        return documents.get(index);
    }

    /**
     * Round {@code round} of changes: the same {@code percent}% of feeds for a given seed and round
     * each move to their next version. Returns how many items appeared.
     */
    int change(int round, int percent) {
        int count = Math.max(1, documents.size() * percent / 100);
        int[] order = shuffledIndexes(new SplittableRandom(FarmText.mix(seed, -3, round)));
        int added = 0;
        for (int i = 0; i < count; i++) {
            Document before = documents.get(order[i]);
            documents.set(order[i], document(writer, before.profile(), before.version() + 1, seed, gzip));
            added += Math.min(FarmItem.ADDED_PER_CHANGE, before.items());
        }
        return added;
    }

    private int[] shuffledIndexes(SplittableRandom random) {
        int[] order = IntStream.range(0, documents.size()).toArray();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Back to version 0 of every feed, so that each benchmark run sees the same documents. */
    void restore() {
        for (int i = 0; i < original.size(); i++) {
            documents.set(i, original.get(i));
        }
    }

    long totalBytes() {
        return documents.stream().mapToLong(d -> d.body().length).sum();
    }

    long totalItems() {
        return documents.stream().mapToLong(Document::items).sum();
    }

    /** Writes every current document under {@code dir}, at its URL path, for inspection. */
    void writeTo(Path dir) throws IOException {
        for (Document d : documents) {
            Path file = dir.resolve(d.profile().path().substring(1));
            Files.createDirectories(file.getParent());
            Files.write(file, d.body());
        }
    }

    /** A one-line description: feeds, items, megabytes, format and encoding mix. */
    String describe() {
        long rss = documents.stream().filter(d -> d.profile().format() == FarmFormat.RSS2).count();
        long atom = documents.stream().filter(d -> d.profile().format() == FarmFormat.ATOM).count();
        long latin1 = documents.stream().filter(d -> d.profile().latin1()).count();
        return String.format("%d feeds, %d items, %.1f MB (RSS 2.0 %d, Atom %d, RDF %d; Latin-1 %d; seed %d)",
                size(), totalItems(), totalBytes() / 1e6, rss, atom, size() - rss - atom, latin1, seed);
    }

    static Instant parseHttpDate(String text) {
        return HTTP_DATE.parse(text, Instant::from);
    }
}
