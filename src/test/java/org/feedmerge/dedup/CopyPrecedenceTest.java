package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.feedmerge.config.WinnerRule;
import org.feedmerge.dedup.CopyPrecedence.Copy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CopyPrecedenceTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    /** Earliest, from the second feed in the config. */
    private static final Copy EARLY = new Copy(false, 1, T, T.plusSeconds(60), 3);
    /** Later, from an original feed listed last. */
    private static final Copy ORIGINAL = new Copy(true, 2, T.plusSeconds(600), T.plusSeconds(700), 2);
    /** Latest, from the first feed in the config. */
    private static final Copy FIRST_FEED = new Copy(false, 0, T.plusSeconds(900), T.plusSeconds(950), 1);
    /** Same date as EARLY, seen later. */
    private static final Copy EARLY_SEEN_LATER = new Copy(false, 3, T, T.plusSeconds(120), 4);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(WinnerRule.ORIGINAL_THEN_EARLIEST, List.of(ORIGINAL, EARLY, EARLY_SEEN_LATER, FIRST_FEED)),
                Arguments.of(WinnerRule.EARLIEST, List.of(EARLY, EARLY_SEEN_LATER, ORIGINAL, FIRST_FEED)),
                Arguments.of(WinnerRule.CONFIG_ORDER, List.of(FIRST_FEED, EARLY, ORIGINAL, EARLY_SEEN_LATER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void copiesAreRankedByTheRule(WinnerRule rule, List<Copy> expected) {
        List<Copy> copies = new ArrayList<>(List.of(FIRST_FEED, EARLY_SEEN_LATER, ORIGINAL, EARLY));
        copies.sort(CopyPrecedence.of(rule));
        assertThat(copies).containsExactlyElementsOf(expected);
    }
}
