package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Documents.identified;
import static org.feedmerge.store.Documents.item;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.feedmerge.config.WinnerRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Story grouping at insert, the winner rules and stable ids, with real inserts. */
class StoryGroupingTest {

    private static final String TEXT = "<p>The city council voted on Tuesday to close the old harbour bridge for two"
            + " years of repairs, after engineers found cracks in three of its steel supports during a routine"
            + " inspection last month.</p><p>Ferries will run every ten minutes while the work goes on.</p>";
    private static final String OTHER_TEXT = "<p>The regional orchestra announced its new season on Monday, with"
            + " twelve concerts in the restored opera house and a festival of chamber music in the summer.</p>";

    @TempDir
    Path dir;

    private Database database;
    private FeedStore feeds;
    private EntryStore entries;

    private void open(StoryRules rules) {
        database = Database.open(dir.resolve("feedmerge.db"));
        feeds = new FeedStore(database, rules);
        entries = new EntryStore(database, rules);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long feed(String name, boolean original, int position) {
        long id = feeds.register(URI.create("https://" + name + ".test/feed"), name).id();
        feeds.configure(id, original, position);
        return id;
    }

    private void poll(long feedId, Instant at, String guid, String link, String title, String html, Instant published) {
        feeds.recordPoll(feedId, Polls.ok(at), identified(item(guid, link, title, html, published)));
    }

    @Test
    void theSameStoryFromTwoFeedsIsShownOnceUnderTheFirstIdWithTheOtherAsSource() {
        open(StoryRules.DEFAULT);
        long a = feed("a", false, 0);
        long b = feed("b", false, 1);
        poll(a, T0, "a-1", "https://a.test/bridge", "Harbour bridge to close", TEXT, at(-60));
        poll(b, at(5), "b-1", "https://b.test/2024/bridge-closure", "Old bridge shut for repairs", TEXT, at(-30));

        List<MergedEntry> merged = entries.newest(10);
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).publicId()).isEqualTo("a-1");
        assertThat(merged.get(0).feedId()).isEqualTo(a);
        assertThat(merged.get(0).otherSources()).containsExactly(
                new StorySource("b", "https://b.test/feed", "https://site.test/", "https://b.test/2024/bridge-closure"));
    }

    @Test
    void aLaterCopyThatWinsKeepsTheStorysIdAndPlace() {
        open(new StoryRules(true, WinnerRule.EARLIEST, false));
        long a = feed("a", false, 0);
        long b = feed("b", false, 1);
        long c = feed("c", false, 2);
        poll(a, T0, "a-1", "https://a.test/bridge", "Harbour bridge to close", TEXT, at(-60));
        poll(c, at(1), "c-1", "https://c.test/concerts", "New season", OTHER_TEXT, at(-10));
        List<MergedEntry> before = entries.newest(10);
        poll(b, at(5), "b-1", "https://b.test/bridge", "Bridge closes", TEXT, at(-120));

        List<MergedEntry> after = entries.newest(10);
        assertThat(after).extracting(MergedEntry::publicId).containsExactly("c-1", "a-1")
                .isEqualTo(before.stream().map(MergedEntry::publicId).toList());
        assertThat(after.get(1).feedId()).as("the earlier copy wins").isEqualTo(b);
        assertThat(after.get(1).published()).isEqualTo(at(-120));
    }

    @Test
    void anOriginalFeedBeatsEarlierCopiesAndConfigOrderFollowsTheConfig() {
        open(StoryRules.DEFAULT);
        long aggregator = feed("aggregator", false, 0);
        long original = feed("original", true, 1);
        poll(aggregator, T0, "agg-1", "https://aggregator.test/r/1", "Bridge closes", TEXT, at(-120));
        poll(original, at(5), "orig-1", "https://original.test/bridge", "Harbour bridge to close", TEXT, at(-60));

        assertThat(entries.newest(10)).singleElement().satisfies(e -> {
            assertThat(e.feedId()).isEqualTo(original);
            assertThat(e.publicId()).isEqualTo("agg-1");
        });
        assertThat(new EntryStore(database, new StoryRules(true, WinnerRule.EARLIEST, false)).newest(10))
                .singleElement().extracting(MergedEntry::feedId).isEqualTo(aggregator);
        feeds.configure(original, true, 5);
        assertThat(new EntryStore(database, new StoryRules(true, WinnerRule.CONFIG_ORDER, false)).newest(10))
                .singleElement().extracting(MergedEntry::feedId).isEqualTo(aggregator);
    }

    @Test
    void aTrackingTaggedLinkJoinsTheStoryEvenWithoutText() {
        open(StoryRules.DEFAULT);
        long a = feed("a", false, 0);
        long hn = feed("hn", false, 1);
        poll(a, T0, "a-1", "https://a.test/bridge", "Harbour bridge to close", TEXT, at(-60));
        poll(hn, at(5), "hn-1", "http://www.a.test/bridge/?utm_source=hn&utm_medium=rss#comments",
                "Harbour bridge to close (a.test)", "<a href=\"https://hn.test/item?id=1\">Comments</a>", at(-50));

        assertThat(entries.newest(10)).singleElement().satisfies(e -> assertThat(e.otherSources()).hasSize(1));
    }

    @Test
    void linksToAHomePageDoNotMakeAStory() {
        open(StoryRules.DEFAULT);
        long a = feed("a", false, 0);
        long b = feed("b", false, 1);
        poll(a, T0, "a-1", "https://news.test/", "Harbour bridge to close", "<p>Short.</p>", at(-60));
        poll(b, at(5), "b-1", "https://www.news.test", "Orchestra season", "<p>Other.</p>", at(-50));

        assertThat(entries.newest(10)).hasSize(2);
    }

    @Test
    void itemsOfTheSameFeedOrFarApartInTimeAreNotGrouped() {
        open(StoryRules.DEFAULT);
        long a = feed("a", false, 0);
        long b = feed("b", false, 1);
        poll(a, T0, "a-1", "https://a.test/bridge", "Harbour bridge to close", TEXT, at(-60));
        poll(a, at(5), "a-2", "https://a.test/bridge-again", "Harbour bridge to close", TEXT, at(-30));
        poll(b, at(10), "b-1", "https://b.test/bridge", "Bridge", TEXT, T0.minus(Duration.ofDays(30)));

        assertThat(entries.newest(10)).hasSize(3).allSatisfy(e -> assertThat(e.otherSources()).isEmpty());
    }

    @Test
    void anEntryThatMatchesTwoStoriesMergesThemIntoTheOldest() {
        open(StoryRules.DEFAULT);
        long excerpts = feed("excerpts", false, 0);
        long rewrites = feed("rewrites", false, 1);
        long original = feed("original", false, 2);
        String opening = "<p>The city council voted on Tuesday to close the old harbour bridge for two years of"
                + " repairs, after engineers found cracks [&hellip;]</p>";
        String ending = "<p>Ferries will run every ten minutes while the work goes on, the council said, and a"
                + " temporary footbridge for cyclists and walkers should open by the spring.</p>";
        poll(excerpts, T0, "x-1", "https://original.test/bridge?utm_source=x", "Harbour bridge to close", opening, at(-60));
        poll(rewrites, at(1), "r-1", "https://rewrites.test/b", "Ferries replace bridge", ending, at(-50));
        assertThat(entries.newest(10)).hasSize(2);

        poll(original, at(2), "o-1", "https://original.test/bridge", "Harbour bridge to close",
                TEXT.replace("<p>Ferries will run every ten minutes while the work goes on.</p>", ending), at(-70));

        assertThat(entries.newest(10)).singleElement().satisfies(e -> {
            assertThat(e.publicId()).isEqualTo("x-1");
            assertThat(e.otherSources()).hasSize(2);
        });
    }

    @Test
    void aSubstantiveEditKeepsThePlaceUnlessConfiguredToMoveToTheTop() {
        open(StoryRules.DEFAULT);
        long a = feed("a", false, 0);
        poll(a, T0, "a-1", "https://a.test/1", "First", TEXT, at(-60));
        poll(a, at(1), "a-2", "https://a.test/2", "Second", OTHER_TEXT, at(-30));
        feeds.recordPoll(a, Polls.ok(at(30)), identified(
                item("a-1", "https://a.test/1", "First (corrected)", TEXT, at(-60)),
                item("a-2", "https://a.test/2", "Second", OTHER_TEXT, at(-30))));
        assertThat(entries.newest(10)).extracting(MergedEntry::title).containsExactly("Second", "First (corrected)");
        database.close();

        open(new StoryRules(true, WinnerRule.ORIGINAL_THEN_EARLIEST, true));
        feeds.recordPoll(a, Polls.ok(at(60)), identified(
                item("a-1", "https://a.test/1", "First (corrected twice)", TEXT, at(-60)),
                item("a-2", "https://a.test/2", "Second", OTHER_TEXT, at(-30))));
        assertThat(entries.newest(10)).extracting(MergedEntry::title).containsExactly("First (corrected twice)", "Second");
    }
}
