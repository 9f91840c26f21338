package io.github.xinfang.spring.boot;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runners' own thread: one daemon thread running a task with a fixed delay between runs, started once, stopped
 * gracefully (the running task may finish for 30 seconds before it is interrupted). Thread-safe.
 */
final class BackgroundThread {
    private static final long STOP_WAIT_SECONDS = 30;

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final Logger log;
    private ScheduledExecutorService executor;

    /**
     * @param name the thread's name
     * @param interval the pause between the end of one run and the start of the next
     * @param task what runs
     * @param log where a stop that had to interrupt the task is reported
     */
    BackgroundThread(String name, Duration interval, Runnable task, Logger log) {
        this.name = name;
        this.interval = interval;
        this.task = task;
        this.log = log;
    }

    /** Starts the thread, unless it runs already. */
    synchronized void start() {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(task, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the thread: no run starts after this; a running one may finish, and is interrupted after 30 s. */
    void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) return;
        running.shutdown();
        try {
            if (!running.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("{} still running {} s after stop; interrupting it", name, STOP_WAIT_SECONDS);
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether the thread runs */
    synchronized boolean isRunning() {
        return executor != null;
    }
}
