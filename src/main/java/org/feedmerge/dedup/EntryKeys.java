package org.feedmerge.dedup;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An entry's key under each {@link KeyScheme}, so the store can key a feed by whichever scheme it
 * settled on without asking the poll stage again.
 *
 * <p>{@link #natural(KeyScheme)} is the scheme's own value (null when the entry lacks it: no guid,
 * no link, no date). {@link #forScheme(KeyScheme)} is what the entry is stored under when its feed
 * uses that scheme: the first natural key from that scheme down the ladder, made unique within the
 * document (see {@link EntryIdentity}).
 *
 * <p>The {@link KeyScheme#CONTENT} keys hash the whole raw text, and only feeds without usable
 * guids or links need them, so they are worked out when first asked for; until then an instance
 * holds on to its whole document's entries. Keep one no longer than the poll that made it.
 */
public final class EntryKeys {

    /** The schemes whose keys are worked out at once: every one but {@link KeyScheme#CONTENT}. */
    static final List<KeyScheme> BEFORE_CONTENT = List.of(KeyScheme.GUID, KeyScheme.LINK, KeyScheme.LINK_DATE);

    private final Map<KeyScheme, String> natural;
    private final Map<KeyScheme, String> keys;
    /** The content hash key and the key under {@link KeyScheme#CONTENT}: worked out when first asked for. */
    private final Supplier<String> naturalContent;
    private final Supplier<String> contentSchemeKey;

    /**
     * @param natural          the natural keys the entry has, except {@link KeyScheme#CONTENT}'s
     * @param keys             the key under every scheme except {@link KeyScheme#CONTENT}
     * @param naturalContent   the content hash key, worked out once when first asked for ({@link Lazily})
     * @param contentSchemeKey the key under {@link KeyScheme#CONTENT}, likewise
     */
    EntryKeys(Map<KeyScheme, String> natural, Map<KeyScheme, String> keys, Supplier<String> naturalContent,
            Supplier<String> contentSchemeKey) {
        this.natural = new EnumMap<>(KeyScheme.class);
        this.natural.putAll(natural);
        this.natural.remove(KeyScheme.CONTENT);
        this.keys = new EnumMap<>(KeyScheme.class);
        this.keys.putAll(keys);
        this.keys.remove(KeyScheme.CONTENT);
        for (KeyScheme scheme : BEFORE_CONTENT) {
            Objects.requireNonNull(this.keys.get(scheme), () -> "no key for " + scheme);
        }
        this.naturalContent = Objects.requireNonNull(naturalContent, "naturalContent");
        this.contentSchemeKey = Objects.requireNonNull(contentSchemeKey, "contentSchemeKey");
    }

    /** One key for every scheme, also counted as natural: for callers that key entries themselves. */
    public static EntryKeys single(String key) {
        Objects.requireNonNull(key, "key");
        Map<KeyScheme, String> all = new EnumMap<>(KeyScheme.class);
        for (KeyScheme scheme : KeyScheme.values()) {
            all.put(scheme, key);
        }
        return new EntryKeys(all, all, () -> key, () -> key);
    }

    /** The scheme's own value for this entry, or null when the entry lacks it. */
    public String natural(KeyScheme scheme) {
        return scheme == KeyScheme.CONTENT ? naturalContent.get() : natural.get(scheme);
    }

    /** The key under which the entry is stored when its feed uses {@code scheme}. Never null. */
    public String forScheme(KeyScheme scheme) {
        return scheme == KeyScheme.CONTENT ? contentSchemeKey.get() : keys.get(scheme);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryKeys that && natural.equals(that.natural) && keys.equals(that.keys)
                && naturalContent.get().equals(that.naturalContent.get())
                && contentSchemeKey.get().equals(that.contentSchemeKey.get());
    }

    @Override
    public int hashCode() {
        return Objects.hash(natural, keys, naturalContent.get(), contentSchemeKey.get());
    }

    /** The keys worked out so far; the content scheme's is not worked out for this. */
    @Override
    public String toString() {
        return "EntryKeys" + keys;
    }
}
