package org.feedmerge.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {

    private static final Instant NOV_6_1994 = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void formatsImfFixdate() {
        assertThat(HttpDates.format(NOV_6_1994)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    /** RFC 9110 §5.6.7: the preferred form and the two obsolete ones a recipient must accept. */
    @ParameterizedTest
    @ValueSource(strings = {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994", " Sun, 06 Nov 1994 08:49:37 GMT "})
    void parsesAllThreeForms(String value) {
        assertThat(HttpDates.parse(value)).isEqualTo(NOV_6_1994);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "0", "-1", "Sun, 06 Nov 1994", "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:49:37 GMT", "\u0000\u0001", "Sun, 06 Nov 1994 08:49:37 GMT; length=12345 and a lot more text"})
    void anythingElseIsNotADate(String value) {
        assertThat(HttpDates.parse(value)).isNull();
    }
}
