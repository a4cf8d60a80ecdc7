package org.feedmerge.parse;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Set;

/**
 * What a feed document says about how often it should be fetched. The poll policy weighs these
 * against the configured interval, floor and ceiling; every field may be absent.
 *
 * @param ttl                RSS {@code <ttl>} (minutes in the document), or null
 * @param syndicationPeriod  {@code sy:updatePeriod} divided by {@code sy:updateFrequency}, or null
 * @param skipHours          RSS {@code <skipHours>}: hours of the day (0-23, GMT) not to poll
 * @param skipDays           RSS {@code <skipDays>}: days (GMT) not to poll
 */
public record PublisherHints(Duration ttl, Duration syndicationPeriod, Set<Integer> skipHours, Set<DayOfWeek> skipDays) {
    public static final PublisherHints NONE = new PublisherHints(null, null, Set.of(), Set.of());

    public PublisherHints {
        skipHours = Set.copyOf(skipHours);
        skipDays = Set.copyOf(skipDays);
    }
}
