package org.feedmerge.dedup;

import java.util.List;
import org.feedmerge.parse.ParsedEntry;

/** Gives each entry of one document its key within the feed. Pure and thread-safe. */
public final class EntryIdentity {

    /**
     * Keys each entry: guid, else link, else a hash of title and content. Exact repeats inside
     * the document are dropped; different entries that share a key (a publisher bug) each get a
     * distinct, deterministic key.
     */
    public List<IdentifiedEntry> identify(List<ParsedEntry> entries) {
        throw new UnsupportedOperationException("TODO");
    }
}
