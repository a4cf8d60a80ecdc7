package org.feedmerge.dedup;

import java.util.Objects;
import org.feedmerge.parse.ParsedEntry;

/**
 * An entry with its identity inside its feed.
 *
 * @param key         unique within the document and stable across polls: the key under
 *                    {@link KeyScheme#GUID} (guid, else link, else content hash)
 * @param contentHash {@link Substance#hash} of the entry; a change means "updated"
 * @param entry       the parsed entry
 * @param keys        the entry's key under every scheme, for feeds whose guids proved unusable
 * @param normalised  the entry's canonical link and visible text, as the content hash read them
 */
public record IdentifiedEntry(String key, String contentHash, ParsedEntry entry, EntryKeys keys,
        Normalised normalised) {
    public IdentifiedEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(normalised, "normalised");
    }
}
