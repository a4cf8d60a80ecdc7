package org.feedmerge.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Politeness per host: at most {@code maxConcurrent} requests to one host at a time, their starts at
 * least {@code spacing} apart, and none at all while the host has asked us to wait (Retry-After on a
 * 429 or 503). Thread-safe.
 *
 * <p>Never holds a worker for long: a start that is due within {@link #MAX_WAIT} is waited for; a
 * host that is busy, cooling down or booked further ahead answers {@link Postponed} with a time, and
 * the caller reschedules the feed. Postponed feeds of one host are given times {@code spacing} apart,
 * so they do not all come back in the same second.
 */
public final class HostGate {
    /** The longest a worker waits in place for its spacing slot. */
    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    /** How soon a feed that found its host busy tries again, at the least. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    private final int maxConcurrent;
    private final Duration spacing;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Host> hosts = new HashMap<>();

    /**
     * @param maxConcurrent {@code fetch.per-host-connections}
     * @param spacing       {@code fetch.per-host-spacing}
     */
    public HostGate(int maxConcurrent, Duration spacing, Clock clock, Sleeper sleeper) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be >= 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.spacing = Objects.requireNonNull(spacing, "spacing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** May a request to the host start? Close the permit of an {@link Admitted} when the request is done. */
    public Admission admit(String host) {
        String key = key(host);
        Instant now = clock.instant();
        Duration wait;
        synchronized (this) {
            Host state = hosts.computeIfAbsent(key, k -> new Host());
            if (state.coolDownUntil != null && state.coolDownUntil.isAfter(now)) {
                return postpone(state, state.coolDownUntil, NextPollRule.HOST_RETRY_AFTER);
            }
            if (state.inFlight >= maxConcurrent) {
                return postpone(state, now.plus(BUSY_RETRY.compareTo(spacing) > 0 ? BUSY_RETRY : spacing),
                        NextPollRule.HOST_BUSY);
            }
            Instant start = state.lastStart == null ? now : later(now, state.lastStart.plus(spacing));
            wait = Duration.between(now, start);
            if (wait.compareTo(MAX_WAIT) > 0) {
                return postpone(state, start, NextPollRule.HOST_SPACING);
            }
            state.inFlight++;
            state.lastStart = start;
        }
        return waitForSlot(key, wait);
    }

    private Admission waitForSlot(String key, Duration wait) {
        Permit permit = new Permit(this, key);
        if (wait.isZero()) {
            return new Admitted(permit);
        }
        try {
            sleeper.sleep(wait);
            return new Admitted(permit);
        } catch (InterruptedException e) {
            // Shutting down: give the slot back and let the caller book the feed for later.
            Thread.currentThread().interrupt();
            permit.close();
            return new Postponed(clock.instant().plus(spacing), NextPollRule.HOST_SPACING);
        }
    }

    /**
     * The host asked every client to wait until {@code until}: no request to it starts before then.
     *
     * @return true when this starts or lengthens its cool-down (worth one log line), false when an
     *         earlier request already covered it
     */
    public synchronized boolean coolDown(String host, Instant until) {
        Host state = hosts.computeIfAbsent(key(host), k -> new Host());
        if (state.coolDownUntil != null && !until.isAfter(state.coolDownUntil)) {
            return false;
        }
        state.coolDownUntil = until;
        return true;
    }

    private Postponed postpone(Host state, Instant earliest, NextPollRule rule) {
        Instant until = state.lastPromised == null ? earliest : later(earliest, state.lastPromised.plus(spacing));
        state.lastPromised = until;
        return new Postponed(until, rule);
    }

    private synchronized void release(String key) {
        hosts.get(key).inFlight--;
    }

    /** Host names are case-insensitive (RFC 3986 §3.2.2). */
    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The answer to {@link #admit}. */
    public sealed interface Admission {
    }

    /** Go ahead; close the permit when the request is done. */
    public record Admitted(Permit permit) implements Admission {
    }

    /** Do not fetch now; come back at {@code until}. */
    public record Postponed(Instant until, NextPollRule rule) implements Admission {
    }

    /** One running request to a host; closing it (once) frees the slot. */
    public static final class Permit implements AutoCloseable {
        private final HostGate gate;
        private final String key;
        private boolean closed;

        private Permit(HostGate gate, String key) {
            this.gate = gate;
            this.key = key;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                gate.release(key);
            }
        }
    }

    /** Mutable per-host state, guarded by the gate's lock. */
    private static final class Host {
        int inFlight;
        Instant lastStart;
        Instant coolDownUntil;
        Instant lastPromised;
    }
}
