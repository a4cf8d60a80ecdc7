package org.feedmerge.dedup;

import java.util.Objects;
import org.feedmerge.parse.ParsedEntry;

/**
 * An entry with its identity inside its feed.
 *
 * @param key         unique within the feed and stable across polls: guid, else link, else content hash
 * @param contentHash hash of the entry's substance (title, link, summary, content); a change means "updated"
 * @param entry       the parsed entry
 */
public record IdentifiedEntry(String key, String contentHash, ParsedEntry entry) {
    public IdentifiedEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(entry, "entry");
    }
}
