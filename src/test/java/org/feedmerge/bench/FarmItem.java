package org.feedmerge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One item of a farm feed, drawn from (seed, feed, item number) alone. Item numbers grow with
 * time: a feed's version v carries the numbers {@code [v * ADDED_PER_CHANGE, v * ADDED_PER_CHANGE
 * + itemCount)}, newest first. About 8% of items are cross-posted: they tell one of a shared pool
 * of stories, with that story's link, title and text, under the feed's own guid and date.
 */
record FarmItem(String guid, String link, String title, String summary, String content, String author,
        Instant published) {

    static final Instant BASE_TIME = Instant.parse("2025-06-01T12:00:00Z");
    static final int ADDED_PER_CHANGE = 5;
    private static final int SHARED_STORIES = 1_500;
    private static final int CROSS_POSTED_PERCENT = 8;

    static FarmItem of(long seed, FeedProfile feed, int number) {
        SplittableRandom own = new SplittableRandom(FarmText.mix(seed, feed.index(), number));
        boolean crossPosted = own.nextInt(100) < CROSS_POSTED_PERCENT;
        String site = "https://site" + feed.index() + ".example";
        Instant published = BASE_TIME.minus(Duration.ofHours((long) (feed.itemCount() - 1 - number) * feed.hourStep()))
                .plusSeconds(own.nextInt(3600));
        String author = FarmText.name(own);
        String guid = "tag:site" + feed.index() + ".example,2025:item-" + number;
        if (crossPosted) {
            int story = own.nextInt(SHARED_STORIES);
            SplittableRandom shared = new SplittableRandom(FarmText.mix(seed, -2, story));
            String link = "https://news.example/stories/" + story;
            return withText(shared, feed, guid, link, author, published);
        }
        String link = site + "/2025/" + number + "-" + Integer.toHexString(own.nextInt(1 << 20));
        if (feed.index() % 3 == 0) {
            guid = link; // isPermaLink guids: the link doubles as the id
        }
        return withText(own, feed, guid, link, author, published);
    }

    private static FarmItem withText(SplittableRandom random, FeedProfile feed, String guid, String link,
            String author, Instant published) {
        String title = FarmText.words(random, 4, 12);
        int summaryChars = 100 + random.nextInt(400);
        String summary = feed.html() ? FarmText.html(random, summaryChars, link) : FarmText.prose(random, summaryChars);
        String content = feed.fullContent() ? FarmText.html(random, 400 + random.nextInt(2100), link) : null;
        return new FarmItem(guid, link, title, summary, content, author, published);
    }

    boolean guidIsLink() {
        return guid.equals(link);
    }
}
