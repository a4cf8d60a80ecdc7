package org.feedmerge.parse;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Reads {@link PublisherHints} from the JDOM tree, ignoring values that are garbage: RSS 2.0
 * {@code <ttl>} (minutes), {@code <skipHours>} (0-23 GMT; 24, from RSS 0.91's 1-24 wording, is
 * midnight) and {@code <skipDays>} (English day names), and the RSS 1.0 syndication module's
 * {@code sy:updatePeriod} / {@code sy:updateFrequency} (period defaults to daily, frequency to 1).
 *
 * <p>Rome parses skipHours, skipDays and cloud strictly and throws on a bad value, failing the
 * whole feed; {@link #readAndDetach} removes them once they have been read here.
 */
final class PublisherHintsReader {
    static final Namespace SY = Namespace.getNamespace("http://purl.org/rss/1.0/modules/syndication/");
    private static final String[] STRICTLY_PARSED = {"skipHours", "skipDays", "cloud"};
    private static final int MAX_FREQUENCY = 1_000_000;

    private PublisherHintsReader() {
    }

    /**
     * Reads the hints of the channel under {@code root} (the root itself for Atom and RSS 0.90
     * variants without one) and detaches what Rome would choke on.
     */
    static PublisherHints readAndDetach(Element root) {
        Element channel = root.getChild("channel", root.getNamespace());
        if (channel == null) {
            channel = root.getChildren().stream().filter(e -> e.getName().equals("channel")).findFirst().orElse(root);
        }
        PublisherHints hints = read(channel);
        detachStrictlyParsed(channel);
        return hints;
    }

    static PublisherHints read(Element channel) {
        Namespace ns = channel.getNamespace();
        return new PublisherHints(
                ttl(channel.getChildTextTrim("ttl", ns)),
                syndicationPeriod(channel.getChildTextTrim("updatePeriod", SY), channel.getChildTextTrim("updateFrequency", SY)),
                skipHours(channel.getChild("skipHours", ns)),
                skipDays(channel.getChild("skipDays", ns)));
    }

    private static void detachStrictlyParsed(Element channel) {
        for (String name : STRICTLY_PARSED) {
            channel.removeChildren(name, channel.getNamespace());
        }
    }

    private static Duration ttl(String minutes) {
        Integer value = positiveInt(minutes);
        return value == null ? null : Duration.ofMinutes(value);
    }

    private static Duration syndicationPeriod(String period, String frequency) {
        if (period == null && frequency == null) {
            return null;
        }
        Duration length = period == null ? Duration.ofDays(1) : periodLength(period);
        Integer times = positiveInt(frequency);
        if (length == null) {
            return null;
        }
        return times == null ? length : length.dividedBy(Math.min(times, MAX_FREQUENCY));
    }

    private static Duration periodLength(String period) {
        return switch (period.strip().toLowerCase(Locale.ROOT)) {
            case "hourly" -> Duration.ofHours(1);
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> Duration.ofDays(7);
            case "monthly" -> Duration.ofDays(30);
            case "yearly" -> Duration.ofDays(365);
            default -> null;
        };
    }

    private static Set<Integer> skipHours(Element skipHours) {
        Set<Integer> hours = new HashSet<>();
        if (skipHours != null) {
            for (Element hour : skipHours.getChildren("hour", skipHours.getNamespace())) {
                Integer value = nonNegativeInt(hour.getTextTrim());
                if (value != null && value <= 24) {
                    hours.add(value % 24);
                }
            }
        }
        return hours;
    }

    private static Set<DayOfWeek> skipDays(Element skipDays) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (skipDays != null) {
            for (Element day : skipDays.getChildren("day", skipDays.getNamespace())) {
                String name = day.getTextTrim().toUpperCase(Locale.ROOT);
                for (DayOfWeek candidate : DayOfWeek.values()) {
                    if (name.length() >= 3 && candidate.name().startsWith(name)) {
                        days.add(candidate);
                    }
                }
            }
        }
        return days;
    }

    private static Integer positiveInt(String text) {
        Integer value = nonNegativeInt(text);
        return value == null || value == 0 ? null : value;
    }

    private static Integer nonNegativeInt(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(text);
    }
}
