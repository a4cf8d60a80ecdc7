package org.feedmerge.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * Logback's own start (finding and reading {@code logback.xml}, setting up appenders: about 0.14 s
 * on one core, a tenth of a one-shot poll) on a thread of its own, so that it overlaps with reading
 * feedmerge's config on the caller's thread. Nothing may create a logger until {@link #awaitReady()}
 * has returned: while SLF4J starts, it hands out stand-in loggers that queue what they log and
 * replay it later with a warning. The config reader creates none (docs/performance.md).
 */
final class LoggingStartup {
    /** How long to wait for a start that another thread is running (it takes a fraction of a second). */
    private static final long STARTING_ELSEWHERE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final CountDownLatch ready = new CountDownLatch(1);

    private LoggingStartup() {
    }

    /** Starts Logback in the background. */
    static LoggingStartup begin() {
        LoggingStartup startup = new LoggingStartup();
        Thread thread = new Thread(startup::start, "feedmerge-logging-startup");
        thread.setDaemon(true);
        thread.start();
        return startup;
    }

    private void start() {
        try {
            // SLF4J answers at once, with its stand-in, while another thread is starting it (an
            // earlier command in the same JVM, as in tests): wait for the real factory then.
            long deadline = System.nanoTime() + STARTING_ELSEWHERE_NANOS;
            while (LoggerFactory.getILoggerFactory() instanceof SubstituteLoggerFactory
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ready.countDown();
        }
    }

    /** Returns once Logback has started (or failed to, which it reports itself). */
    void awaitReady() throws InterruptedException {
        ready.await();
    }
}
