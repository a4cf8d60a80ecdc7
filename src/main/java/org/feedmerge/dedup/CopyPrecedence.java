package org.feedmerge.dedup;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.feedmerge.config.WinnerRule;

/**
 * Which copy of a story the merged feed shows ({@code dedup.winner}). Pure. Every rule ends in the
 * same tie-breaks (earliest published, earliest seen, lowest row id), so the choice is total and
 * deterministic.
 */
public final class CopyPrecedence {

    /**
     * What the rules look at.
     *
     * @param original  the copy's feed is marked {@code original: true}
     * @param position  the feed's place in the config (0 first); feeds no longer configured sort last
     * @param published effective publication time
     * @param firstSeen when feedmerge stored it
     * @param id        row id
     */
    public record Copy(boolean original, int position, Instant published, Instant firstSeen, long id) {
        public Copy {
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(firstSeen, "firstSeen");
        }
    }

    private static final Comparator<Copy> EARLIEST = Comparator.comparing(Copy::published)
            .thenComparing(Copy::firstSeen).thenComparingLong(Copy::id);

    private CopyPrecedence() {
    }

    /** Orders copies best first under the rule. */
    public static Comparator<Copy> of(WinnerRule rule) {
        return switch (rule) {
            case ORIGINAL_THEN_EARLIEST -> Comparator.comparing(Copy::original).reversed().thenComparing(EARLIEST);
            case EARLIEST -> EARLIEST;
            case CONFIG_ORDER -> Comparator.comparingInt(Copy::position).thenComparing(EARLIEST);
        };
    }
}
