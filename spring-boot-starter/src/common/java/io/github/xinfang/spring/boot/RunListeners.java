package io.github.xinfang.spring.boot;

import org.slf4j.Logger;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of a runner (the meters), told of every run: one that throws is logged, by its exception's class only,
 * and kept; the others are still told. Thread-safe.
 *
 * @param <T> what a run tells
 */
final class RunListeners<T> {
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private final String runner;
    private final Logger log;

    /**
     * @param runner the runner, as the log names it
     * @param log where a listener's failure is logged
     */
    RunListeners(String runner, Logger log) {
        this.runner = runner;
        this.log = log;
    }

    /** @throws NullPointerException if listener is null */
    void add(Consumer<T> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void tell(T run) {
        for (Consumer<T> l : listeners) {
            try {
                l.accept(run);
            } catch (RuntimeException e) {
                log.warn("a listener of the {} failed: {}", runner, e.getClass().getName());
            }
        }
    }
}
