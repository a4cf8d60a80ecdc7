package org.feedmerge.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.DateTimeException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * HTTP-date (RFC 9110 §5.6.7): IMF-fixdate is sent; recipients must also accept the obsolete
 * RFC 850 and asctime forms. Anything else is not a date, and conditional headers carrying it are ignored.
 */
final class HttpDates {

    /** The longest valid form, RFC 850 with "Wednesday", is 33 characters; leave some room for odd spacing. */
    private static final int MAX_LENGTH = 64;

    private static final List<DateTimeFormatter> ACCEPTED = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("EEEE, dd-MMM-")
                    // RFC 850's two-digit year: 70-99 are 19xx, the rest 20xx.
                    .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(1970, 1, 1))
                    .appendPattern(" HH:mm:ss 'GMT'")
                    .toFormatter(Locale.US).withZone(ZoneOffset.UTC),
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("EEE MMM ppd HH:mm:ss uuuu")
                    .toFormatter(Locale.US).withZone(ZoneOffset.UTC));

    private HttpDates() {
    }

    /** IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static String format(Instant instant) {
        return FeedDates.RFC_822.format(instant);
    }

    /** The instant, or null when {@code value} is not an HTTP-date. */
    static Instant parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return null;
        }
        String trimmed = value.strip();
        for (DateTimeFormatter format : ACCEPTED) {
            try {
                return format.parse(trimmed, Instant::from);
            } catch (DateTimeException e) {
                // not this form; try the next
            }
        }
        return null;
    }
}
