package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseId;

/**
 * Sees how every command handled by {@link CaseService#handle} ended, with its timing: the hook for metrics
 * (counters by command type and kind, timers). Registered with {@link CaseService.Builder#observer}.
 *
 * <p>Rules: {@link #handled} is called once for each command handled, in the calling thread, after the command
 * is done (committed, replayed or refused) and in registration order; this includes the
 * {@link io.github.xinfang.cases.ActivityCommand.RecordMergedCase} link that {@code handle} records on the surviving
 * case after a {@link io.github.xinfang.cases.ActivityCommand.Merge} (reported after the merge). A command that ends
 * in an exception (an infrastructure failure) is not reported. An exception an observer throws is logged at
 * WARN (ids and class names only) and changes neither the command's result nor the other observers' calls.
 * Implementations are called concurrently when the service is, and should be quick and thread-safe.
 *
 * @since 0.3
 */
@FunctionalInterface
public interface CommandObserver {

    /** @param outcome how the command ended */
    void handled(CommandOutcome outcome);

    /**
     * Called when a version conflict makes the service start a command again, before the retry; never for the
     * last conflict of a command that then ends as {@link CommandOutcome.Kind#CONFLICT}. Does nothing by default.
     *
     * @param caseId the command's case
     * @param commandType the simple name of the command's record, as in {@link CommandOutcome#commandType()}
     * @param retry which retry is about to start, from 1
     */
    default void retrying(CaseId caseId, String commandType, int retry) {
    }
}
