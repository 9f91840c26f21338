package io.github.xinfang.spring.boot;

import io.github.xinfang.service.DeadlineSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the {@link DeadlineSweep} on a thread of its own ({@code xinfang-sweep}) from the application's start to its
 * stop, pausing {@code xinfang.sweep.interval} between the end of one sweep and the start of the next, with the
 * instant of the application's {@link InstantSource}. Stopping lets a running sweep finish (it releases its claims).
 * A failure is logged once, with its cause, when a run of failures begins; the next success is logged too. The last
 * report, and the last failure since then, stay readable (for health checks). Thread-safe.
 *
 * @since 0.4
 */
public final class SweepRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SweepRunner.class);

    private final DeadlineSweep sweep;
    private final InstantSource clock;
    private final Duration interval;
    private final BackgroundThread thread;
    private volatile Outcome last;
    private boolean failing;
    private final RunListeners<Outcome> listeners = new RunListeners<>("xinfang deadline sweep", log);

    /**
     * What the last sweep did, or how it failed. Immutable.
     *
     * @param at the instant it ran at
     * @param report what it recorded, or null if it failed
     * @param failure why it failed, or null
     */
    public record Outcome(Instant at, DeadlineSweep.Report report, RuntimeException failure) {}

    /**
     * @param sweep the sweep
     * @param clock the application's clock
     * @param interval the pause between sweeps, positive
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if interval is not positive
     */
    public SweepRunner(DeadlineSweep sweep, InstantSource clock, Duration interval) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive");
        this.thread = new BackgroundThread("xinfang-sweep", interval, this::runOnce, log);
    }

    /** @return the last sweep's outcome, if one ran */
    public Optional<Outcome> last() {
        return Optional.ofNullable(last);
    }

    /** Tells a listener (the meters) of every outcome from now on; a listener that throws is logged and kept. */
    void onOutcome(Consumer<Outcome> listener) {
        listeners.add(listener);
    }

    /** Runs one sweep now, on the calling thread (the background thread calls it too). */
    void runOnce() {
        Instant now = clock.instant();
        try {
            DeadlineSweep.Report report = sweep.sweep(now);
            last = new Outcome(now, report, null);
            listeners.tell(last);
            synchronized (this) {
                if (failing) log.info("xinfang deadline sweep works again at {}", now);
                failing = false;
            }
        } catch (RuntimeException e) {
            last = new Outcome(now, null, e);
            listeners.tell(last);
            synchronized (this) {
                if (!failing) log.warn("xinfang deadline sweep failed at {}; retrying every {}", now, interval, e);
                else log.debug("xinfang deadline sweep failed again at {}: {}", now, e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }
}
