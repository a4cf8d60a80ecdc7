package org.feedmerge.store;

import java.util.Objects;
import org.feedmerge.config.DedupConfig;
import org.feedmerge.config.OutputConfig;
import org.feedmerge.config.WinnerRule;

/**
 * How the store groups and orders stories: the {@code dedup} section and
 * {@code output.updated-moves-to-top}.
 *
 * @param crossFeed         group copies of a story from different feeds at insert; when false every
 *                          entry is a story of its own (and no fingerprint is computed)
 * @param winner            which copy a story shows (applied when reading, so a change of rule or
 *                          of a feed's {@code original} flag takes effect at once)
 * @param updatedMovesToTop whether a substantive edit moves the story back to the top
 */
public record StoryRules(boolean crossFeed, WinnerRule winner, boolean updatedMovesToTop) {
    public static final StoryRules DEFAULT = new StoryRules(true, WinnerRule.ORIGINAL_THEN_EARLIEST, false);

    public StoryRules {
        Objects.requireNonNull(winner, "winner");
    }

    public static StoryRules of(DedupConfig dedup, OutputConfig output) {
        return new StoryRules(dedup.crossFeed(), dedup.winner(), output.updatedMovesToTop());
    }
}
