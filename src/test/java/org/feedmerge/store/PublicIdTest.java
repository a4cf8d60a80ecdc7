package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicIdTest {

    private static final URI FIRST = URI.create("https://first.test/feed");
    private static final URI SECOND = URI.create("https://second.test/feed");

    @TempDir
    Path dir;

    private static NewEntry withGuid(String guid, String title) {
        return new NewEntry("guid:" + guid, "h-" + title, guid, null, title, null, null, null, T0, null);
    }

    /** Polls FIRST then SECOND, both using guid "1" (and "2") for different stories. */
    private static Map<String, String> pollBothFeeds(Database database) {
        FeedStore feeds = new FeedStore(database);
        long first = feeds.register(FIRST, "First").id();
        long second = feeds.register(SECOND, "Second").id();
        feeds.recordPoll(first, Polls.ok(T0), List.of(withGuid("1", "first-1"), withGuid("2", "first-2")));
        feeds.recordPoll(second, Polls.ok(at(1)), List.of(withGuid("1", "second-1"), withGuid("2", "second-2")));
        return publicIdsByTitle(database);
    }

    private static Map<String, String> publicIdsByTitle(Database database) {
        return new EntryStore(database).newest(100).stream()
                .collect(Collectors.toMap(MergedEntry::title, MergedEntry::publicId));
    }

    @Test
    void twoFeedsReusingAGuidGetDistinctIdsAndTheFirstKeepsIt() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            Map<String, String> ids = pollBothFeeds(database);

            assertThat(ids).containsEntry("first-1", "1").containsEntry("first-2", "2");
            assertThat(ids.get("second-1")).isEqualTo(PublicId.derived(SECOND.toString(), "guid:1"))
                    .matches("urn:feedmerge:[0-9a-f]{32}");
            assertThat(ids.values()).doesNotHaveDuplicates();
        }
    }

    @Test
    void idsSurviveReopeningAndLaterPolls() {
        Path file = dir.resolve("db.sqlite");
        Map<String, String> before;
        try (Database database = Database.open(file)) {
            before = pollBothFeeds(database);
        }
        try (Database database = Database.open(file)) {
            FeedStore feeds = new FeedStore(database);
            long second = feeds.register(SECOND, "Second").id();
            StoreCounts counts = feeds.recordPoll(second, Polls.ok(at(60)),
                    List.of(withGuid("1", "second-1 edited"), withGuid("2", "second-2")));

            assertThat(counts).isEqualTo(new StoreCounts(0, 1, 1));
            Map<String, String> after = publicIdsByTitle(database);
            assertThat(after).hasSize(4).containsEntry("second-1 edited", before.get("second-1"));
            assertThat(after.get("first-1")).isEqualTo(before.get("first-1"));
        }
    }

    @Test
    void aRebuiltDatabaseYieldsTheSameIds() {
        Map<String, String> original;
        try (Database database = Database.open(dir.resolve("original.db"))) {
            original = pollBothFeeds(database);
        }
        try (Database rebuilt = Database.open(dir.resolve("rebuilt.db"))) {
            assertThat(pollBothFeeds(rebuilt)).isEqualTo(original);
        }
    }

    @Test
    void withoutGuidTheLinkIsUsedAndWithoutBothADerivedId() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            FeedStore feeds = new FeedStore(database);
            long feedId = feeds.register(FIRST, null).id();
            NewEntry linked = new NewEntry("link:https://first.test/a", "h1", null, "https://first.test/a", "linked",
                    null, null, null, T0, null);
            NewEntry bare = new NewEntry("hash:abc", "h2", null, null, "bare", null, "text", null, T0, null);
            feeds.recordPoll(feedId, Polls.ok(T0), List.of(linked, bare));

            assertThat(publicIdsByTitle(database))
                    .containsEntry("linked", "https://first.test/a")
                    .containsEntry("bare", PublicId.derived(FIRST.toString(), "hash:abc"));
        }
    }

    @Test
    void aCandidateTakenWithinTheSameFeedIsDerivedToo() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            FeedStore feeds = new FeedStore(database);
            long feedId = feeds.register(FIRST, null).id();
            NewEntry byGuid = new NewEntry("guid:https://first.test/a", "h1", "https://first.test/a", null, "by guid",
                    null, null, null, T0, null);
            NewEntry byLink = new NewEntry("link:https://first.test/a", "h2", null, "https://first.test/a", "by link",
                    null, null, null, T0, null);
            feeds.recordPoll(feedId, Polls.ok(T0), List.of(byGuid));
            feeds.recordPoll(feedId, Polls.ok(at(30)), List.of(byGuid, byLink));

            assertThat(publicIdsByTitle(database))
                    .containsEntry("by guid", "https://first.test/a")
                    .containsEntry("by link", PublicId.derived(FIRST.toString(), "link:https://first.test/a"));
        }
    }

    @Test
    void aGuidThatLooksLikeADerivedIdCannotCauseACollision() {
        try (Database database = Database.open(dir.resolve("db.sqlite"))) {
            FeedStore feeds = new FeedStore(database);
            long first = feeds.register(FIRST, null).id();
            long second = feeds.register(SECOND, null).id();
            String squatted = PublicId.derived(SECOND.toString(), "guid:1");
            feeds.recordPoll(first, Polls.ok(T0), List.of(withGuid("1", "first-1"), withGuid(squatted, "squatter")));
            feeds.recordPoll(second, Polls.ok(at(1)), List.of(withGuid("1", "second-1")));

            assertThat(publicIdsByTitle(database).values()).hasSize(3).doesNotHaveDuplicates();
        }
    }
}
