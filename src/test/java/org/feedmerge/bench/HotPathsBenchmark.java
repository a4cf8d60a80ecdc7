package org.feedmerge.bench;

import com.rometools.rome.io.impl.DateParser;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.feedmerge.config.OutputConfig;
import org.feedmerge.dedup.EntryIdentity;
import org.feedmerge.parse.FeedParser;
import org.feedmerge.parse.ParsedFeed;
import org.feedmerge.publish.MergedFeedPublisher;
import org.feedmerge.store.MergedEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the hot inner pieces the poll and serve profiles point at: parsing one farm
 * document (RSS 2.0, Atom), Rome's date parsing against {@code java.time}, identifying a
 * document's entries (keys and content hashes), and rendering the 100-item merged feed (RSS and
 * Atom, through {@link MergedFeedPublisher}). Run with {@code mvn -B -q -Pbench verify -Dbench=jmh};
 * the bench profile adds JMH's annotation processor, so this class compiles but is inert in the
 * normal build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathsBenchmark {
    private static final String W3C_DATE = "2025-06-01T12:12:09Z";
    private static final String RFC_822_DATE = "Sun, 01 Jun 2025 12:12:09 GMT";

    private final FeedParser parser = new FeedParser();
    private final EntryIdentity identity = new EntryIdentity();
    private FeedFarm.Document rss;
    private FeedFarm.Document atom;
    private ParsedFeed parsedRss;
    private MergedFeedPublisher publisher;
    private Method rendition;

    @Setup
    public void setUp() throws Exception {
        FeedFarm farm = FeedFarm.generate(20, FeedFarm.DEFAULT_SEED, false);
        rss = first(farm, FarmFormat.RSS2);
        atom = first(farm, FarmFormat.ATOM);
        parsedRss = parseRss();
        List<MergedEntry> entries = mergedEntries(farm);
        publisher = new MergedFeedPublisher(new OutputConfig("bench", URI.create("http://127.0.0.1/"), "bench", 100),
                n -> entries, Clock.systemUTC());
        rendition = MergedFeedPublisher.class.getDeclaredMethod("rendition");
        rendition.setAccessible(true);
    }

    private static FeedFarm.Document first(FeedFarm farm, FarmFormat format) {
        for (int i = 0; i < farm.size(); i++) {
            if (farm.document(i).profile().format() == format && !farm.document(i).profile().latin1()) {
                return farm.document(i);
            }
        }
        throw new IllegalStateException("no " + format + " feed in the first 20");
    }

    /** The 100 newest farm items of 20 feeds, as the store would hand them to the publisher. */
    private static List<MergedEntry> mergedEntries(FeedFarm farm) {
        List<MergedEntry> entries = new ArrayList<>();
        for (int f = 0; entries.size() < 100; f++) {
            FeedProfile profile = farm.document(f).profile();
            for (int n = 0; n < 5; n++) {
                FarmItem item = FarmItem.of(FeedFarm.DEFAULT_SEED, profile, n);
                entries.add(new MergedEntry(entries.size() + 1, item.guid(), f, "https://site" + f + ".example/feed",
                        "Site " + f, "https://site" + f + ".example/", item.guid(), item.link(), item.title(),
                        item.summary(), item.content(), item.author(), item.published(), null, item.published()));
            }
        }
        return entries;
    }

    private URI url(FeedFarm.Document document) {
        return URI.create("http://127.1.0.1:8080" + document.profile().path());
    }

    @Benchmark
    public ParsedFeed parseRss() throws Exception {
        return parser.parse(rss.body(), rss.profile().contentType(), url(rss));
    }

    @Benchmark
    public ParsedFeed parseAtom() throws Exception {
        return parser.parse(atom.body(), atom.profile().contentType(), url(atom));
    }

    @Benchmark
    public Object identifyRssEntries() {
        return identity.identify(parsedRss.entries());
    }

    @Benchmark
    public Object romeDateW3c() {
        return DateParser.parseDate(W3C_DATE, Locale.US);
    }

    @Benchmark
    public Object romeDateRfc822() {
        return DateParser.parseDate(RFC_822_DATE, Locale.US);
    }

    @Benchmark
    public Object javaTimeW3c() {
        return OffsetDateTime.parse(W3C_DATE).toInstant();
    }

    @Benchmark
    public Object javaTimeRfc822() {
        return ZonedDateTime.parse(RFC_822_DATE, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    /** A full re-render of the RSS and Atom documents (with their gzip forms and ETags). */
    @Benchmark
    public Object renderMergedFeed() throws Exception {
        publisher.invalidate();
        return rendition.invoke(publisher);
    }
}
