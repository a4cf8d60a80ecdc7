package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Polls.T0;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.feedmerge.dedup.StoryFingerprint;
import org.feedmerge.dedup.StoryMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poll's new entries are looked up in the committed index together ({@link StoryGrouper#storedMatches(
 * PreparedStatement, PreparedStatement, PreparedStatement, long, List)}): each must get exactly what
 * SQL finds for it alone (the reference queries below), including when more than
 * {@value StoryGrouper#MAX_CANDIDATES} entries share anchors with it, when candidates fall outside
 * its window, and when its link is another feed's.
 */
class BatchLookupTest {

    private static final String[] WORDS = ("harbour bridge council vote budget river flood tram line museum roof "
            + "airport runway school teacher strike mayor election stadium library storm power outage rail "
            + "union wage hospital nurse police report court ruling fire station park").split(" ");

    @TempDir
    Path dir;

    @Test
    void batchFindsWhatEachEntrysOwnLookupFinds() throws Exception {
        Random random = new Random(3);
        List<String> stories = new ArrayList<>();
        for (int story = 0; story < 12; story++) {
            stories.add(text(random, 60 + random.nextInt(200)));
        }
        try (Database database = Database.open(dir.resolve("batch.db"), 50)) { // the buffer moves often
            FeedStore feeds = new FeedStore(database);
            // 30 feeds carry story 0 (more candidates than the limit), the others a few stories each,
            // published over three weeks (some outside a probe's window).
            for (int feed = 0; feed < 30; feed++) {
                long id = feeds.register(URI.create("https://f" + feed + ".test/feed"), "f" + feed).id();
                List<NewEntry> entries = new ArrayList<>();
                for (int story = 0; story < stories.size(); story++) {
                    if (story == 0 || (feed + story) % 4 == 0) {
                        Instant published = T0.plus(Duration.ofDays((feed + story) % 21));
                        String body = story == 0 || feed % 3 > 0 ? stories.get(story) : excerpt(stories.get(story));
                        entries.add(entry(feed, story, "Story " + story + " as told by " + feed, body, published));
                    }
                }
                feeds.recordPoll(id, Polls.ok(T0), entries);
            }
            feeds.recordPoll(feeds.register(URI.create("https://flush.test/feed"), "flush").id(), Polls.ok(T0),
                    List.of(entry(99, 99, "filler", text(random, 80), T0)));

            List<StoryGrouper.Probe> probes = new ArrayList<>();
            for (int story = 0; story < stories.size(); story++) {
                for (int days : new int[] {0, 10, 30}) {
                    long published = T0.plus(Duration.ofDays(days)).toEpochMilli();
                    probes.add(new StoryGrouper.Probe(StoryFingerprint.of("A headline " + story,
                            "https://probe.test/" + story, null, "<p>" + stories.get(story) + "</p>"), published));
                    probes.add(new StoryGrouper.Probe(StoryFingerprint.of("Copied " + story,
                            link(story % 7, story), null, excerpt(stories.get(story))), published));
                }
            }
            probes.add(new StoryGrouper.Probe(StoryFingerprint.of("Unrelated", "https://probe.test/u", null,
                    text(random, 120)), T0.toEpochMilli()));
            long probeFeed = feeds.register(URI.create("https://probe.test/feed"), "probe").id();

            Lookups lookups = lookUpBothWays(database, probeFeed, probes);
            List<Set<Long>> oneByOne = lookups.oneByOne();

            assertThat(lookups.together()).isEqualTo(oneByOne);
            assertThat(oneByOne.get(0)).as("story 0 has more copies than candidates")
                    .hasSize(StoryGrouper.MAX_CANDIDATES);
            assertThat(oneByOne.get(4)).as("30 days later nothing is in the window").isEmpty();
            assertThat(oneByOne.get(oneByOne.size() - 1)).as("an unrelated text").isEmpty();
            assertThat(oneByOne.stream().filter(matches -> !matches.isEmpty()).count()).isGreaterThan(stories.size());
        }
    }

    /**
     * A canonical link with an unpaired surrogate (a JSON Feed's "url" may hold "\\ud800") is stored and
     * bound as UTF-8 with '?' in its place: the batch must match links as SQLite compares them, not by
     * the Java string.
     */
    @Test
    void batchFindsLinkedCopiesOfALinkWithAnUnpairedSurrogate() throws Exception {
        String link = "https://a.test/\ud800z/1";
        try (Database database = Database.open(dir.resolve("surrogate.db"), 1000)) {
            FeedStore feeds = new FeedStore(database);
            long other = feeds.register(URI.create("https://other.test/feed"), "other").id();
            feeds.recordPoll(other, Polls.ok(T0), List.of(new NewEntry("guid:1", "hash-1", "1", link, "Title", null,
                    "<p>short</p>", "author", T0, null)));
            long probeFeed = feeds.register(URI.create("https://probe.test/feed"), "probe").id();
            List<StoryGrouper.Probe> probes = List.of(new StoryGrouper.Probe(
                    StoryFingerprint.of("Title", link, null, "short"), T0.toEpochMilli()));
            Lookups lookups = lookUpBothWays(database, probeFeed, probes);
            assertThat(lookups.oneByOne().get(0)).as("the entry's own lookup finds the other feed's copy").hasSize(1);
            assertThat(lookups.together()).isEqualTo(lookups.oneByOne());
        }
    }

    /** What SQLite finds for each probe on its own (the reference), and what the batch finds for all of them. */
    private record Lookups(List<Set<Long>> oneByOne, List<Set<Long>> together) {
    }

    /**
     * The reference: per probe, entries of other feeds with its canonical link, and the top
     * candidates by shared anchors as SQL groups, orders and limits them, verified the same way.
     */
    private static final String LINKED = "SELECT id FROM entries WHERE canonical_url = ? AND feed_id <> ?";
    private static final String CANDIDATES = """
            SELECT p.entry_id, p.shingles, p.title
            FROM (SELECT entry_id, count(*) AS shared FROM story_anchors
                  WHERE anchor IN (SELECT value FROM json_each(?1)) AND feed_id <> ?2 AND published BETWEEN ?3 AND ?4
                  GROUP BY entry_id ORDER BY shared DESC, entry_id LIMIT %d) c
            JOIN entry_prints p ON p.entry_id = c.entry_id""".formatted(StoryGrouper.MAX_CANDIDATES);

    private static Lookups lookUpBothWays(Database database, long feedId, List<StoryGrouper.Probe> probes) {
        return database.read("lookups", connection -> {
            try (Statements statements = new Statements(connection)) {
                PreparedStatement linked = statements.prepare(LINKED);
                PreparedStatement candidates = statements.prepare(CANDIDATES);
                List<Set<Long>> oneByOne = new ArrayList<>();
                for (StoryGrouper.Probe probe : probes) {
                    oneByOne.add(lookUpAlone(linked, candidates, feedId, probe));
                }
                return new Lookups(oneByOne, StoryGrouper.storedMatches(
                        statements.prepare(StoryGrouper.LINKED_ENTRIES), statements.prepare(StoryGrouper.POSTINGS),
                        statements.prepare(StoryGrouper.PRINTS), database.anchorBuffer().filter(), feedId, probes));
            }
        });
    }

    private static Set<Long> lookUpAlone(PreparedStatement linked, PreparedStatement candidates, long feedId,
            StoryGrouper.Probe probe) throws SQLException {
        StoryFingerprint fingerprint = probe.fingerprint();
        Set<Long> entries = new HashSet<>();
        if (fingerprint.linkNamesAnArticle()) {
            linked.setString(1, fingerprint.canonicalUrl());
            linked.setLong(2, feedId);
            entries.addAll(RowMapper.list(linked, row -> row.getLong(1)));
        }
        if (fingerprint.anchors().length == 0) {
            return entries;
        }
        long window = StoryGrouper.WINDOW.toMillis();
        candidates.setString(1, StoryGrouper.anchorList(fingerprint.anchors()));
        candidates.setLong(2, feedId);
        candidates.setLong(3, probe.published() - window);
        candidates.setLong(4, probe.published() + window);
        try (ResultSet rows = candidates.executeQuery()) {
            while (rows.next()) {
                StoryFingerprint other = StoryFingerprint.stored(null, rows.getBytes("shingles"), rows.getString("title"));
                if (StoryMatch.score(fingerprint, other) > 0) {
                    entries.add(rows.getLong("entry_id"));
                }
            }
        }
        return entries;
    }

    private static NewEntry entry(int feed, int story, String title, String body, Instant published) {
        return new NewEntry("guid:" + story, "hash-" + feed + "-" + story, String.valueOf(story), link(feed, story),
                title, null, "<p>" + body + "</p>", "author", published, null);
    }

    private static String link(int feed, int story) {
        return "https://f" + feed + ".test/story/" + story;
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString().strip();
    }

    private static String excerpt(String text) {
        String[] words = text.split(" ");
        return String.join(" ", List.of(words).subList(0, Math.min(words.length, 40)));
    }
}
