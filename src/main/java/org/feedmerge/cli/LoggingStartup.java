package org.feedmerge.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Logback's own start (finding and reading {@code logback.xml}, setting up appenders: about 0.14 s
 * on one core, a tenth of a one-shot poll) on a thread of its own, so that it overlaps with reading
 * feedmerge's config on the caller's thread. Nothing may create a logger until {@link #awaitReady()}
 * has returned: while SLF4J starts, it hands out stand-in loggers that queue what they log and
 * replay it later with a warning. The config reader creates none (docs/performance.md).
 */
final class LoggingStartup {
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
            LoggerFactory.getILoggerFactory();
        } finally {
            ready.countDown();
        }
    }

    /** Returns once Logback has started (or failed to, which it reports itself). */
    void awaitReady() throws InterruptedException {
        ready.await();
    }
}
