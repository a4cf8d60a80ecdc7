package org.feedmerge.poll;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.feedmerge.fetch.Redirects;
import org.feedmerge.store.FeedLocation;

/**
 * Moves a feed after its permanent redirects have proven stable. Pure.
 *
 * <p>A 301/308 may be a mistake the publisher fixes tomorrow, so one is not enough: only after the
 * same all-permanent chain ends at the same target on {@value #POLLS_TO_MOVE} successful polls in a
 * row does the feed's current URL become that target (the configured URL is kept). A poll that
 * succeeds without it (no redirect, a temporary hop anywhere, another target) starts over; a failed
 * poll proves nothing and leaves the streak as it is.
 */
final class Relocation {
    static final int POLLS_TO_MOVE = 3;

    private Relocation() {
    }

    /**
     * @param before    the location before this poll
     * @param redirects the redirects this poll followed
     * @param succeeded whether the poll got the feed (OK or 304)
     * @param now       when it finished (the move's date)
     */
    static FeedLocation after(FeedLocation before, Redirects redirects, boolean succeeded, Instant now) {
        if (!succeeded) {
            return before;
        }
        Optional<URI> target = redirects.permanentTarget();
        if (target.isEmpty()) {
            return before.withoutPendingRedirect();
        }
        int streak = target.get().equals(before.redirectTarget()) ? before.redirectStreak() + 1 : 1;
        if (streak >= POLLS_TO_MOVE) {
            return new FeedLocation(target.get(), now, null, 0);
        }
        return new FeedLocation(before.currentUrl(), before.movedAt(), target.get(), streak);
    }
}
