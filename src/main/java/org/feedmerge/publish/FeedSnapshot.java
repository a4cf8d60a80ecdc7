package org.feedmerge.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.feedmerge.store.MergedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both renderers draw from: the entries that can be rendered, in the store's order, and the
 * feed's own updated time. That time comes from the entries, never from the wall clock, so the same
 * entries always give the same bytes (and the same ETag on every instance).
 *
 * @param entries the renderable entries, newest first as the store returned them
 * @param updated the latest {@link PreparedEntry#lastChange()}, or the given fallback for an empty feed
 */
record FeedSnapshot(List<PreparedEntry> entries, Instant updated) {

    private static final Logger log = LoggerFactory.getLogger(FeedSnapshot.class);

    FeedSnapshot {
        entries = List.copyOf(entries);
        Objects.requireNonNull(updated, "updated");
    }

    /**
     * Prepares every entry; one that cannot be rendered is logged and left out, so odd data never
     * costs more than its own item.
     *
     * @param emptyFeedUpdated the feed's updated time when no entry is left
     */
    static FeedSnapshot of(List<MergedEntry> entries, Instant emptyFeedUpdated) {
        return of(entries, emptyFeedUpdated, new SanitizedHtml());
    }

    /** As {@link #of(List, Instant)}, sanitising HTML through {@code html}, which remembers earlier renders'. */
    static FeedSnapshot of(List<MergedEntry> entries, Instant emptyFeedUpdated, SanitizedHtml html) {
        List<PreparedEntry> prepared = new ArrayList<>(entries.size());
        for (MergedEntry entry : entries) {
            PreparedEntry ready = prepare(entry, html);
            if (ready != null) {
                prepared.add(ready);
            }
        }
        Instant updated = prepared.stream().map(PreparedEntry::lastChange).max(Instant::compareTo)
                .orElse(FeedDates.renderable(emptyFeedUpdated, "emptyFeedUpdated"));
        return new FeedSnapshot(prepared, updated);
    }

    private static PreparedEntry prepare(MergedEntry entry, SanitizedHtml html) {
        if (entry == null) {
            log.warn("skipping null entry in the merged feed");
            return null;
        }
        try {
            return PreparedEntry.of(entry, html);
        } catch (IllegalArgumentException e) {
            log.warn("skipping entry that cannot be rendered: entry={} feed={} cause={}",
                    entry.id(), entry.feedUrl(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("skipping entry after an unexpected failure: entry={} feed={}", entry.id(), entry.feedUrl(), e);
        }
        return null;
    }
}
