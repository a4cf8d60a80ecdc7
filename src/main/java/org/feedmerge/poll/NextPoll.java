package org.feedmerge.poll;

import java.time.Instant;
import java.util.Objects;

/**
 * When a feed is due again, and which rule decided it.
 *
 * @param at   the time
 * @param rule the rule that decided it
 */
public record NextPoll(Instant at, NextPollRule rule) {
    public NextPoll {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(rule, "rule");
    }
}
