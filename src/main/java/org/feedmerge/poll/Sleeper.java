package org.feedmerge.poll;

import java.time.Duration;

/** Waits a short while; injected so tests move a settable clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
