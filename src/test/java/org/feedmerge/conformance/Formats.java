package org.feedmerge.conformance;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lexical rules the validity checks hold merged output to. Pure. */
final class Formats {
    /**
     * RFC 822 §5 date-time as RSS 2.0 uses it (RFC 2822's four-digit year allowed, seconds
     * optional): {@code [day ","] date month year time zone}.
     */
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    + "(\\d{2}|\\d{4}) (\\d{2}):(\\d{2})(?::(\\d{2}))? (UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Z]|[+-]\\d{4})");
    /** RFC 3339 §5.6 date-time (upper-case T and Z, as RFC 4287 §3.3 requires). */
    private static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private Formats() {
    }

    /** Null when {@code value} is an RFC 822 date-time, else what is wrong with it. */
    static String rfc822Problem(String value) {
        Matcher date = RFC_822.matcher(value.strip());
        if (!date.matches()) {
            return "not an RFC 822 date-time";
        }
        return date.group(1) == null || date.group(4).length() != 4 || date.group(7) == null
                ? null : dayOfWeekProblem(value.strip(), date.group(1));
    }

    private static String dayOfWeekProblem(String value, String dayName) {
        try {
            // Parsed without the day name: java.time rejects a wrong one instead of reporting it.
            String withoutDay = value.substring(value.indexOf(',') + 1).strip();
            DayOfWeek day = ZonedDateTime.parse(withoutDay, DateTimeFormatter.RFC_1123_DATE_TIME).getDayOfWeek();
            String actual = day.getDisplayName(TextStyle.SHORT, Locale.US);
            return actual.equals(dayName) ? null : "day of week is " + actual + ", not " + dayName;
        } catch (DateTimeException e) {
            // Zones RFC 1123 parsing does not know (EST, military letters) are still RFC 822.
            return null;
        }
    }

    /** Null when {@code value} is an RFC 3339 date-time, else what is wrong with it. */
    static String rfc3339Problem(String value) {
        if (!RFC_3339.matcher(value).matches()) {
            return "not an RFC 3339 date-time";
        }
        try {
            OffsetDateTime.parse(value);
            return null;
        } catch (DateTimeException e) {
            return "not a real date-time";
        }
    }

    /**
     * An absolute IRI (RFC 3987): non-ASCII characters are percent-encoded before java.net.URI
     * checks the syntax, so only the ASCII syntax is judged strictly.
     */
    static boolean isAbsoluteIri(String value) {
        if (value == null || value.isEmpty() || !value.equals(value.strip())) {
            return false;
        }
        try {
            URI uri = new URI(asciiOnly(value));
            return uri.isAbsolute() && uri.getScheme().matches("[A-Za-z][A-Za-z0-9+.-]*");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String asciiOnly(String value) {
        StringBuilder ascii = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int octet = b & 0xFF;
            ascii.append(octet < 0x80 ? String.valueOf((char) octet) : String.format("%%%02X", octet));
        }
        return ascii.toString();
    }

    /** The first character XML 1.0 §2.2 forbids, as {@code U+XXXX}, or null. */
    static String firstIllegalXmlChar(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!legal) {
                return String.format("U+%04X", c);
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
