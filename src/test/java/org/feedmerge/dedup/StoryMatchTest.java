package org.feedmerge.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoryMatchTest {

    private static final String STORY = "<p>The city council voted on Tuesday to close the old harbour bridge for two"
            + " years of repairs, after engineers found cracks in three of its steel supports during a routine"
            + " inspection last month.</p><p>Ferries will run every ten minutes while the work goes on, and a"
            + " temporary footbridge for cyclists and walkers should open by the spring, the council said.</p>"
            + "<p>Shop owners near the bridge said they feared losing customers for the whole of the closure.</p>";

    private static StoryFingerprint fingerprint(String title, String html) {
        return StoryFingerprint.of(title, null, null, html);
    }

    static Stream<Arguments> copies() {
        return Stream.of(
                Arguments.of("same text", "Bridge closes", STORY),
                Arguments.of("excerpt", "Harbour bridge to close", "<p>The city council voted on Tuesday to close the old"
                        + " harbour bridge for two years of repairs, after engineers found [&hellip;]</p>"),
                Arguments.of("opening dropped", "Ferries to replace bridge", STORY.substring(STORY.indexOf("<p>Ferries"))
                        .replace("the council said", "officials said")),
                Arguments.of("dateline and footer", "Harbour bridge to close", "<p>HARBOURTOWN (Wire) —</p>" + STORY
                        + "<p>The post Harbour bridge to close appeared first on Harbour News.</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copies")
    void copiesOfAStoryMatch(String what, String title, String html) {
        StoryFingerprint original = fingerprint("Harbour bridge to close for two years", STORY);
        StoryFingerprint copy = fingerprint(title, html);

        assertThat(StoryMatch.score(original, copy)).isPositive();
        assertThat(StoryMatch.score(copy, original)).isPositive();
        int[] shared = java.util.Arrays.stream(copy.anchors())
                .filter(a -> java.util.Arrays.binarySearch(original.anchors(), a) >= 0).toArray();
        assertThat(shared).as("shares an anchor, so the index finds it").isNotEmpty();
    }

    @Test
    void aDifferentStoryOnTheSameTopicWithASimilarHeadlineDoesNotMatch() {
        StoryFingerprint original = fingerprint("Harbour bridge to close for two years", STORY);
        StoryFingerprint other = fingerprint("Harbour bridge to reopen after two years", "<p>The old harbour bridge"
                + " reopened on Friday after two years of repairs, the city council said, with new steel supports"
                + " and a wider lane for cyclists.</p><p>The ferries that ran every ten minutes during the closure"
                + " will stop at the end of the month.</p>");

        assertThat(StoryMatch.score(original, other)).isZero();
    }

    @Test
    void tooLittleTextNeverMatches() {
        StoryFingerprint a = fingerprint("Comments", "<a href=\"https://hn.test/item?id=1\">Comments</a>");
        assertThat(a.hasText()).isFalse();
        assertThat(a.anchors()).isEmpty();
        assertThat(StoryMatch.score(a, a)).isZero();
    }

    @Test
    void storedFingerprintsMatchLikeFreshOnes() {
        StoryFingerprint fresh = fingerprint("Harbour bridge to close", STORY);
        StoryFingerprint stored = StoryFingerprint.stored(null, fresh.shingleBytes(), "Harbour bridge to close");

        assertThat(StoryMatch.score(fresh, stored)).isEqualTo(StoryMatch.score(fresh, fresh));
        assertThat(StoryFingerprint.fromBytes(StoryFingerprint.toBytes(fresh.anchors()))).isEqualTo(fresh.anchors());
    }

    @Test
    void containmentAndJaccard() {
        assertThat(StoryMatch.containment(new int[] {1, 2, 3}, new int[] {2, 3, 4, 5, 6})).isEqualTo(2.0 / 3);
        assertThat(StoryMatch.jaccard(java.util.Set.of("a", "b"), java.util.Set.of("b", "c"))).isEqualTo(1.0 / 3);
        assertThat(StoryMatch.jaccard(java.util.Set.of(), java.util.Set.of("b"))).isZero();
    }
}
