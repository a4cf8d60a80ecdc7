package org.feedmerge.publish;

import java.util.List;
import org.feedmerge.store.StoreStats;

/**
 * What {@code /status.json} and {@code feedmerge status} report.
 *
 * @param feeds    one status per configured feed, in config order
 * @param database sizes and row counts of the database, or null when there is none yet
 */
public record StatusDocument(List<FeedStatus> feeds, StoreStats database) {
    public StatusDocument {
        feeds = List.copyOf(feeds);
    }
}
