package org.feedmerge.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.feedmerge.config.FeedConfig;
import org.feedmerge.publish.FeedStatus;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;

/**
 * The status of every configured feed, in config order, from the database. Feeds the database
 * holds but the config no longer lists are left out; configured feeds it does not know yet are
 * shown as never polled.
 */
final class StatusReport {

    private StatusReport() {
    }

    static List<FeedStatus> of(FeedStore store, List<FeedConfig> configured) {
        Map<String, FeedRow> rows = store.all().stream()
                .collect(Collectors.toMap(row -> row.url().toString(), Function.identity()));
        return configured.stream().map(feed -> statusOf(rows.get(feed.url().toString()), feed)).toList();
    }

    static List<FeedStatus> unknown(List<FeedConfig> configured) {
        return configured.stream().map(feed -> FeedStatus.unknown(feed.url(), feed.title())).toList();
    }

    private static FeedStatus statusOf(FeedRow row, FeedConfig feed) {
        return row == null ? FeedStatus.unknown(feed.url(), feed.title()) : FeedStatus.of(row);
    }
}
