package org.feedmerge.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as admins write them: a plain number of bytes, SI units {@code KB}, {@code MB},
 * {@code GB} (powers of 1000) or IEC units {@code KiB}, {@code MiB}, {@code GiB} (powers of 1024),
 * in any letter case, optionally with a space before the unit.
 */
final class ByteSizeText {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "b", 1L,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30);
    // Largest first, SI before IEC, so format() picks the unit the admin most likely wrote.
    private static final String[] FORMAT_UNITS = {"GB", "GiB", "MB", "MiB", "KB", "KiB"};

    private ByteSizeText() {
    }

    static Parsed<Long> parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        Long unit = matcher.matches() ? UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT)) : null;
        if (unit == null) {
            return Parsed.bad("not a size: \"" + text
                    + "\"; write a whole number of bytes or e.g. 512KB, 10MB, 1GB (or KiB, MiB, GiB)");
        }
        try {
            return Parsed.ok(Math.multiplyExact(Long.parseLong(matcher.group(1)), unit));
        } catch (ArithmeticException | NumberFormatException e) {
            return Parsed.bad("size too large: \"" + text + "\"");
        }
    }

    /** {@code 10MB}, {@code 1GiB}, or {@code 1234 bytes} when no unit divides it. */
    static String format(long bytes) {
        for (String unit : FORMAT_UNITS) {
            long size = UNITS.get(unit.toLowerCase(Locale.ROOT));
            if (bytes != 0 && bytes % size == 0) {
                return bytes / size + unit;
            }
        }
        return bytes + " bytes";
    }
}
