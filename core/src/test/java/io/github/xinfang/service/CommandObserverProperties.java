package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The command observer ({@link CommandObserver}) over random command sequences: it sees exactly one outcome per
 * command handled, and the outcome agrees with the {@link CommandResult} that {@link CaseService#handle} returned.
 */
class CommandObserverProperties {

    /** The sequences of the lifecycle model (which also checks the service against the model at every step). */
    @Test
    void everyCommandOfARandomSequenceIsSeenOnceAndAgreesWithItsResult() {
        qt().withExamples(Math.max(10, CaseInvariantProperties.examples() / 4))
                .forAll(lists().of(LifecycleModelProperties.steps()).ofSizeBetween(1, 50), integers().between(1, 1_000_000))
                .checkAssert((steps, tick) -> {
                    List<CommandObserver.Outcome> seen = new ArrayList<>();
                    AtomicLong readings = new AtomicLong();
                    LifecycleModelProperties.World w = new LifecycleModelProperties.World(seen::add,
                            () -> readings.getAndIncrement() * tick);
                    for (int i = 0; i < steps.size(); i++) {
                        CommandResult r = w.step(steps.get(i), i);
                        assertThat(seen).as("step %d: one outcome", i).hasSize(i + 1);
                        CommandObserver.Outcome o = seen.get(i);
                        assertAgrees(o, w.last, r);
                        assertThat(o.retries()).as("one writer: no conflict").isZero();
                        assertThat(o.elapsed()).isEqualTo(Duration.ofNanos(tick));
                    }
                    assertThat(readings.get()).isEqualTo(2L * steps.size());
                });
    }

    /**
     * Lifecycle steps sent in a random order (so some are refused, some replayed) to a store whose commits meet a
     * random number of version conflicts each; the service retries at most a random number of times.
     */
    @Test
    void conflictsAreCountedAsRetriesAndGivingUpIsSeenAsAConflict() {
        qt().withExamples(Math.max(10, CaseInvariantProperties.examples() / 4))
                .forAll(lists().of(integers().between(0, 999)).ofSizeBetween(1, 40), lists().of(integers().between(0, 4)).ofSize(40),
                        integers().between(0, 3))
                .checkAssert((plan, conflicts, maxRetries) -> {
                    List<CommandObserver.Outcome> seen = new ArrayList<>();
                    List<Integer> announced = new ArrayList<>();
                    Script script = new Script();
                    CaseService service = CaseService.builder(new CommandObserverTests.ConflictingStore(InMemoryCaseStore.create(), script),
                                    ChangeFeedProperties.ORG.directory(), TestClock.at("2026-06-30T02:00:00Z"))
                            .maxRetries(maxRetries).ticker(() -> 0L)
                            .observer(new CommandObserver() {
                                @Override
                                public void handled(CommandObserver.Outcome outcome) {
                                    seen.add(outcome);
                                }

                                @Override
                                public void retrying(CaseId caseId, String commandType, int retry) {
                                    announced.add(retry);
                                }
                            })
                            .build();
                    Map<Integer, Integer> next = new HashMap<>();
                    for (int i = 0; i < plan.size(); i++) {
                        int c = plan.get(i) % 3;
                        List<CaseCommand> lifecycle = ChangeFeedProperties.lifecycle(new CaseId("OBSP-" + c), c);
                        int step = Math.min(next.getOrDefault(c, 0) + plan.get(i) / 3 % 3 - 1, lifecycle.size() - 1);
                        CaseCommand command = lifecycle.get(Math.max(0, step));   // the next step, the one before or after
                        script.conflicts = conflicts.get(i);
                        announced.clear();

                        CommandResult r = service.handle(command);

                        assertThat(seen).as("command %d: one outcome", i).hasSize(i + 1);
                        CommandObserver.Outcome o = seen.get(i);
                        assertAgrees(o, command, r);
                        int committed = script.commitsTried;
                        script.commitsTried = 0;
                        assertThat(o.retries()).as("retries: every commit but the last one tried").isEqualTo(Math.max(0, committed - 1));
                        assertThat(o.retries()).isLessThanOrEqualTo(maxRetries);
                        assertThat(announced).as("each retry announced once, in order").hasSize(o.retries());
                        for (int k = 0; k < announced.size(); k++) assertThat(announced.get(k)).isEqualTo(k + 1);
                        assertThat(o.kind() == CommandObserver.Outcome.Kind.CONFLICT)
                                .as("a conflict exactly when the conflicts outlasted the retries")
                                .isEqualTo(committed > 0 && conflicts.get(i) > maxRetries);
                        if (r instanceof CommandResult.Applied a && !a.replayed()) next.put(c, lifecycle.indexOf(command) + 1);
                    }
                });
    }

    /** The outcome names the command, and its kind and code are those of the result. */
    static void assertAgrees(CommandObserver.Outcome o, CaseCommand command, CommandResult r) {
        assertThat(o.caseId()).isEqualTo(command.caseId());
        assertThat(o.commandType()).isEqualTo(command.getClass().getSimpleName());
        if (r instanceof CommandResult.Applied a) {
            assertThat(o.kind()).isEqualTo(a.replayed() ? CommandObserver.Outcome.Kind.REPLAYED : CommandObserver.Outcome.Kind.APPLIED);
            assertThat(o.rejectionCode()).isEmpty();
        } else {
            Rejection.Code code = ((CommandResult.Rejected) r).rejection().code();
            assertThat(o.rejectionCode()).contains(code);
            assertThat(o.kind()).isIn(CommandObserver.Outcome.Kind.REJECTED, CommandObserver.Outcome.Kind.CONFLICT);
            if (code != Rejection.Code.VERSION_CONFLICT) assertThat(o.kind()).isEqualTo(CommandObserver.Outcome.Kind.REJECTED);
        }
    }

    /** Whether the next commits fail with a version conflict ({@code conflicts} more times); counts the commits tried. */
    private static final class Script implements BooleanSupplier {
        int conflicts;
        int commitsTried;

        @Override
        public boolean getAsBoolean() {
            commitsTried++;
            return conflicts-- > 0;
        }
    }
}
