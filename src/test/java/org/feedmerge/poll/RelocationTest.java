package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.feedmerge.fetch.Redirects;
import org.feedmerge.fetch.Redirects.Hop;
import org.feedmerge.store.FeedLocation;
import org.junit.jupiter.api.Test;

class RelocationTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final URI OLD = URI.create("http://old.example/feed");
    private static final URI MID = URI.create("http://mid.example/feed");
    private static final URI NEW = URI.create("https://new.example/feed");

    private static Redirects chain(Hop... hops) {
        return new Redirects(List.of(hops));
    }

    private static Redirects permanent() {
        return chain(new Hop(OLD, 301, MID), new Hop(MID, 308, NEW));
    }

    private static FeedLocation polls(Redirects redirects, int times) {
        FeedLocation location = FeedLocation.ORIGINAL;
        for (int i = 0; i < times; i++) {
            location = Relocation.after(location, redirects, true, T0.plusSeconds(i));
        }
        return location;
    }

    @Test
    void aPermanentChainSeenOnThreePollsInARowMovesTheFeed() {
        assertThat(polls(permanent(), 2)).isEqualTo(new FeedLocation(null, null, NEW, 2));
        assertThat(polls(permanent(), 3)).isEqualTo(new FeedLocation(NEW, T0.plusSeconds(2), null, 0));
    }

    @Test
    void temporaryRedirectsNeverMoveIt() {
        for (int status : new int[] {302, 303, 307}) {
            assertThat(polls(chain(new Hop(OLD, status, NEW)), 5)).isEqualTo(FeedLocation.ORIGINAL);
        }
    }

    @Test
    void aMixedChainDoesNotMoveIt() {
        assertThat(polls(chain(new Hop(OLD, 301, MID), new Hop(MID, 302, NEW)), 5)).isEqualTo(FeedLocation.ORIGINAL);
    }

    @Test
    void aDifferentTargetStartsOver() {
        FeedLocation two = polls(permanent(), 2);

        FeedLocation other = Relocation.after(two, chain(new Hop(OLD, 301, MID)), true, T0);

        assertThat(other).isEqualTo(new FeedLocation(null, null, MID, 1));
    }

    @Test
    void aSuccessWithoutTheRedirectStartsOver() {
        assertThat(Relocation.after(polls(permanent(), 2), Redirects.NONE, true, T0)).isEqualTo(FeedLocation.ORIGINAL);
    }

    @Test
    void aFailedPollProvesNothing() {
        FeedLocation two = polls(permanent(), 2);

        assertThat(Relocation.after(two, Redirects.NONE, false, T0)).isEqualTo(two);
        assertThat(Relocation.after(two, permanent(), false, T0)).isEqualTo(two);
    }

    @Test
    void aMovedFeedKeepsItsNewHomeWhileNothingElseHappens() {
        FeedLocation moved = polls(permanent(), 3);

        assertThat(Relocation.after(moved, Redirects.NONE, true, T0.plusSeconds(60))).isEqualTo(moved);
    }
}
