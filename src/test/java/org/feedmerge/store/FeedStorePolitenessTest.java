package org.feedmerge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedmerge.store.Polls.T0;
import static org.feedmerge.store.Polls.at;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the poller records about being polite: rules, moves, retirement, hints, excused failures. */
class FeedStorePolitenessTest {
    private static final URI URL = URI.create("https://site.test/feed.xml");
    private static final URI MOVED = URI.create("https://new.test/feed.xml");

    @TempDir
    Path dir;

    private Database database;
    private FeedStore feeds;
    private long feedId;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("feedmerge.db"));
        feeds = new FeedStore(database);
        feedId = feeds.register(URL, "Configured", "entry v1").id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private FeedRow row() {
        return feeds.find(feedId).orElseThrow();
    }

    private static PollRecord ok(int minutes, String rule, String hints, FeedLocation location) {
        return new PollRecord(at(minutes), PollStatus.OK, 200, null, "\"e\"", null, at(minutes + 60), null, null, rule,
                true, hints, location, false);
    }

    private static PollRecord failed(int minutes, int httpStatus, boolean counts, boolean retire) {
        return new PollRecord(at(minutes), PollStatus.HTTP_ERROR, httpStatus, "HTTP " + httpStatus, null, null,
                retire ? null : at(minutes + 30), null, null, retire ? "retired" : "backoff", counts, null, null,
                retire);
    }

    @Test
    void aNewFeedStartsAtItsConfiguredUrlWithNothingLearned() {
        FeedRow row = row();

        assertThat(row.location()).isEqualTo(FeedLocation.ORIGINAL);
        assertThat(row.fetchUrl()).isEqualTo(URL);
        assertThat(row.nextPollRule()).isNull();
        assertThat(row.retired()).isFalse();
        assertThat(row.publisherHints()).isNull();
    }

    @Test
    void theRuleHintsAndLocationAreStored() {
        FeedLocation pending = new FeedLocation(null, null, MOVED, 2);

        feeds.recordPoll(feedId, ok(0, "ttl", "ttl=PT2H", pending), List.of());

        FeedRow row = row();
        assertThat(row.nextPollRule()).isEqualTo("ttl");
        assertThat(row.publisherHints()).isEqualTo("ttl=PT2H");
        assertThat(row.location()).isEqualTo(pending);
    }

    @Test
    void aMoveChangesWhereTheFeedIsFetchedButKeepsItsUrl() {
        feeds.recordPoll(feedId, ok(0, "interval", null, new FeedLocation(MOVED, at(0), null, 0)), List.of());

        assertThat(row().url()).isEqualTo(URL);
        assertThat(row().fetchUrl()).isEqualTo(MOVED);
        assertThat(row().location().movedAt()).isEqualTo(T0);
    }

    @Test
    void aNullLocationKeepsTheStoredOneAndFailuresKeepTheHints() {
        feeds.recordPoll(feedId, ok(0, "ttl", "ttl=PT2H", new FeedLocation(MOVED, at(0), null, 0)), List.of());

        feeds.recordPoll(feedId, failed(60, 500, true, false), List.of());

        assertThat(row().fetchUrl()).isEqualTo(MOVED);
        assertThat(row().publisherHints()).isEqualTo("ttl=PT2H");
        assertThat(row().nextPollRule()).isEqualTo("backoff");
    }

    @Test
    void anExcusedFailureDoesNotCount() {
        feeds.recordPoll(feedId, failed(0, 500, true, false), List.of());

        feeds.recordPoll(feedId, failed(30, 0, false, false), List.of());

        assertThat(row().consecutiveFailures()).isEqualTo(1);
        assertThat(row().lastChecked()).isEqualTo(at(30));
    }

    @Test
    void goneRetiresTheFeed() {
        feeds.recordPoll(feedId, failed(0, 410, true, true), List.of());

        FeedRow row = row();
        assertThat(row.retired()).isTrue();
        assertThat(row.retiredAt()).isEqualTo(T0);
        assertThat(row.nextPoll()).isNull();
        assertThat(row.nextPollRule()).isEqualTo("retired");
    }

    @Test
    void postponingMovesOnlyTheNextPoll() {
        feeds.recordPoll(feedId, ok(0, "interval", null, null), List.of());
        FeedRow before = row();

        feeds.postpone(feedId, at(90), "host-retry-after");

        FeedRow after = row();
        assertThat(after.nextPoll()).isEqualTo(at(90));
        assertThat(after.nextPollRule()).isEqualTo("host-retry-after");
        assertThat(after.lastChecked()).isEqualTo(before.lastChecked());
        assertThat(after.lastStatus()).isEqualTo(before.lastStatus());
    }

    @Test
    void aPostponedPollCannotBeRecorded() {
        assertThatThrownBy(() -> new PollRecord(T0, PollStatus.POSTPONED, 0, null, null, null, at(5), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reRegisteringTheSameEntryKeepsARetiredFeedRetired() {
        feeds.recordPoll(feedId, failed(0, 410, true, true), List.of());

        assertThat(feeds.register(URL, "Configured", "entry v1").retired()).isTrue();
        assertThat(feeds.register(URL, "Configured").retired()).as("no fingerprint: no change").isTrue();
    }

    @Test
    void anEditedEntryForgetsRetirementAndMoves() {
        feeds.recordPoll(feedId, ok(0, "interval", null, new FeedLocation(MOVED, at(0), null, 0)), List.of());
        feeds.recordPoll(feedId, failed(60, 410, true, true), List.of());

        FeedRow row = feeds.register(URL, "Renamed", "entry v2");

        assertThat(row.retired()).isFalse();
        assertThat(row.location()).isEqualTo(FeedLocation.ORIGINAL);
        assertThat(row.nextPoll()).as("due at once").isNull();
        assertThat(row.consecutiveFailures()).isEqualTo(1);
        assertThat(feeds.register(URL, "Renamed", "entry v2").retired()).isFalse();
    }

    @Test
    void anEditedEntryKeepsTheScheduleOfAFeedThatWasNotRetired() {
        feeds.recordPoll(feedId, ok(0, "ttl", null, new FeedLocation(MOVED, at(0), null, 0)), List.of());

        FeedRow row = feeds.register(URL, "Renamed", "entry v2");

        assertThat(row.fetchUrl()).isEqualTo(URL);
        assertThat(row.nextPoll()).isEqualTo(at(60));
        assertThat(row.nextPollRule()).isEqualTo("ttl");
    }
}
