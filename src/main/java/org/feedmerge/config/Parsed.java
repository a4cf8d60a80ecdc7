package org.feedmerge.config;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The outcome of reading one config value: the value, or why it cannot be used. */
sealed interface Parsed<T> permits Parsed.Ok, Parsed.Bad {

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> bad(String reason) {
        return new Bad<>(reason);
    }

    /** Continues with {@code next} when this is a value; passes a reason through unchanged. */
    <R> Parsed<R> then(Function<? super T, Parsed<R>> next);

    /** The value, or empty after handing the reason to {@code onBad}. */
    Optional<T> orReport(Consumer<String> onBad);

    /** A usable value. */
    record Ok<T>(T value) implements Parsed<T> {
        @Override
        public <R> Parsed<R> then(Function<? super T, Parsed<R>> next) {
            return next.apply(value);
        }

        @Override
        public Optional<T> orReport(Consumer<String> onBad) {
            return Optional.of(value);
        }
    }

    /** An unusable value, with a message for the admin. */
    record Bad<T>(String reason) implements Parsed<T> {
        @Override
        public <R> Parsed<R> then(Function<? super T, Parsed<R>> next) {
            return new Bad<>(reason);
        }

        @Override
        public Optional<T> orReport(Consumer<String> onBad) {
            onBad.accept(reason);
            return Optional.empty();
        }
    }
}
