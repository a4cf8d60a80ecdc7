package org.feedmerge.poll;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.feedmerge.parse.PublisherHints;

/**
 * Publisher hints as kept on the feed's row between polls (a 304 carries no document to read them
 * from), e.g. {@code ttl=PT2H;sy=PT1H;skip-hours=0,1;skip-days=SATURDAY}. Readable in the
 * database; an unreadable value counts as no hints.
 */
final class StoredHints {

    private StoredHints() {
    }

    /** Null for no hints. */
    static String encode(PublisherHints hints) {
        StringJoiner text = new StringJoiner(";");
        if (hints.ttl() != null) {
            text.add("ttl=" + hints.ttl());
        }
        if (hints.syndicationPeriod() != null) {
            text.add("sy=" + hints.syndicationPeriod());
        }
        if (!hints.skipHours().isEmpty()) {
            text.add("skip-hours=" + join(new TreeSet<>(hints.skipHours())));
        }
        if (!hints.skipDays().isEmpty()) {
            text.add("skip-days=" + join(new TreeSet<>(hints.skipDays())));
        }
        return text.length() == 0 ? null : text.toString();
    }

    static PublisherHints decode(String text) {
        if (text == null || text.isBlank()) {
            return PublisherHints.NONE;
        }
        try {
            Duration ttl = null;
            Duration sy = null;
            Set<Integer> hours = Set.of();
            Set<DayOfWeek> days = Set.of();
            for (String field : text.split(";")) {
                String[] nameValue = field.split("=", 2);
                switch (nameValue[0]) {
                    case "ttl" -> ttl = Duration.parse(nameValue[1]);
                    case "sy" -> sy = Duration.parse(nameValue[1]);
                    case "skip-hours" -> hours = split(nameValue[1]).map(Integer::valueOf).collect(Collectors.toSet());
                    case "skip-days" -> days = split(nameValue[1]).map(DayOfWeek::valueOf).collect(Collectors.toSet());
                    default -> throw new IllegalArgumentException("unknown field " + nameValue[0]);
                }
            }
            return new PublisherHints(ttl, sy, hours, days);
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return PublisherHints.NONE;
        }
    }

    private static Stream<String> split(String list) {
        return Arrays.stream(list.split(","));
    }

    private static String join(Set<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
