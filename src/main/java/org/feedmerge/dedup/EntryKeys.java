package org.feedmerge.dedup;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * An entry's key under each {@link KeyScheme}, so the store can key a feed by whichever scheme it
 * settled on without asking the poll stage again.
 *
 * <p>{@link #natural(KeyScheme)} is the scheme's own value (null when the entry lacks it: no guid,
 * no link, no date). {@link #forScheme(KeyScheme)} is what the entry is stored under when its feed
 * uses that scheme: the first natural key from that scheme down the ladder, made unique within the
 * document (see {@link EntryIdentity}).
 */
public final class EntryKeys {

    private final Map<KeyScheme, String> natural;
    private final Map<KeyScheme, String> keys;

    EntryKeys(Map<KeyScheme, String> natural, Map<KeyScheme, String> keys) {
        this.natural = new EnumMap<>(KeyScheme.class);
        this.natural.putAll(natural);
        this.keys = new EnumMap<>(KeyScheme.class);
        this.keys.putAll(keys);
        for (KeyScheme scheme : KeyScheme.values()) {
            Objects.requireNonNull(this.keys.get(scheme), () -> "no key for " + scheme);
        }
    }

    /** One key for every scheme, also counted as natural: for callers that key entries themselves. */
    public static EntryKeys single(String key) {
        Objects.requireNonNull(key, "key");
        Map<KeyScheme, String> all = new EnumMap<>(KeyScheme.class);
        for (KeyScheme scheme : KeyScheme.values()) {
            all.put(scheme, key);
        }
        return new EntryKeys(all, all);
    }

    /** The scheme's own value for this entry, or null when the entry lacks it. */
    public String natural(KeyScheme scheme) {
        return natural.get(scheme);
    }

    /** The key under which the entry is stored when its feed uses {@code scheme}. Never null. */
    public String forScheme(KeyScheme scheme) {
        return keys.get(scheme);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryKeys that && natural.equals(that.natural) && keys.equals(that.keys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(natural, keys);
    }

    @Override
    public String toString() {
        return "EntryKeys" + keys;
    }
}
