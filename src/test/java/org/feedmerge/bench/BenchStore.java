package org.feedmerge.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.NewEntry;
import org.feedmerge.store.PollRecord;
import org.feedmerge.store.PollStatus;
import org.feedmerge.store.StoreCounts;

/** Fills a database through the real store API with farm items, one recordPoll per batch. */
final class BenchStore {
    private final FeedStore feeds;
    private final long seed;

    BenchStore(FeedStore feeds, long seed) {
        this.feeds = feeds;
        this.seed = seed;
    }

    /** Registers farm feed {@code index} and records one 200 poll carrying {@code items} of its items from {@code first}. */
    StoreCounts record(int index, int first, int items) {
        FeedProfile profile = FeedProfile.of(seed, index);
        long id = feeds.register(url(index), null).id();
        List<NewEntry> entries = new ArrayList<>(items);
        for (int number = first + items - 1; number >= first; number--) {
            entries.add(entry(FarmItem.of(seed, profile, number)));
        }
        Instant now = Instant.now();
        return feeds.recordPoll(id, new PollRecord(now, PollStatus.OK, 200, null, "\"v1\"", null,
                now.plus(Duration.ofMinutes(30)), "Site " + index, "https://site" + index + ".example/"), entries);
    }

    /** Where farm feed {@code index} is registered (never fetched: its next poll is 30 minutes out). */
    static URI url(int index) {
        return URI.create("https://site" + index + ".example/feed");
    }

    static NewEntry entry(FarmItem item) {
        return new NewEntry("guid:" + item.guid(), sha256(item.title() + item.summary() + item.content()), item.guid(),
                item.link(), item.title(), item.summary(), item.content(), item.author(), item.published(), null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
