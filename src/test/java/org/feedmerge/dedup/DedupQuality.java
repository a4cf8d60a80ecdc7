package org.feedmerge.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedmerge.config.WinnerRule;
import org.feedmerge.parse.ParsedEntry;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.MergedEntry;
import org.feedmerge.store.NewEntry;
import org.feedmerge.store.PollRecord;
import org.feedmerge.store.PollStatus;
import org.feedmerge.store.StorySource;
import org.feedmerge.store.StoryRules;

/**
 * Ingests a {@link LabelledSet} through the real stages (entry identity, then the store in a
 * SQLite file) and scores the store's story grouping against the labels.
 *
 * <p>Pairwise scores over items: a pair is predicted when the merged feed shows both items in one
 * story, true when both carry the same label. Precision = true predicted pairs / predicted pairs
 * (how rarely two different stories are merged); recall = true predicted pairs / true pairs.
 */
final class DedupQuality {

    /** The outcome of one ingest. */
    record Result(int items, int stories, long truePairs, long predictedPairs, long correctPairs, long nanos,
            Map<LabelledSet.Variant, long[]> missedByVariant) {
        double precision() {
            return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
        }

        double recall() {
            return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
        }

        double itemsPerSecond() {
            return items / (nanos / 1e9);
        }
    }

    private static final EntryIdentity IDENTITY = new EntryIdentity();

    private DedupQuality() {
    }

    /** Ingests every item, one poll per feed and hour of publication, into a new database in {@code dir}. */
    static Result run(LabelledSet set, boolean crossFeed, Path dir) {
        Path file = dir.resolve("quality-" + System.nanoTime() + ".db");
        StoryRules rules = new StoryRules(crossFeed, WinnerRule.EARLIEST, false);
        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database, rules);
            Map<LabelledSet.Feed, Long> feedIds = new HashMap<>();
            for (LabelledSet.Feed feed : set.feeds()) {
                feedIds.put(feed, feeds.register(feed.url(), feed.title()).id());
            }
            long started = System.nanoTime();
            for (Map.Entry<List<Object>, List<ParsedEntry>> poll : polls(set).entrySet()) {
                Instant checkedAt = (Instant) poll.getKey().get(1);
                feeds.recordPoll(feedIds.get((LabelledSet.Feed) poll.getKey().get(0)), ok(checkedAt),
                        identified(poll.getValue()));
            }
            long nanos = System.nanoTime() - started;
            return score(set, new EntryStore(database, rules).newest(Integer.MAX_VALUE), nanos);
        } finally {
            delete(file);
        }
    }

    /** Items grouped by (feed, end of the hour they were published in), in time order. */
    private static Map<List<Object>, List<ParsedEntry>> polls(LabelledSet set) {
        Map<List<Object>, List<ParsedEntry>> polls = new LinkedHashMap<>();
        for (LabelledSet.Item item : set.items()) {
            Instant hour = item.entry().published().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            polls.computeIfAbsent(List.of(item.feed(), hour), key -> new ArrayList<>()).add(0, item.entry());
        }
        List<Map.Entry<List<Object>, List<ParsedEntry>>> ordered = new ArrayList<>(polls.entrySet());
        ordered.sort(Comparator.comparing(e -> (Instant) e.getKey().get(1)));
        Map<List<Object>, List<ParsedEntry>> result = new LinkedHashMap<>();
        ordered.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static List<NewEntry> identified(List<ParsedEntry> document) {
        List<NewEntry> entries = new ArrayList<>();
        for (IdentifiedEntry identified : IDENTITY.identify(document)) {
            ParsedEntry e = identified.entry();
            entries.add(new NewEntry(identified.key(), identified.contentHash(), e.guid(), e.link().toString(),
                    e.title(), e.summary(), e.content(), e.author(), e.published(), e.updated(),
                    identified.keys(), identified.normalised(),
                    e.htmlBase() == null ? null : e.htmlBase().toString()));
        }
        return entries;
    }

    private static PollRecord ok(Instant checkedAt) {
        return new PollRecord(checkedAt, PollStatus.OK, 200, null, null, null, checkedAt.plus(Duration.ofHours(1)),
                null, null);
    }

    private static Result score(LabelledSet set, List<MergedEntry> merged, long nanos) {
        Map<String, LabelledSet.Item> byFeedAndLink = new HashMap<>();
        Map<Integer, Integer> labelSizes = new HashMap<>();
        for (LabelledSet.Item item : set.items()) {
            byFeedAndLink.put(item.feed().url() + " " + item.entry().link(), item);
            labelSizes.merge(item.story(), 1, Integer::sum);
        }
        long predicted = 0;
        long correct = 0;
        Map<LabelledSet.Variant, long[]> missed = new java.util.EnumMap<>(LabelledSet.Variant.class);
        for (MergedEntry story : merged) {
            List<LabelledSet.Item> members = new ArrayList<>();
            members.add(byFeedAndLink.get(story.feedUrl() + " " + story.link()));
            for (StorySource source : story.otherSources()) {
                members.add(byFeedAndLink.get(source.feedUrl() + " " + source.link()));
            }
            predicted += pairs(members.size());
            Map<Integer, Integer> labels = new HashMap<>();
            members.forEach(m -> labels.merge(m.story(), 1, Integer::sum));
            for (int count : labels.values()) {
                correct += pairs(count);
            }
            if (labels.size() > 1 && Boolean.getBoolean("dedup.showMixed")) {
                System.out.println("mixed story: " + members.stream()
                        .map(m -> "label " + m.story() + " " + m.variant() + " \"" + m.entry().title() + "\"").toList());
            }
            for (LabelledSet.Item member : members) {
                long[] counts = missed.computeIfAbsent(member.variant(), v -> new long[2]);
                counts[0]++;
                if (labels.get(member.story()) < labelSizes.get(member.story())) {
                    counts[1]++;
                }
            }
        }
        long truePairs = labelSizes.values().stream().mapToLong(DedupQuality::pairs).sum();
        return new Result(set.items().size(), merged.size(), truePairs, predicted, correct, nanos, missed);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static void delete(Path file) {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
