package org.feedmerge.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Set;
import org.feedmerge.parse.PublisherHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredHintsTest {

    @Test
    void roundTripsEveryField() {
        PublisherHints hints = new PublisherHints(Duration.ofMinutes(90), Duration.ofHours(1), Set.of(23, 0, 1),
                Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY));

        String text = StoredHints.encode(hints);

        assertThat(text).isEqualTo("ttl=PT1H30M;sy=PT1H;skip-hours=0,1,23;skip-days=SATURDAY,SUNDAY");
        assertThat(StoredHints.decode(text)).isEqualTo(hints);
    }

    @Test
    void noHintsAreNull() {
        assertThat(StoredHints.encode(PublisherHints.NONE)).isNull();
        assertThat(StoredHints.decode(null)).isEqualTo(PublisherHints.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ttl", "ttl=soon", "skip-hours=x", "skip-days=Funday", "colour=blue", ";"})
    void unreadableTextCountsAsNoHints(String text) {
        assertThat(StoredHints.decode(text)).isEqualTo(PublisherHints.NONE);
    }
}
