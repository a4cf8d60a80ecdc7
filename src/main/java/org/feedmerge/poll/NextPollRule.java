package org.feedmerge.poll;

import java.util.Arrays;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Optional;

/** Which rule decided when a feed is polled next; stored on its row and shown in status by {@link #label()}. */
public enum NextPollRule {
    /** The feed's configured interval. */
    INTERVAL,
    /** RSS {@code <ttl>}. */
    TTL,
    /** {@code sy:updatePeriod} / {@code sy:updateFrequency}. */
    SY_UPDATE,
    /** {@code Cache-Control: max-age}. */
    CACHE_CONTROL,
    /** {@code Expires}. */
    EXPIRES,
    /** {@code Retry-After} on a 429 or 503 from this feed. */
    RETRY_AFTER,
    /** Pushed past RSS {@code <skipHours>}. */
    SKIP_HOURS,
    /** Pushed past RSS {@code <skipDays>}. */
    SKIP_DAYS,
    /** Raised to {@code poll.min-interval}. */
    FLOOR,
    /** Cut to {@code poll.max-interval}. */
    CEILING,
    /** Exponential backoff after failures. */
    BACKOFF,
    /** A network error while our own network looked down: not held against the feed. */
    NETWORK_DOWN,
    /** Not fetched: the host already had {@code fetch.per-host-connections} requests running. */
    HOST_BUSY,
    /** Not fetched: the host's previous request started less than {@code fetch.per-host-spacing} ago. */
    HOST_SPACING,
    /** Not fetched: the host asked every client to wait (429/503 with Retry-After on another feed). */
    HOST_RETRY_AFTER,
    /** 410 Gone: never polled again. */
    RETIRED;

    /** The stable name stored and shown: lower case with dashes, e.g. {@code cache-control}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The rule with this label, if any. */
    public static Optional<NextPollRule> fromLabel(String label) {
        return Arrays.stream(values()).filter(rule -> rule.label().equals(label)).findFirst();
    }

    /** True when only the feed's own configured schedule decided: nothing a server asked for. */
    boolean isOwnSchedule() {
        return this == INTERVAL || this == FLOOR || this == NETWORK_DOWN;
    }

    /** True for what the publisher asked for: we never come back earlier than that, jitter included. */
    boolean isPublisherAsk() {
        return this == TTL || this == SY_UPDATE || this == CACHE_CONTROL || this == EXPIRES || this == RETRY_AFTER;
    }
}
