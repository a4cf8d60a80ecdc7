package org.feedmerge.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feed dates as written in the wild, to instants. Tried in order: ISO 8601 / RFC 3339 / W3CDTF
 * (a missing zone means UTC, partial dates the start of the period, any fraction length), RFC 822
 * and its variants (RFC 2822 §4.3 obsolete zones, full day and month names, missing seconds or
 * zone, a zone comment), asctime / {@code Date.toString()}, "Month d, yyyy". Anything else is
 * null, never "now". Pure and thread-safe.
 *
 * <p>Why not Rome's parser: it returns null for ISO dates without a zone, reads microseconds as
 * milliseconds ({@code .123456Z} lands two minutes late), and its lenient {@code SimpleDateFormat}
 * masks turn garbage into plausible wrong dates (the 32nd of January is the 1st of February).
 * The mappers use Rome's dates only for entries they cannot pair with an element.
 */
final class FeedDate {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:[-/]?(\\d{2})(?:[-/]?(\\d{2})(?:[Tt ]+(\\d{1,2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?)?)?"
                    + "\\s*(.*)");
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[A-Za-z]+\\.?,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,})\\.?,?[\\s-]+(\\d{2,4}),?"
                    + "(?:(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?\\s*([AaPp][Mm])?)?\\s*(.*)");
    private static final Pattern ASCTIME = Pattern.compile(
            "[A-Za-z]+,?\\s+([A-Za-z]{3,})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(?:(\\S+)\\s+)?(\\d{4})");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?([A-Za-z]{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
                    + "(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?\\s*(.*)");
    private static final Pattern COMMENT = Pattern.compile("\\(.*\\)");
    private static final Pattern NUMERIC_OFFSET = Pattern.compile("(?:GMT|UTC|UT)?\\s*([+-])(\\d{1,2}):?(\\d{2})?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    /** RFC 822 §5.1 zones plus the abbreviations feeds commonly use; minutes east of UTC. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("WET", 0), Map.entry("WEST", 60), Map.entry("BST", 60), Map.entry("IST", 330),
            Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("MET", 60), Map.entry("MEST", 120),
            Map.entry("EET", 120), Map.entry("EEST", 180), Map.entry("MSK", 180),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
            Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600),
            Map.entry("AST", -240), Map.entry("ADT", -180), Map.entry("NST", -210), Map.entry("NDT", -150),
            Map.entry("JST", 540), Map.entry("KST", 540), Map.entry("HKT", 480), Map.entry("SGT", 480),
            Map.entry("AWST", 480), Map.entry("ACST", 570), Map.entry("AEST", 600), Map.entry("AEDT", 660),
            Map.entry("NZST", 720), Map.entry("NZDT", 780));

    private FeedDate() {
    }

    /** The instant the text denotes, or null when it is blank or not a date we can read. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        Instant instant = Character.isDigit(s.charAt(0)) ? iso(s) : null;
        if (instant == null) {
            instant = rfc822(s);
        }
        if (instant == null) {
            instant = asctime(s);
        }
        return instant != null ? instant : monthFirst(s);
    }

    private static Instant iso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            return null;
        }
        LocalDate date = date(m.group(1), m.group(2) == null ? 1 : number(m.group(2)), m.group(3) == null ? "1" : m.group(3));
        LocalTime time = time(m.group(4), m.group(5), m.group(6), null);
        if (date == null || time == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(date, time).plusNanos(nanos(m.group(7)));
        return atZone(local, m.group(8));
    }

    private static Instant rfc822(String s) {
        Matcher m = RFC_822.matcher(s);
        if (!m.matches()) {
            return null;
        }
        return instant(year(m.group(3)), month(m.group(2)), m.group(1), time(m.group(4), m.group(5), m.group(6), m.group(7)),
                m.group(8));
    }

    private static Instant asctime(String s) {
        Matcher m = ASCTIME.matcher(s);
        if (!m.matches()) {
            return null;
        }
        return instant(number(m.group(7)), month(m.group(1)), m.group(2), time(m.group(3), m.group(4), m.group(5), null),
                m.group(6) == null ? "" : m.group(6));
    }

    private static Instant monthFirst(String s) {
        Matcher m = MONTH_FIRST.matcher(s);
        if (!m.matches()) {
            return null;
        }
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : time(m.group(4), m.group(5), m.group(6), m.group(7));
        return instant(number(m.group(3)), month(m.group(1)), m.group(2), time, m.group(8));
    }

    private static Instant instant(int year, int month, String day, LocalTime time, String zone) {
        LocalDate date = month < 1 ? null : date(String.valueOf(year), month, day);
        return date == null || time == null ? null : atZone(LocalDateTime.of(date, time), zone);
    }

    /** Zone text after the time: none means UTC; an unknown name is read as UTC too (RFC 2822 §4.3). */
    private static Instant atZone(LocalDateTime local, String zoneText) {
        Integer minutes = offsetMinutes(zoneText);
        if (minutes == null) {
            return null;
        }
        return local.toInstant(ZoneOffset.UTC).minusSeconds(minutes * 60L);
    }

    private static Integer offsetMinutes(String zoneText) {
        String zone = COMMENT.matcher(zoneText).replaceAll("").strip();
        if (zone.isEmpty()) {
            return 0;
        }
        Matcher numeric = NUMERIC_OFFSET.matcher(zone);
        if (numeric.matches()) {
            int minutes = number(numeric.group(2)) * 60 + (numeric.group(3) == null ? 0 : number(numeric.group(3)));
            return minutes > 18 * 60 ? null : numeric.group(1).equals("-") ? -minutes : minutes;
        }
        if (!zone.chars().allMatch(Character::isLetter) || zone.length() > 5) {
            return null;
        }
        return ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), 0);
    }

    private static LocalDate date(String year, int month, String day) {
        try {
            return LocalDate.of(number(year), month, number(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime time(String hour, String minute, String second, String amPm) {
        if (hour == null) {
            return LocalTime.MIDNIGHT;
        }
        int h = number(hour);
        if (amPm != null) {
            h = h % 12 + (amPm.equalsIgnoreCase("pm") ? 12 : 0);
        }
        try {
            return LocalTime.of(h, number(minute), second == null ? 0 : Math.min(number(second), 59));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** RFC 2822 §4.3: two-digit years 00-49 are 20xx, 50-99 19xx; three digits add 1900. */
    private static int year(String digits) {
        int year = number(digits);
        if (digits.length() == 2) {
            return year < 50 ? 2000 + year : 1900 + year;
        }
        return digits.length() == 3 ? 1900 + year : year;
    }

    private static int month(String name) {
        return MONTHS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), 0);
    }

    private static long nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = (fraction + "000000000").substring(0, 9);
        return Long.parseLong(nine);
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }
}
