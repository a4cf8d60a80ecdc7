package org.feedmerge.bench;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.feedmerge.config.FeedConfig;
import org.feedmerge.config.FeedmergeConfig;
import org.feedmerge.poll.FeedPoller;
import org.feedmerge.poll.FeedSubscription;
import org.feedmerge.publish.MergedFeedPublisher;
import org.feedmerge.store.EntryStore;

/**
 * The daemon's own wiring, {@code org.feedmerge.cli.Pipeline}, opened by reflection: it is
 * package-private, and wiring the stages again here would measure something that can drift from
 * what {@code feedmerge poll} and {@code feedmerge run} do (per-host limits, dedup options...). If
 * Pipeline's shape changes, this fails at once with the member it could not find.
 */
final class RealPipeline implements AutoCloseable {
    private static final String PIPELINE = "org.feedmerge.cli.Pipeline";

    private final Object pipeline;
    private final Class<?> type;

    private RealPipeline(Object pipeline, Class<?> type) {
        this.pipeline = pipeline;
        this.type = type;
    }

    static RealPipeline open(FeedmergeConfig config, Clock clock) {
        try {
            Class<?> type = Class.forName(PIPELINE);
            Method open = type.getDeclaredMethod("open", FeedmergeConfig.class, Clock.class);
            open.setAccessible(true);
            return new RealPipeline(open.invoke(null, config, clock), type);
        } catch (ReflectiveOperationException e) {
            throw failure("open", e);
        }
    }

    @SuppressWarnings("unchecked")
    List<FeedSubscription> register(List<FeedConfig> feeds, Duration defaultInterval) {
        try {
            Method register = type.getDeclaredMethod("register", List.class, Duration.class);
            register.setAccessible(true);
            return (List<FeedSubscription>) register.invoke(pipeline, feeds, defaultInterval);
        } catch (ReflectiveOperationException e) {
            throw failure("register", e);
        }
    }

    FeedPoller poller() {
        return field("poller", FeedPoller.class);
    }

    EntryStore entries() {
        return field("entries", EntryStore.class);
    }

    MergedFeedPublisher publisher() {
        return field("publisher", MergedFeedPublisher.class);
    }

    private <T> T field(String name, Class<T> fieldType) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return fieldType.cast(field.get(pipeline));
        } catch (ReflectiveOperationException e) {
            throw failure(name, e);
        }
    }

    @Override
    public void close() {
        try {
            Method close = type.getDeclaredMethod("close");
            close.setAccessible(true);
            close.invoke(pipeline);
        } catch (ReflectiveOperationException e) {
            throw failure("close", e);
        }
    }

    private static RuntimeException failure(String member, ReflectiveOperationException e) {
        Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(PIPELINE + "." + member + " is not what the benchmark expects", cause);
    }
}
