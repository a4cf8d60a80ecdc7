package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.publish.Entries.OUTPUT;
import static org.feedmerge.publish.Entries.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import org.feedmerge.store.MergedEntry;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.feedmerge.testing.SettableClock;

class MergedFeedPublisherTest {

    private static final Instant STARTED = Instant.parse("2024-06-01T00:00:00Z");

    private final SettableClock clock = new SettableClock(STARTED);
    private final CountingEntries store = new CountingEntries(List.of(entry(2).build(), entry(1).build()));
    private final MergedFeedPublisher publisher = new MergedFeedPublisher(OUTPUT, store, clock);

    @Test
    void rendersLazilyOnceAndAsksForTheConfiguredItemCount() {
        assertThat(store.calls()).isZero();

        Rendition first = publisher.rendition();
        Rendition second = publisher.rendition();

        assertThat(store.calls()).isEqualTo(1);
        assertThat(store.lastLimit()).isEqualTo(OUTPUT.itemCount());
        assertThat(second).isSameAs(first);
    }

    @Test
    void invalidateRendersAgainOnceOnTheNextRequest() {
        Rendition before = publisher.rendition();
        store.set(List.of(entry(3).build(), entry(2).build()));

        publisher.invalidate();
        publisher.invalidate();
        Rendition after = publisher.rendition();
        publisher.rendition();

        assertThat(store.calls()).isEqualTo(2);
        assertThat(after.rss().identityEtag).isNotEqualTo(before.rss().identityEtag);
        assertThat(after.atom().identityEtag).isNotEqualTo(before.atom().identityEtag);
        assertThat(after.rss().lastModified).isAfter(before.rss().lastModified);
    }

    @Test
    void unchangedEntriesKeepTheirValidators() {
        Rendition before = publisher.rendition();

        publisher.invalidate();
        Rendition after = publisher.rendition();

        assertThat(store.calls()).isEqualTo(2);
        assertThat(after.rss()).isSameAs(before.rss());
        assertThat(after.atom()).isSameAs(before.atom());
    }

    @Test
    void lastModifiedIsTheFeedsNewestChangeAndMovesOnWhenBytesChangeWithoutANewerEntry() {
        Rendition first = publisher.rendition();
        assertThat(first.rss().lastModified).isEqualTo(Entries.T0.plusSeconds(2 * 3600 + 60));

        store.set(List.of(entry(2).build()));
        publisher.invalidate();
        Rendition withoutOldest = publisher.rendition();

        assertThat(withoutOldest.rss().lastModified).isEqualTo(first.rss().lastModified.plusSeconds(1));
        assertThat(withoutOldest.rss().lastModifiedHeader).isEqualTo("Fri, 01 Mar 2024 12:01:01 GMT");
    }

    @Test
    void emptyFeedIsDatedByTheClockAtConstruction() {
        store.set(List.of());
        MergedFeedPublisher empty = new MergedFeedPublisher(OUTPUT, store, clock);
        clock.advance(Duration.ofHours(5));

        Element channel = Dom.child(Dom.parse(empty.rendition().rss().identity), null, "channel");

        assertThat(Dom.text(channel, null, "lastBuildDate")).isEqualTo("Sat, 01 Jun 2024 00:00:00 GMT");
        assertThat(empty.rendition().rss().lastModified).isEqualTo(STARTED);
    }

    @Test
    void gzipBodyHoldsTheSameBytesUnderItsOwnTag() throws IOException {
        CachedDocument rss = publisher.rendition().rss();

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(rss.gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(rss.identity);
        }
        assertThat(rss.gzipEtag).isEqualTo(rss.identityEtag.replaceAll("\"$", "-gz\""));
        assertThat(rss.identityEtag).matches("\"[0-9a-f]{32}\"");
        assertThat(rss.identityLength).isEqualTo(Integer.toString(rss.identity.length));
    }

    @Test
    void twoPublishersOverTheSameEntriesServeTheSameBytesAndTags() {
        MergedFeedPublisher other = new MergedFeedPublisher(OUTPUT, store, Clock.fixed(STARTED.plusSeconds(999), ZoneOffset.UTC));

        assertThat(other.rendition().atom().identity).isEqualTo(publisher.rendition().atom().identity);
        assertThat(other.rendition().atom().identityEtag).isEqualTo(publisher.rendition().atom().identityEtag);
        assertThat(other.rendition().atom().lastModified).isEqualTo(publisher.rendition().atom().lastModified);
    }

    @Test
    void concurrentRequestsWaitForOneRender() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingEntries slow = new CountingEntries(List.of(entry(1).build()));
        IntFunction<List<MergedEntry>> blocking = limit -> {
            rendering.countDown();
            await(release);
            return slow.apply(limit);
        };
        MergedFeedPublisher slowPublisher = new MergedFeedPublisher(OUTPUT, blocking, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Rendition>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(slowPublisher::rendition));
            }
            assertThat(rendering.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50); // let the other seven reach the lock
            release.countDown();
            for (Future<Rendition> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slow.calls()).isEqualTo(1);
    }

    @Test
    void anInvalidateDuringARenderIsNotLost() {
        AtomicReference<MergedFeedPublisher> self = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        IntFunction<List<MergedEntry>> racing = limit -> {
            if (calls.incrementAndGet() == 1) {
                self.get().invalidate(); // a poll stores new entries while the first render reads
                return List.of(entry(1).build());
            }
            return List.of(entry(3).build());
        };
        self.set(new MergedFeedPublisher(OUTPUT, racing, clock));

        Rendition first = self.get().rendition();
        Rendition second = self.get().rendition();

        assertThat(calls).hasValue(2);
        assertThat(second).isNotSameAs(first);
        assertThat(new String(second.rss().identity, StandardCharsets.UTF_8)).contains("Post 3");
    }

    @Test
    void aFailedRenderKeepsThePreviousDocumentsAndRetriesAfterASecond() {
        Rendition good = publisher.rendition();
        store.failWith(new IllegalStateException("database is locked"));

        publisher.invalidate();
        assertThat(publisher.rendition()).isSameAs(good);
        assertThat(publisher.rendition()).isSameAs(good);
        assertThat(store.calls()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        store.failWith(null);
        store.set(List.of(entry(5).build()));
        assertThat(publisher.rendition()).isNotSameAs(good);
        assertThat(store.calls()).isEqualTo(3);
    }

    /**
     * A render that fails reading the entries (a locked database) shows nothing, and must not make the
     * next render forget what the last good one sanitised: the retry would sanitise every entry again.
     */
    @Test
    void aRenderThatFailsReadingTheEntriesKeepsWhatTheLastOneSanitised() throws ReflectiveOperationException {
        publisher.rendition();
        SanitizedHtml remembered = sanitizedHtmlOf(publisher);
        String summary = remembered.clean("<p>Summary 2</p>", null); // entry 2's, as the render sanitised it

        store.failWith(new IllegalStateException("database is locked"));
        publisher.invalidate();
        publisher.rendition();
        store.failWith(null);
        publisher.invalidate();
        publisher.rendition();

        assertThat(remembered.clean("<p>Summary 2</p>", null)).isSameAs(summary);
    }

    private static SanitizedHtml sanitizedHtmlOf(MergedFeedPublisher publisher) throws ReflectiveOperationException {
        java.lang.reflect.Field field = MergedFeedPublisher.class.getDeclaredField("sanitizedHtml");
        field.setAccessible(true);
        return (SanitizedHtml) field.get(publisher);
    }

    @Test
    void beforeAnyRenderSucceedsThereIsNothingToServe() {
        store.failWith(new IllegalStateException("no database yet"));
        assertThat(publisher.rendition()).isNull();

        store.failWith(null);
        publisher.invalidate();
        assertThat(publisher.rendition()).isNotNull();
    }

    @Test
    void selfLinksResolveAgainstThePublicBase() {
        MergedFeedPublisher behindProxy = new MergedFeedPublisher(OUTPUT, store, clock, URI.create("https://feeds.example.net"));

        Element channel = Dom.child(Dom.parse(behindProxy.rendition().rss().identity), null, "channel");
        Element feed = Dom.parse(behindProxy.rendition().atom().identity);

        assertThat(Dom.child(channel, Dom.ATOM, "link").getAttribute("href")).isEqualTo("https://feeds.example.net/feed.xml");
        assertThat(Dom.children(feed, Dom.ATOM, "link")).extracting(link -> link.getAttribute("href"))
                .contains("https://feeds.example.net/feed.atom");
        assertThat(Dom.child(Dom.child(Dom.parse(publisher.rendition().rss().identity), null, "channel"), Dom.ATOM, "link")
                .getAttribute("href")).isEqualTo("https://news.example.org/feed.xml");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
