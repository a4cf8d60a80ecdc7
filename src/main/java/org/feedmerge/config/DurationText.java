package org.feedmerge.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as admins write them: {@code 90s}, {@code 30m}, {@code 1h30m}, {@code 1d}, or ISO-8601
 * ({@code PT30M}, see {@link Duration#parse}). A bare number is refused: "30" could mean seconds
 * or minutes, and guessing wrong would poll a server 60 times too often.
 */
final class DurationText {
    private static final Pattern COMPACT =
            Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String EXAMPLES = "write e.g. 90s, 30m, 1h30m, 1d or ISO-8601 PT30M";

    private DurationText() {
    }

    static Parsed<Duration> parse(String text) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            return Parsed.bad("empty duration; " + EXAMPLES);
        }
        if (DIGITS.matcher(compact).matches()) {
            return Parsed.bad("a duration needs a unit: write " + compact + "s, " + compact + "m, "
                    + compact + "h or " + compact + "d");
        }
        String upper = compact.toUpperCase(Locale.ROOT);
        return upper.startsWith("P") || upper.startsWith("-P") ? iso(text, upper) : compact(text, compact);
    }

    /** The shortest compact form, e.g. {@code 1h30m}; ISO-8601 when there are fractions of a second. */
    static String format(Duration duration) {
        if (duration.isNegative()) {
            return "-" + format(duration.negated());
        }
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.toNanosPart() != 0) {
            return duration.toString();
        }
        return part(duration.toDaysPart(), "d") + part(duration.toHoursPart(), "h")
                + part(duration.toMinutesPart(), "m") + part(duration.toSecondsPart(), "s");
    }

    private static String part(long amount, String unit) {
        return amount == 0 ? "" : amount + unit;
    }

    private static Parsed<Duration> iso(String original, String upper) {
        try {
            return Parsed.ok(Duration.parse(upper));
        } catch (DateTimeParseException e) {
            return Parsed.bad("not a valid ISO-8601 duration: \"" + original + "\"; " + EXAMPLES);
        }
    }

    private static Parsed<Duration> compact(String original, String compact) {
        Matcher matcher = COMPACT.matcher(compact);
        if (!matcher.matches()) {
            return Parsed.bad("not a duration: \"" + original + "\"; " + EXAMPLES
                    + " (units d, h, m, s, largest first)");
        }
        try {
            return Parsed.ok(Duration.ofDays(amount(matcher, 1)).plusHours(amount(matcher, 2))
                    .plusMinutes(amount(matcher, 3)).plusSeconds(amount(matcher, 4)));
        } catch (ArithmeticException | NumberFormatException e) {
            return Parsed.bad("duration too long: \"" + original + "\"");
        }
    }

    private static long amount(Matcher matcher, int group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
