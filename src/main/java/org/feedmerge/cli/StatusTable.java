package org.feedmerge.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.feedmerge.publish.FeedStatus;
import org.feedmerge.publish.StatusDocument;
import org.feedmerge.store.StoreStats;

/**
 * Renders feed statuses as a plain-text table for {@code feedmerge status}: one row per feed, then
 * indented lines for what does not fit a column (a move, the last error, retirement). Times are UTC.
 */
final class StatusTable {
    private static final String[] HEADER = {"FEED", "STATUS", "FAILS", "LAST SUCCESS", "NEXT POLL", "RULE"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private StatusTable() {
    }

    static String render(StatusDocument status) {
        StringBuilder out = new StringBuilder(render(status.feeds()));
        StoreStats database = status.database();
        if (database != null) {
            out.append("\ndatabase: ").append(database.databaseBytes()).append(" bytes (WAL ")
                    .append(database.walBytes()).append(", free ").append(database.freeBytes()).append(")");
            database.rows().forEach((table, count) -> out.append(", ").append(table).append(' ').append(count));
            out.append('\n');
        }
        return out.toString();
    }

    static String render(List<FeedStatus> feeds) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        feeds.forEach(feed -> rows.add(cells(feed)));
        int[] widths = widths(rows);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            line(out, rows.get(i), widths);
            if (i > 0) {
                details(out, feeds.get(i - 1));
            }
        }
        return out.toString();
    }

    private static String[] cells(FeedStatus feed) {
        return new String[] {
            feed.url().toString(),
            status(feed),
            Integer.toString(feed.consecutiveFailures()),
            time(feed.lastSuccess()),
            feed.retired() ? "never (retired)" : time(feed.nextPoll()),
            feed.nextPollRule() == null ? "-" : feed.nextPollRule()};
    }

    private static String status(FeedStatus feed) {
        if (feed.lastStatus() == null) {
            return "never polled";
        }
        return feed.httpStatus() == 0 ? feed.lastStatus() : feed.lastStatus() + " " + feed.httpStatus();
    }

    private static void details(StringBuilder out, FeedStatus feed) {
        if (feed.currentUrl() != null) {
            out.append("    moved to ").append(feed.currentUrl()).append(" on ").append(time(feed.movedAt()))
                    .append('\n');
        }
        if (feed.lastError() != null) {
            out.append("    error: ").append(feed.lastError()).append('\n');
        }
        if (feed.keyScheme() != null) {
            out.append("    entries identified by ").append(feed.keyScheme()).append('\n');
        }
        if (feed.retired()) {
            out.append("    retired on ").append(time(feed.retiredAt()))
                    .append(" (410 Gone); edit its config entry to poll it again\n");
        }
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(String.format("%-" + widths[i] + "s", cells[i])).append(i < cells.length - 1 ? "  " : "");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }
}
