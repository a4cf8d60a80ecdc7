package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Story grouping on a small generated labelled set meets the targets (docs/dedup.md has the full-size figures). */
class DedupQualityTest {

    @TempDir
    Path dir;

    @Test
    void precisionAndRecallOfStoryGroupingMeetTheTargets() {
        LabelledSet set = LabelledSet.generate(LabelledSet.Recipe.TEST);
        assertThat(set.items()).hasSizeGreaterThan(800);

        DedupQuality.Result result = DedupQuality.run(set, true, dir);

        assertThat(result.truePairs()).as("the set has cross-posted stories").isGreaterThan(300);
        assertThat(result.precision()).as("precision").isGreaterThanOrEqualTo(0.99);
        assertThat(result.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theGeneratorIsDeterministic() {
        assertThat(LabelledSet.generate(LabelledSet.Recipe.TEST).items())
                .isEqualTo(LabelledSet.generate(LabelledSet.Recipe.TEST).items());
    }

    @Test
    void withoutCrossFeedDedupNothingIsGrouped() {
        LabelledSet small = LabelledSet.generate(new LabelledSet.Recipe(3L, 10, 60, 0.5, 0.2));
        DedupQuality.Result result = DedupQuality.run(small, false, dir);

        assertThat(result.predictedPairs()).isZero();
        assertThat(result.stories()).isEqualTo(result.items());
    }
}
