package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Documents.identified;
import static org.feedmerge.store.Documents.item;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.feedmerge.parse.ParsedEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poll threads look for copies in the committed index before they take the write lock, and the
 * writer searches only what was buffered since: with many feeds carrying the same stories stored
 * at once, every story must still come out as one item: whether the buffer moves into the index
 * every few entries (what a thread found is then often stale when it writes) or never.
 */
class ConcurrentStoryGroupingTest {

    private static final int FEEDS = 16;
    /** Each carried by exactly two feeds, polled by different threads: one missed copy splits it. */
    private static final int STORIES = 48;
    private static final int THREADS = 4;
    private static final String[] TOPICS = {"harbour bridge", "city library", "tram line", "river flood",
        "school budget", "airport runway", "museum roof", "football stadium"};

    @TempDir
    Path dir;

    /**
     * @param flushRows 40: the buffer moves into the index every few entries, so most lookups are
     *                  stale by the time their poll writes; 100,000: it never moves, so every copy
     *                  is found in the writer's buffer
     */
    @ParameterizedTest
    @ValueSource(ints = {40, 100_000})
    void storiesStoredConcurrentlyByTwoFeedsEachComeOutAsOneItem(int flushRows) throws Exception {
        for (int round = 0; round < 3; round++) {
            try (Database database = Database.open(dir.resolve(flushRows + "-" + round + ".db"), flushRows)) {
                FeedStore feeds = new FeedStore(database);
                List<Long> ids = new ArrayList<>();
                for (int feed = 0; feed < FEEDS; feed++) {
                    ids.add(feeds.register(URI.create("https://f" + feed + ".test/feed"), "f" + feed).id());
                }
                storeConcurrently(feeds, ids);

                List<MergedEntry> merged = new EntryStore(database).newest(2 * STORIES);
                assertThat(merged).as("round %d", round).hasSize(STORIES)
                        .allSatisfy(story -> assertThat(story.otherSources()).hasSize(1));
            }
        }
    }

    private static void storeConcurrently(FeedStore feeds, List<Long> ids) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int first = thread;
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    // Thread t polls feeds t, t+4, ...; story s is in feeds s % 16 and (s + 5) % 16,
                    // which two different threads poll. One story per poll, so polls interleave.
                    for (int story = 0; story < STORIES; story++) {
                        for (int feed : new int[] {story % FEEDS, (story + 5) % FEEDS}) {
                            if (feed % THREADS == first) {
                                feeds.recordPoll(ids.get(feed), Polls.ok(at(story)), identified(copy(feed, story)));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Feed {@code feed}'s copy of story {@code story}: its own guid and link, the story's text (no two alike). */
    private static ParsedEntry copy(int feed, int story) {
        StringBuilder text = new StringBuilder("<p>");
        for (int word = 0; word < 80; word++) {
            text.append(word == 0 ? "" : " ").append(TOPICS[(story + word) % TOPICS.length].split(" ")[word % 2])
                    .append(story).append('x').append(word * 7 % 13);
        }
        String topic = TOPICS[story % TOPICS.length];
        return item("f" + feed + "-s" + story, "https://f" + feed + ".test/" + story, "Delay for the " + topic, text
                .append("</p>").toString(), T0.minusSeconds(600L * (story + 1)));
    }
}
