package org.feedmerge.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells our own network being down from feeds failing. When nearly every poll fails with a network
 * error at once, the fault is most likely ours (cable, DNS, Wi-Fi), and holding it against each feed
 * would back them all off for hours after the network returns.
 *
 * <p>Down means: in the last {@value #WINDOW_SECONDS} s at least {@value #MIN_POLLS} polls finished,
 * at least {@value #MIN_PERCENT}% of them with a network error, and those failures span at least
 * {@value #MIN_HOSTS} hosts (one dead server hosting many feeds is that server's trouble, not ours).
 * Once down, it stays down until a poll gets any HTTP answer; then counting starts afresh. Entering
 * and leaving are logged once each. Only the latest {@value #MAX_SAMPLES} polls of the window are
 * kept: plenty to judge by, and memory and the work per poll stay bounded however many feeds are
 * polled a minute (a minute of 10,000 feeds polled back to back held 40,000 samples, 4 MB).
 * Thread-safe; time comes from the injected clock.
 */
public final class NetworkWatch {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkWatch.class);

    static final int WINDOW_SECONDS = 60;
    static final int MIN_POLLS = 5;
    static final int MIN_PERCENT = 80;
    static final int MIN_HOSTS = 3;
    static final int MAX_SAMPLES = 1_000;
    private static final Duration WINDOW = Duration.ofSeconds(WINDOW_SECONDS);

    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private boolean down;

    public NetworkWatch(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records one finished poll (not a postponed one).
     *
     * @param host         the host it fetched from
     * @param networkError whether it failed without any HTTP answer
     * @return true when this was a network error while our own network looks down: do not hold it
     *         against the feed
     */
    public synchronized boolean record(String host, boolean networkError) {
        Instant now = clock.instant();
        if (!networkError) {
            comeBack();
        }
        samples.addLast(new Sample(now, host, networkError));
        while (samples.size() > MAX_SAMPLES || samples.peekFirst().at().isBefore(now.minus(WINDOW))) {
            samples.removeFirst();
        }
        if (!networkError) {
            return false;
        }
        if (!down && looksDown()) {
            down = true;
            LOG.warn("network looks down: {} of {} polls in the last {} s failed with network errors, across {} hosts;"
                    + " not counting these failures against the feeds", failures(), samples.size(), WINDOW_SECONDS,
                    failingHosts());
        }
        return down;
    }

    /** How many polls the current judgement rests on (at most {@value #MAX_SAMPLES}). */
    synchronized int samples() {
        return samples.size();
    }

    /** Whether our own network is currently believed down. */
    public synchronized boolean isDown() {
        return down;
    }

    /** The outage's failures say nothing about what comes next: counting starts afresh. */
    private void comeBack() {
        if (down) {
            down = false;
            samples.clear();
            LOG.info("network is back: polls get answers again");
        }
    }

    private boolean looksDown() {
        return samples.size() >= MIN_POLLS && failures() * 100 >= (long) MIN_PERCENT * samples.size()
                && failingHosts() >= MIN_HOSTS;
    }

    private long failures() {
        return samples.stream().filter(Sample::networkError).count();
    }

    private long failingHosts() {
        return samples.stream().filter(Sample::networkError).map(Sample::host).distinct().count();
    }

    private record Sample(Instant at, String host, boolean networkError) {
    }
}
