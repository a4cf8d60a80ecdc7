package org.feedmerge.fetch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses HTTP-dates. RFC 9110 §5.6.7: a recipient must accept IMF-fixdate and the two obsolete
 * forms (RFC 850 and asctime); all are GMT. Names are English whatever the default locale.
 */
final class HttpDate {

    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private HttpDate() {
    }

    static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(trimmed, Instant::from));
        } catch (DateTimeParseException e) {
            return parseObsolete(trimmed);
        }
    }

    private static Optional<Instant> parseObsolete(String text) {
        for (DateTimeFormatter format : List.of(RFC_850, ASCTIME)) {
            try {
                return Optional.of(LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
