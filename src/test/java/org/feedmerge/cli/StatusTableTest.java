package org.feedmerge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.feedmerge.publish.FeedStatus;
import org.junit.jupiter.api.Test;

class StatusTableTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void oneRowPerFeedWithDetailsIndentedBelow() {
        List<FeedStatus> feeds = List.of(
                new FeedStatus(URI.create("https://a.example/rss"), "A", null, null, "OK", 200, null, 0, T0, T0,
                        T0.plus(Duration.ofMinutes(30)), "interval", null),
                new FeedStatus(URI.create("https://old.example/feed"), "Old", URI.create("https://new.example/feed"),
                        T0, "NOT_MODIFIED", 304, null, 0, T0, T0, T0.plus(Duration.ofHours(2)), "cache-control", null),
                new FeedStatus(URI.create("https://down.example/x"), "Down", null, null, "NETWORK_ERROR", 0,
                        "connection refused", 3, T0, null, T0.plus(Duration.ofHours(2)), "backoff", null),
                new FeedStatus(URI.create("https://gone.example/x"), "Gone", null, null, "HTTP_ERROR", 410,
                        "HTTP 410 Gone", 1, T0, null, null, "retired", T0),
                FeedStatus.unknown(URI.create("https://new.example/never"), null));

        String table = StatusTable.render(feeds);

        assertThat(table).isEqualTo("""
                FEED                       STATUS            FAILS  LAST SUCCESS          NEXT POLL             RULE
                https://a.example/rss      OK 200            0      2026-03-01 12:00:00Z  2026-03-01 12:30:00Z  interval
                https://old.example/feed   NOT_MODIFIED 304  0      2026-03-01 12:00:00Z  2026-03-01 14:00:00Z  cache-control
                    moved to https://new.example/feed on 2026-03-01 12:00:00Z
                https://down.example/x     NETWORK_ERROR     3      -                     2026-03-01 14:00:00Z  backoff
                    error: connection refused
                https://gone.example/x     HTTP_ERROR 410    1      -                     never (retired)       retired
                    error: HTTP 410 Gone
                    retired on 2026-03-01 12:00:00Z (410 Gone); edit its config entry to poll it again
                https://new.example/never  never polled      0      -                     -                     -
                """);
    }
}
