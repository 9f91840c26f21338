package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command observers of a service and how one call reports to them: each sees every outcome with its timing from
 * the monotonic ticker, and a failing observer is logged (class and command type, never data) and skipped. Immutable.
 */
final class Observers {
    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private final List<CommandObserver> observers;
    private final LongSupplier ticker;

    Observers(List<CommandObserver> observers, LongSupplier ticker) {
        this.observers = List.copyOf(observers);
        this.ticker = ticker;
    }

    /** @return whether nobody observes (then the service neither reads the ticker nor allocates for them) */
    boolean none() {
        return observers.isEmpty();
    }

    /** What one handling of a command tells its observers beyond the result: retries made, and whether it gave up. */
    static final class Attempts {
        int retries;
        boolean gaveUp;
    }

    /**
     * Handles a command, timed, and reports its outcome.
     *
     * @param command the command (possibly null or malformed: it is reported as it came)
     * @param handling handles the command, counting its attempts
     * @return the result of the handling
     */
    CommandResult observe(CaseCommand command, Function<Attempts, CommandResult> handling) {
        long start = ticker.getAsLong();
        Attempts attempts = new Attempts();
        CommandResult result = handling.apply(attempts);
        Duration elapsed = Duration.ofNanos(ticker.getAsLong() - start);
        CommandObserver.Outcome outcome;
        if (result instanceof CommandResult.Applied a) {
            outcome = new CommandObserver.Outcome(caseIdOf(command), typeOf(command),
                    a.replayed() ? CommandObserver.Outcome.Kind.REPLAYED : CommandObserver.Outcome.Kind.APPLIED, null, attempts.retries, elapsed);
        } else {
            outcome = new CommandObserver.Outcome(caseIdOf(command), typeOf(command),
                    attempts.gaveUp ? CommandObserver.Outcome.Kind.CONFLICT : CommandObserver.Outcome.Kind.REJECTED,
                    ((CommandResult.Rejected) result).rejection().code(), attempts.retries, elapsed);
        }
        for (CommandObserver o : observers) {
            try {
                o.handled(outcome);
            } catch (RuntimeException e) {
                log.warn("observer {} failed for {} on case {}: {}", o.getClass().getName(), outcome.commandType(),
                        outcome.caseId(), e.getClass().getName());
            }
        }
        return result;
    }

    /** Tells the observers that a command is tried again after a version conflict. */
    void retrying(CaseCommand command, int retry) {
        for (CommandObserver o : observers) {
            try {
                o.retrying(command.caseId(), typeOf(command), retry);
            } catch (RuntimeException e) {
                log.warn("observer {} failed on retry {} of {} on case {}: {}", o.getClass().getName(), retry, typeOf(command),
                        command.caseId(), e.getClass().getName());
            }
        }
    }

    private static CaseId caseIdOf(CaseCommand command) {
        return command == null ? null : command.caseId();
    }

    private static String typeOf(CaseCommand command) {
        return command == null ? null : command.getClass().getSimpleName();
    }
}
