package org.feedmerge.publish;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Hands out ids unique within one document. The store already keeps public ids unique; this is the
 * last line of defence, deterministic so the same entries still give the same bytes.
 */
final class UniqueIds {

    private final Set<String> used = new HashSet<>();

    /** {@code base} when still free, else the first free one of {@code variant(2)}, {@code variant(3)}, … */
    String claim(String base, IntFunction<String> variant) {
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = variant.apply(n);
        }
        return id;
    }
}
