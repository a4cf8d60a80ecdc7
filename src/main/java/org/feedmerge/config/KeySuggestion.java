package org.feedmerge.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key an unknown key was most likely meant to be ("did you mean ...?"). */
final class KeySuggestion {
    private KeySuggestion() {
    }

    /**
     * The closest known key, if close enough to be a typo. Case, {@code -} and {@code _} are ignored,
     * so {@code connectTimeout} and {@code connect_timeout} both find {@code connect-timeout}.
     */
    static Optional<String> closest(String unknown, Collection<String> known) {
        String typed = normalize(unknown);
        return known.stream()
                .filter(candidate -> distance(typed, normalize(candidate)) <= allowance(candidate))
                .min(Comparator.comparingInt(candidate -> distance(typed, normalize(candidate))));
    }

    /** One slip per three letters, at least one and at most three. */
    private static int allowance(String candidate) {
        return Math.max(1, Math.min(3, candidate.length() / 3));
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Optimal string alignment distance: edits plus swaps of adjacent letters ("titel"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 || j == 0 ? i + j : step(d, a, b, i, j);
            }
        }
        return d[a.length()][b.length()];
    }

    private static int step(int[][] d, String a, String b, int i, int j) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        boolean swapped = i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1);
        return swapped ? Math.min(best, d[i - 2][j - 2] + 1) : best;
    }
}
