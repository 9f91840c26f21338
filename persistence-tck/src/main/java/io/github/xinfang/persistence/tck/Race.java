package io.github.xinfang.persistence.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs tasks on their own threads, released together by a latch, and collects their results. A task's
 * failure fails the race with the task's error. Not a timing device: the only time limit is a safety net
 * against a deadlocked adapter, reported as such.
 */
final class Race {

    /** A deadlocked adapter would hang the build; this is far beyond any honest run. */
    private static final long DEADLOCK_MINUTES = 10;

    private Race() {}

    static <T> List<T> run(int tasks, IntFunction<Callable<T>> task) {
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        try {
            CountDownLatch ready = new CountDownLatch(tasks);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                Callable<T> body = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return body.call();
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(DEADLOCK_MINUTES, TimeUnit.MINUTES));
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) throw (Error) cause;
            throw new AssertionError("a concurrent task failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new AssertionError("concurrent tasks did not finish within " + DEADLOCK_MINUTES
                    + " minutes: the adapter deadlocks or waits for a lock forever", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            // Never interrupt a task inside a store call (an interrupted file channel closes an embedded database):
            // let the others finish, and interrupt only tasks still running after the deadlock limit.
            pool.shutdown();
            try {
                if (!pool.awaitTermination(DEADLOCK_MINUTES, TimeUnit.MINUTES)) pool.shutdownNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
    }
}
