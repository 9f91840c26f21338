package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Rejection;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
    void handled(Outcome outcome);

    /**
     * Called when a version conflict makes the service start a command again, before the retry; never for the
     * last conflict of a command that then ends as {@link Outcome.Kind#CONFLICT}. Does nothing by default.
     *
     * @param caseId the command's case
     * @param commandType the simple name of the command's record, as in {@link Outcome#commandType()}
     * @param retry which retry is about to start, from 1
     */
    default void retrying(CaseId caseId, String commandType, int retry) {
    }

    /**
     * How one command handled by {@link CaseService#handle} ended, for metrics: what it was, how it ended, how many
     * times a version conflict made the service try again, and how long it took. Holds ids and codes only, never
     * personal data. Immutable.
     *
     * @param caseId the command's case, or null when the command had none (or was null); a
     *     {@link io.github.xinfang.cases.ActivityCommand.Merge} reports its merged case, the link it records on the
     *     surviving case reports the survivor
     * @param commandType the simple name of the command's record (e.g. {@code Route}, {@code RecordMergedCase}), a
     *     stable name; null when the command was null
     * @param kind how it ended
     * @param code the rejection's code for {@link Kind#REJECTED}, {@link Rejection.Code#VERSION_CONFLICT} for
     *     {@link Kind#CONFLICT}, null otherwise (see {@link #rejectionCode()})
     * @param retries how many times the service started again after a version conflict (0 when the first attempt
     *     went through; {@code maxRetries} for {@link Kind#CONFLICT})
     * @param elapsed the time {@code handle} spent on this command, measured with the service's monotonic ticker; for
     *     a merge it excludes the link recorded afterwards, which has its own outcome
     * @since 0.3
     */
    public record Outcome(CaseId caseId, String commandType, Kind kind, Rejection.Code code, int retries, Duration elapsed) {

        /**
         * How a command ended.
         *
         * @since 0.3
         */
        public enum Kind {
            /** Applied now: its events were appended ({@link CommandResult.Applied} not replayed). */
            APPLIED,
            /** Applied earlier under the same key: answered from the key, nothing appended ({@link CommandResult.Applied#replayed()}). */
            REPLAYED,
            /** Refused with a code ({@link CommandResult.Rejected}), other than giving up after conflicts. */
            REJECTED,
            /**
             * Still conflicting after the service's retries: {@code handle} returned a
             * {@link Rejection.Code#VERSION_CONFLICT} rejection.
             */
            CONFLICT
        }

        /**
         * @throws NullPointerException if kind or elapsed is null, or code is null for {@link Kind#REJECTED} or
         *     {@link Kind#CONFLICT}
         * @throws IllegalArgumentException if retries is negative, code is given for an applied or replayed command,
         *     or a conflict's code is not {@link Rejection.Code#VERSION_CONFLICT}
         */
        public Outcome {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(elapsed, "elapsed");
            if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
            switch (kind) {
                case APPLIED, REPLAYED -> {
                    if (code != null) throw new IllegalArgumentException("code must be null for " + kind);
                }
                case REJECTED -> Objects.requireNonNull(code, "code");
                case CONFLICT -> {
                    if (Objects.requireNonNull(code, "code") != Rejection.Code.VERSION_CONFLICT) {
                        throw new IllegalArgumentException("code of a conflict must be VERSION_CONFLICT");
                    }
                }
                default -> throw new AssertionError(kind);
            }
        }

        /** @return the rejection's code for {@link Kind#REJECTED} and {@link Kind#CONFLICT}, else empty */
        public Optional<Rejection.Code> rejectionCode() {
            return Optional.ofNullable(code);
        }
    }
}
