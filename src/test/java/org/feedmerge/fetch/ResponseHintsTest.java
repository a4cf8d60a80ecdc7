package org.feedmerge.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseHintsTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");
    /** The server's clock runs ten minutes behind ours: relative values must use its Date. */
    private static final String SERVER_DATE = "Sun, 01 Mar 2026 11:50:00 GMT";

    private static ServerHints read(String... namesAndValues) {
        return ResponseHints.read(Headers.of(namesAndValues), RECEIVED);
    }

    static Stream<Arguments> maxAge() {
        return Stream.of(
                Arguments.of("max-age=3600", Duration.ofHours(1)),
                Arguments.of("public, MAX-AGE=600, must-revalidate", Duration.ofMinutes(10)),
                Arguments.of("max-age=\"120\"", Duration.ofMinutes(2)),
                Arguments.of("max-age=0", Duration.ZERO),
                Arguments.of("s-maxage=600", null),
                Arguments.of("max-age=soon", null),
                Arguments.of("max-age=-5", null),
                Arguments.of("max-age=60, max-age=6000", null),
                Arguments.of("max-age=99999999999999999999", null),
                Arguments.of("max-age=9999999999", Duration.ofSeconds(Integer.MAX_VALUE)),
                Arguments.of("no-cache", null));
    }

    @ParameterizedTest(name = "Cache-Control: {0}")
    @MethodSource
    void maxAge(String cacheControl, Duration expected) {
        assertThat(read("Cache-Control", cacheControl).maxAge()).isEqualTo(expected);
    }

    static Stream<Arguments> retryAfter() {
        return Stream.of(
                Arguments.of("120", Duration.ofMinutes(2)),
                Arguments.of(" 0 ", Duration.ZERO),
                Arguments.of("Sun, 01 Mar 2026 12:50:00 GMT", Duration.ofHours(1)),
                Arguments.of("Sunday, 01-Mar-26 12:50:00 GMT", Duration.ofHours(1)),
                Arguments.of("Sun Mar  1 12:50:00 2026", Duration.ofHours(1)),
                Arguments.of("Sun, 01 Mar 2026 11:00:00 GMT", Duration.ZERO),
                Arguments.of("tomorrow", null),
                Arguments.of("-30", null),
                Arguments.of("1.5", null));
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @MethodSource
    void retryAfter(String value, Duration expected) {
        assertThat(read("Date", SERVER_DATE, "Retry-After", value).retryAfter()).isEqualTo(expected);
    }

    @Test
    void withoutADateHeaderOurClockDatesTheResponse() {
        assertThat(read("Retry-After", "Sun, 01 Mar 2026 12:30:00 GMT").retryAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(read("Expires", "Sun, 01 Mar 2026 13:00:00 GMT").expires()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void expiresIsRelativeToTheServersDate() {
        ServerHints hints = read("Date", SERVER_DATE, "Expires", "Sun, 01 Mar 2026 12:20:00 GMT");

        assertThat(hints.expires()).isEqualTo(Duration.ofMinutes(30));
        assertThat(hints.maxAge()).isNull();
    }

    @Test
    void anInvalidOrPastExpiresMeansAlreadyStale() {
        assertThat(read("Expires", "0").expires()).isEqualTo(Duration.ZERO);
        assertThat(read("Date", SERVER_DATE, "Expires", "Sat, 01 Jan 2000 00:00:00 GMT").expires())
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void maxAgeTakesPrecedenceOverExpires() {
        ServerHints hints = read("Cache-Control", "max-age=60", "Expires", "Sun, 01 Mar 2026 18:00:00 GMT");

        assertThat(hints).isEqualTo(new ServerHints(Duration.ofMinutes(1), null, null));
    }

    @Test
    void noHeadersNoHints() {
        assertThat(read()).isEqualTo(ServerHints.NONE);
    }
}
