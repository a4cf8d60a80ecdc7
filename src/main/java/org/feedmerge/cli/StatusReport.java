package org.feedmerge.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.feedmerge.config.FeedConfig;
import org.feedmerge.publish.FeedStatus;
import org.feedmerge.publish.StatusDocument;
import org.feedmerge.store.Database;
import org.feedmerge.store.EntryStore;
import org.feedmerge.store.FeedKeyScheme;
import org.feedmerge.store.FeedRow;
import org.feedmerge.store.FeedStore;
import org.feedmerge.store.StoreStats;

/**
 * The status of every configured feed, in config order, from the database, with the database's
 * size and row counts. Feeds the database holds but the config no longer lists are left out;
 * configured feeds it does not know yet are shown as never polled.
 */
final class StatusReport {

    private StatusReport() {
    }

    static StatusDocument of(Database database, FeedStore store, EntryStore entries, List<FeedConfig> configured) {
        Map<String, FeedRow> rows = store.all().stream()
                .collect(Collectors.toMap(row -> row.url().toString(), Function.identity()));
        Map<Long, FeedKeyScheme> schemes = entries.keySchemes().stream()
                .collect(Collectors.toMap(FeedKeyScheme::feedId, Function.identity(), (a, b) -> b));
        List<FeedStatus> feeds = configured.stream()
                .map(feed -> statusOf(rows.get(feed.url().toString()), feed, schemes))
                .toList();
        return new StatusDocument(feeds, StoreStats.read(database));
    }

    static StatusDocument unknown(List<FeedConfig> configured) {
        return new StatusDocument(
                configured.stream().map(feed -> FeedStatus.unknown(feed.url(), feed.title())).toList(), null);
    }

    private static FeedStatus statusOf(FeedRow row, FeedConfig feed, Map<Long, FeedKeyScheme> schemes) {
        if (row == null) {
            return FeedStatus.unknown(feed.url(), feed.title());
        }
        FeedKeyScheme scheme = schemes.get(row.id());
        FeedStatus status = FeedStatus.of(row);
        return scheme == null ? status : status.withKeyScheme(scheme.scheme().name().toLowerCase(Locale.ROOT)
                .replace('_', '+') + " (" + scheme.reason() + ")");
    }
}
