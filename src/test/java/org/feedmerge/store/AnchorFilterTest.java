package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedmerge.store.Documents.identified;
import static org.feedmerge.store.Documents.item;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter of the anchors the index may hold never says "absent" of one it holds (a missed
 * copy), mostly says "absent" of the others (what it is for), and answers only when it knows the
 * whole index.
 */
class AnchorFilterTest {

    private static final String TEXT = "<p>The city council voted on Tuesday to close the old harbour bridge for two"
            + " years of repairs, after engineers found cracks in three of its steel supports during a routine"
            + " inspection last month.</p><p>Ferries will run every ten minutes while the work goes on.</p>";
    private static final String EDITED = TEXT.replace("Ferries will run every ten minutes",
            "Buses will replace the ferries at night, a spokesman for the port authority said later");

    @TempDir
    Path dir;

    @Test
    void everyAnchorAddedIsMaybeHeldAsTheFilterGrowsBlockByBlock() {
        AnchorFilter filter = AnchorFilter.forEmptyIndex();
        Random random = new Random(7);
        int[] anchors = new int[600_000]; // several blocks: the first holds about 100,000
        for (int i = 0; i < anchors.length; i++) {
            // Anchors are chosen by their low bits (docs/dedup.md): many end in zeros.
            anchors[i] = i % 2 == 0 ? random.nextInt() << 6 : random.nextInt();
        }
        for (int from = 0; from < anchors.length; from += 1_000) {
            filter.add(Arrays.copyOfRange(anchors, from, from + 1_000));
        }
        for (int anchor : anchors) {
            assertThat(filter.mightHold(anchor)).as("anchor %d", anchor).isTrue();
        }
    }

    @Test
    void anchorsNeverAddedAreMostlyAnsweredAbsent() {
        AnchorFilter filter = AnchorFilter.forEmptyIndex();
        Random random = new Random(11);
        Set<Integer> added = new HashSet<>();
        int[] batch = new int[600_000];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = random.nextInt() << 2;
            added.add(batch[i]);
        }
        filter.add(batch);
        int asked = 0;
        int maybe = 0;
        while (asked < 100_000) {
            int anchor = random.nextInt() << 2;
            if (!added.contains(anchor)) {
                asked++;
                maybe += filter.mightHold(anchor) ? 1 : 0;
            }
        }
        assertThat(maybe).as("false 'maybe' out of %d", asked).isLessThan(asked * 4 / 100);
    }

    @Test
    void aFilterThatWouldOutgrowItsLimitStopsAnsweringInsteadOfForgetting() {
        AnchorFilter filter = AnchorFilter.forEmptyIndex(3L << 20); // room for the first two blocks only
        Random random = new Random(5);
        int[] anchors = new int[400_000]; // the first two blocks hold about 315,000
        for (int i = 0; i < anchors.length; i++) {
            anchors[i] = random.nextInt();
        }
        filter.add(Arrays.copyOfRange(anchors, 0, 300_000));
        assertThat(filter.isComplete()).isTrue();
        assertThat(filter.mightHold(anchors[350_000])).as("not added yet").isFalse();

        filter.add(Arrays.copyOfRange(anchors, 300_000, anchors.length));

        assertThat(filter.isComplete()).isFalse();
        for (int anchor : anchors) {
            assertThat(filter.mightHold(anchor)).isTrue();
        }
    }

    @Test
    void anchorsAddedAgainDoNotFillTheFilter() {
        AnchorFilter filter = AnchorFilter.forEmptyIndex(1 << 20); // one block: about 104,000 anchors
        Random random = new Random(9);
        int[] anchors = new int[90_000];
        for (int i = 0; i < anchors.length; i++) {
            anchors[i] = random.nextInt();
        }
        for (int round = 0; round < 5; round++) { // copies share anchors; a rolled back move is redone
            filter.add(anchors);
        }
        assertThat(filter.isComplete()).as("450,000 adds of 90,000 anchors fit one block").isTrue();
    }

    @Test
    void aSizeLimitAboveTheDefaultIsRefused() {
        assertThatThrownBy(() -> AnchorFilter.forEmptyIndex(1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterThatDoesNotKnowTheIndexSaysMaybeToEverything() {
        AnchorFilter filter = AnchorFilter.unknown();
        filter.add(new int[] {1, 2, 3});
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            assertThat(filter.mightHold(random.nextInt())).isTrue();
        }
        assertThat(filter.isComplete()).isFalse();
    }

    @Test
    void aDatabaseWhoseIndexIsEmptyKnowsItOneWithAnIndexDoesNot() {
        Path file = dir.resolve("feedmerge.db");
        try (Database database = Database.open(file)) {
            assertThat(database.anchorBuffer().filter().isComplete()).isTrue();
            FeedStore feeds = new FeedStore(database);
            poll(feeds, feed(feeds, "a"), T0, "a-1", TEXT);
            database.write("flush", connection -> {
                database.anchorBuffer().flush(connection);
                return null;
            });
        }
        try (Database database = Database.open(file)) {
            assertThat(indexed(database)).isNotEmpty();
            assertThat(database.anchorBuffer().filter().isComplete()).isFalse();
        }
    }

    @Test
    void everyAnchorTheIndexHoldsIsInTheFilterAfterFlushesEditsAndRecovery() {
        Path file = dir.resolve("feedmerge.db");
        Database stopped = Database.open(file, 20);
        try {
            FeedStore feeds = new FeedStore(stopped);
            poll(feeds, feed(feeds, "a"), T0, "a-1", TEXT); // buffered, never flushed: as if killed
            try (Database database = Database.open(file, 20)) { // flushes after 20 rows
                AnchorFilter filter = database.anchorBuffer().filter();
                assertThat(filter.isComplete()).as("nothing was flushed yet").isTrue();
                FeedStore next = new FeedStore(database);
                long b = next.register(URI.create("https://b.test/feed"), "b").id();
                assertThat(indexed(database)).as("recovery buffers, it does not index").isEmpty();
                assertThat(database.anchorBuffer().rows()).as("buffered again by the first write").isPositive();
                for (int i = 0; i < 5; i++) {
                    poll(next, b, at(i + 1), "b-" + i, TEXT.replace("Tuesday", "day " + i));
                }
                poll(next, b, at(10), "b-0", EDITED.replace("Tuesday", "day 0")); // an edit: indexed at once
                List<Integer> all = indexed(database);
                assertThat(indexedRowsOf(database, 1)).as("the recovered entry moved with the others").isPositive();
                assertThat(all).allSatisfy(anchor -> assertThat(filter.mightHold(anchor)).isTrue());
            }
        } finally {
            stopped.close();
        }
    }

    /** An entry's rows in story_anchors, as the write connection sees them. */
    private static long indexedRowsOf(Database database, long entryId) {
        return database.write("rows of " + entryId, connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT count(*) FROM story_anchors WHERE entry_id = " + entryId)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** The anchors in story_anchors, as the write connection sees them. */
    private static List<Integer> indexed(Database database) {
        return database.write("anchors", connection -> {
            List<Integer> anchors = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT anchor FROM story_anchors")) {
                while (rows.next()) {
                    anchors.add(rows.getInt(1));
                }
            }
            return anchors;
        });
    }

    private static long feed(FeedStore feeds, String name) {
        return feeds.register(URI.create("https://" + name + ".test/feed"), name).id();
    }

    private static void poll(FeedStore feeds, long feedId, Instant at, String guid, String html) {
        feeds.recordPoll(feedId, Polls.ok(at), identified(item(guid, "https://x.test/" + guid, "Harbour bridge to close",
                html, at(-60))));
    }
}
