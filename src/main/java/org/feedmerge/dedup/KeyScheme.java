package org.feedmerge.dedup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What identifies an entry within its feed, from the most to the least specific. A feed starts on
 * {@link #GUID} and only ever moves down the ladder (see {@code docs/dedup.md}): keys that flapped
 * between schemes would re-add items.
 */
public enum KeyScheme {
    /** The RSS guid / Atom id. */
    GUID,
    /** The entry's link. */
    LINK,
    /** The link together with the published date: for feeds that reuse one link for many items. */
    LINK_DATE,
    /** A hash of title and text: for feeds with neither usable ids nor links. Always available. */
    CONTENT;

    /** The next, less specific scheme; CONTENT is the last. */
    public KeyScheme next() {
        return this == CONTENT ? CONTENT : values()[ordinal() + 1];
    }

    /** The less specific of the two. */
    public KeyScheme atLeast(KeyScheme other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * The most specific scheme that every entry of the document has (not blank) and that no two
     * of its different entries share; CONTENT when none does. An empty document allows GUID.
     */
    public static KeyScheme firstUsable(List<EntryKeys> document) {
        for (KeyScheme scheme : values()) {
            if (scheme == CONTENT || usable(scheme, document)) {
                return scheme;
            }
        }
        return CONTENT;
    }

    /** Why {@code scheme} cannot serve this document, or null when it can. */
    public static String whyUnusable(KeyScheme scheme, List<EntryKeys> document) {
        Set<String> seen = new HashSet<>();
        for (EntryKeys keys : document) {
            String natural = keys.natural(scheme);
            if (natural == null) {
                return scheme.label() + " missing or blank on some items";
            }
            if (!seen.add(natural)) {
                return scheme.label() + " repeated across different items";
            }
        }
        return null;
    }

    private static boolean usable(KeyScheme scheme, List<EntryKeys> document) {
        return whyUnusable(scheme, document) == null;
    }

    /** Lower-case name for logs and status: guid, link, link+date, content. */
    public String label() {
        return switch (this) {
            case GUID -> "guid";
            case LINK -> "link";
            case LINK_DATE -> "link+date";
            case CONTENT -> "content";
        };
    }
}
