package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.feedmerge.store.PollStatus;
import org.junit.jupiter.api.Test;

class PollTallyTest {

    private static PollReport report(PollStatus status, int added, int updated) {
        return new PollReport(URI.create("https://site.test/feed"), status, 200, 5, added, updated, null,
                Instant.parse("2026-11-27T00:00:00Z"), NextPollRule.INTERVAL, false);
    }

    @Test
    void countsEachKindOfPollAndStartsAfreshAfterASummary() {
        PollTally tally = new PollTally();
        tally.record(report(PollStatus.OK, 3, 1));
        tally.record(report(PollStatus.NOT_MODIFIED, 0, 0));
        tally.record(report(PollStatus.NOT_MODIFIED, 0, 0));
        tally.record(report(PollStatus.HTTP_ERROR, 0, 0));
        tally.record(report(PollStatus.NETWORK_ERROR, 0, 0));
        tally.record(report(PollStatus.POSTPONED, 0, 0));

        PollTally.Summary summary = tally.drain();

        assertThat(summary).isEqualTo(new PollTally.Summary(6, 3, 2, 2, 1, 3, 1));
        assertThat(summary.line())
                .isEqualTo("6 polls: 3 answered (2 not modified), 2 failed, 1 postponed; 3 new entries, 1 updated");
        assertThat(tally.drain()).isEqualTo(new PollTally.Summary(0, 0, 0, 0, 0, 0, 0));
    }
}
