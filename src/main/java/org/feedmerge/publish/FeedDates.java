package org.feedmerge.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Date formats of the rendered feeds, at whole seconds: RFC 822 as RSS 2.0 uses it (four-digit
 * year, always GMT; the same shape as HTTP's IMF-fixdate) and RFC 3339 as Atom requires (RFC 4287
 * §3.3). Both only have room for years 0001 to 9999, so instants are checked before rendering.
 */
final class FeedDates {

    static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    private FeedDates() {
    }

    /** {@code instant} at whole seconds; IllegalArgumentException when the formats cannot show its year. */
    static Instant renderable(Instant instant, String what) {
        if (instant.isBefore(FIRST) || instant.isAfter(LAST)) {
            throw new IllegalArgumentException(what + " out of range: " + instant);
        }
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** E.g. {@code Tue, 03 Jun 2008 11:05:30 GMT}. */
    static String rfc822(Instant instant) {
        return RFC_822.format(instant);
    }

    /** E.g. {@code 2008-06-03T11:05:30Z}. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
