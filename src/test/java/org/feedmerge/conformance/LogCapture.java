package org.feedmerge.conformance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Collects ERROR events per thread while the suite runs: the pipeline logs an error only for
 * something unexpected (a parser bug caught by the poller, an entry the renderer had to drop), so
 * each one is a robustness finding for the document that worker was polling. Also quiets
 * {@code org.feedmerge} to WARN for the run: thousands of INFO poll lines help nobody here.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final Map<String, List<String>> byThread = new ConcurrentHashMap<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger feedmerge = (Logger) LoggerFactory.getLogger("org.feedmerge");
    private final Level feedmergeLevel = feedmerge.getLevel();

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setContext(capture.root.getLoggerContext());
        capture.setName("conformance-errors");
        capture.start();
        capture.root.addAppender(capture);
        capture.feedmerge.setLevel(Level.WARN);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            byThread.computeIfAbsent(event.getThreadName(), t -> new ArrayList<>())
                    .add(event.getLoggerName() + ": " + event.getFormattedMessage());
        }
    }

    /** The errors the current thread logged since the last call, cleared. */
    List<String> drainCurrentThread() {
        List<String> seen = byThread.remove(Thread.currentThread().getName());
        return seen == null ? List.of() : List.copyOf(seen);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        feedmerge.setLevel(feedmergeLevel);
        stop();
    }
}
