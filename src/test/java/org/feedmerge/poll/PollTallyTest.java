package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.feedmerge.store.PollStatus;
import org.junit.jupiter.api.Test;

class PollTallyTest {

    private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant HOUR_LATER = Instant.parse("2026-11-27T01:00:00Z");

    private static PollReport report(PollStatus status, int added, int updated) {
        return new PollReport(URI.create("https://site.test/feed"), status, 200, 5, added, updated, null,
                START, NextPollRule.INTERVAL, false);
    }

    @Test
    void countsEachKindOfPollAndStartsAfreshAfterASummary() {
        PollTally tally = new PollTally(START);
        tally.record(report(PollStatus.OK, 3, 1));
        tally.record(report(PollStatus.NOT_MODIFIED, 0, 0));
        tally.record(report(PollStatus.NOT_MODIFIED, 0, 0));
        tally.record(report(PollStatus.HTTP_ERROR, 0, 0));
        tally.record(report(PollStatus.NETWORK_ERROR, 0, 0));
        tally.record(report(PollStatus.POSTPONED, 0, 0));
        tally.recordThrown();

        PollTally.Summary summary = tally.drain(HOUR_LATER);

        assertThat(summary).isEqualTo(new PollTally.Summary(START, 7, 3, 2, 3, 1, 3, 1));
        assertThat(summary.line()).isEqualTo("since 2026-11-27T00:00:00Z: 7 polls: 3 answered (2 not modified),"
                + " 3 failed, 1 postponed; 3 new entries, 1 updated");
        assertThat(tally.drain(HOUR_LATER.plusSeconds(3600)))
                .isEqualTo(new PollTally.Summary(HOUR_LATER, 0, 0, 0, 0, 0, 0, 0));
    }
}
