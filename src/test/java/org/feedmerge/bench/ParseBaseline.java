package org.feedmerge.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.parse.ParsedFeed;

/**
 * The same farm bytes parsed without the daemon around them, one task per document on a fixed
 * pool of the daemon's thread count: bare Rome ({@link SyndFeedInput} over Rome's
 * {@link XmlReader}), feedmerge's {@link FeedParser} alone, and {@link FeedParser} followed by
 * {@link EntryIdentity}. The pipeline's cost over these is fetch + store + bookkeeping.
 */
final class ParseBaseline {
    enum Stage { BARE_ROME, FEED_PARSER, PARSER_AND_IDENTITY }

    /** One document as the farm serves it at version 0. */
    record Doc(byte[] body, String contentType, URI url) {
    }

    record Pass(Stage stage, double wallSeconds, long entries, double cpuSeconds) {
    }

    private ParseBaseline() {
    }

    static List<Doc> documents(int feeds, long seed, FarmAddresses addresses) {
        FeedFarm farm = FeedFarm.generate(feeds, seed, false);
        List<Doc> docs = new ArrayList<>(feeds);
        for (int i = 0; i < feeds; i++) {
            FeedFarm.Document d = farm.document(i);
            docs.add(new Doc(d.body(), d.profile().contentType(), addresses.url(d.profile())));
        }
        return docs;
    }

    static Pass run(Stage stage, List<Doc> docs, int threads) throws Exception {
        FeedParser parser = new FeedParser();
        EntryIdentity identity = new EntryIdentity();
        AtomicLong entries = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long cpu = ProcessProbe.processCpuNanos();
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>(docs.size());
            for (Doc doc : docs) {
                futures.add(pool.submit(() -> {
                    entries.addAndGet(parse(stage, doc, parser, identity));
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return new Pass(stage, (System.nanoTime() - start) / 1e9, entries.get(),
                    (ProcessProbe.processCpuNanos() - cpu) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int parse(Stage stage, Doc doc, FeedParser parser, EntryIdentity identity) throws Exception {
        return switch (stage) {
            case BARE_ROME -> {
                SyndFeed feed = new SyndFeedInput().build(
                        new XmlReader(new ByteArrayInputStream(doc.body()), doc.contentType(), true));
                yield feed.getEntries().size();
            }
            case FEED_PARSER -> parser.parse(doc.body(), doc.contentType(), doc.url()).entries().size();
            case PARSER_AND_IDENTITY -> {
                ParsedFeed parsed = parser.parse(doc.body(), doc.contentType(), doc.url());
                yield identity.identify(parsed.entries()).size();
            }
        };
    }
}
