package org.feedmerge.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.dedup.IdentifiedEntry;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.parse.ParsedEntry;
import org.feedmerge.parse.ParsedFeed;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.NewEntry;

/**
 * The same farm bytes parsed without the daemon around them, one task per document on a fixed
 * pool of the daemon's thread count: bare Rome ({@link SyndFeedInput} over Rome's
 * {@link XmlReader}), feedmerge's {@link FeedParser} alone, and {@link FeedParser} followed by
 * {@link EntryIdentity}; and, for attribution, {@code STORE_ONLY}: the identified entries of every
 * document (prepared beforehand, not timed) recorded by {@link FeedStore#recordPoll} into a fresh
 * database on the same threads. The pipeline's cost over the parse stages is fetch + store +
 * bookkeeping.
 */
final class ParseBaseline {
    enum Stage { BARE_ROME, FEED_PARSER, PARSER_AND_IDENTITY, STORE_ONLY }

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

    static Pass run(Stage stage, List<Doc> docs, int threads, Path scratch) throws Exception {
        if (stage == Stage.STORE_ONLY) {
            return store(docs, threads, scratch);
        }
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

    /** Records every document's entries as a 200 poll into a fresh database, like the cold cycle ({@link IngestBench}). */
    private static Pass store(List<Doc> docs, int threads, Path scratch) throws Exception {
        IngestBench.Pass pass = IngestBench.ingest(IngestBench.Mode.DEDUP_ON, docs, IngestBench.prepare(docs), threads,
                scratch);
        return new Pass(Stage.STORE_ONLY, pass.wallSeconds(), pass.added(), pass.cpuSeconds());
    }

    /** As FeedPoller maps an identified entry. */
    static NewEntry toNewEntry(IdentifiedEntry identified) {
        ParsedEntry e = identified.entry();
        return new NewEntry(identified.key(), identified.contentHash(), e.guid(),
                e.link() == null ? null : e.link().toString(), e.title(), e.summary(), e.content(),
                e.author(), e.published(), e.updated(), identified.keys(), identified.normalised(),
                e.htmlBase() == null ? null : e.htmlBase().toString());
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
            case STORE_ONLY -> throw new IllegalArgumentException("STORE_ONLY is not a parse stage");
        };
    }
}
