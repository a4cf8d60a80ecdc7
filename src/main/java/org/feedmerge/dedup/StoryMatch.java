package org.feedmerge.dedup;

import java.util.Set;

/**
 * Decides whether two fingerprinted entries are the same story. Pure and thread-safe.
 *
 * <p>Text containment C = |A ∩ B| / min(|A|, |B|) over the two shingle sets (containment, not
 * Jaccard, so a 55-word excerpt matches the full text it was cut from), and title similarity T =
 * Jaccard of the headlines' content words. Same story when C ≥ {@value #CONTAINED}, or when
 * C ≥ {@value #CONTAINED_WITH_TITLE} and T ≥ {@value #SIMILAR_TITLE}. Headlines alone never
 * decide: two different stories on one topic often share most headline words ("Ukraine allies
 * meet in Paris" / "Ukraine allies to meet again in Berlin"), and rewrites change headlines
 * completely. The thresholds and how they were measured are in {@code docs/dedup.md}.
 */
public final class StoryMatch {

    static final double CONTAINED = 0.5;
    static final double CONTAINED_WITH_TITLE = 0.3;
    static final double SIMILAR_TITLE = 0.5;

    private StoryMatch() {
    }

    /**
     * A score in (0, 1.1] when the two are the same story (higher is closer: the better of two
     * candidates wins), else 0. Needs {@link StoryFingerprint#hasText() text} on both sides.
     */
    public static double score(StoryFingerprint a, StoryFingerprint b) {
        if (!a.hasText() || !b.hasText()) {
            return 0;
        }
        double containment = containment(a.shingles(), b.shingles());
        if (containment < CONTAINED_WITH_TITLE) {
            return 0; // the headlines cannot help (most candidates end here)
        }
        double title = jaccard(a.titleWords(), b.titleWords());
        boolean same = containment >= CONTAINED
                || containment >= CONTAINED_WITH_TITLE && title >= SIMILAR_TITLE;
        return same ? containment + 0.1 * title : 0;
    }

    /** |a ∩ b| / min(|a|, |b|) for sorted, distinct arrays. */
    static double containment(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / Math.min(a.length, b.length);
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String word : a) {
            if (b.contains(word)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
