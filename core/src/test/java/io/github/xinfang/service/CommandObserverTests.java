package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.CapturedLogs;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.testsupport.ForwardingStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandObserverTests {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    private static final CaseId ID = new CaseId("OBS-1");

    private final List<CommandObserver.Outcome> outcomes = new ArrayList<>();
    private final List<String> retries = new ArrayList<>();
    private final AtomicLong readings = new AtomicLong();
    /** A fake monotonic ticker: each reading is 750 ns after the one before. */
    private final LongSupplier ticker = () -> readings.getAndIncrement() * 750;

    private final CommandObserver recorder = new CommandObserver() {
        @Override
        public void handled(CommandObserver.Outcome outcome) {
            outcomes.add(outcome);
        }

        @Override
        public void retrying(CaseId caseId, String commandType, int retry) {
            retries.add(caseId + " " + commandType + " " + retry);
        }
    };

    private CaseService service(CaseStore store) {
        return CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-03-03T02:00:00Z")).ticker(ticker).observer(recorder).build();
    }

    private static CaseCommand register(String key) {
        return new ProcedureCommand.Register(ID, new IdempotencyKey(key), Org.clerk(), CaseInvariantProperties.claim(DAY), null);
    }

    @Test
    void anAppliedCommandIsReportedOnceWithItsTypeAndTheTimeBetweenTwoTickerReadings() {
        CommandResult r = service(InMemoryCaseStore.create()).handle(register("r"));

        assertThat(r.isApplied()).isTrue();
        assertThat(outcomes).containsExactly(new CommandObserver.Outcome(ID, "Register", CommandObserver.Outcome.Kind.APPLIED, null, 0, Duration.ofNanos(750)));
        assertThat(readings.get()).as("two readings per command").isEqualTo(2);
        assertThat(outcomes.get(0).rejectionCode()).isEmpty();
    }

    @Test
    void aResentCommandIsReportedAsReplayed() {
        CaseService service = service(InMemoryCaseStore.create());
        service.handle(register("r"));
        CommandResult again = service.handle(register("r"));

        assertThat(((CommandResult.Applied) again).replayed()).isTrue();
        assertThat(outcomes).extracting(CommandObserver.Outcome::kind).containsExactly(CommandObserver.Outcome.Kind.APPLIED, CommandObserver.Outcome.Kind.REPLAYED);
        assertThat(outcomes.get(1)).isEqualTo(new CommandObserver.Outcome(ID, "Register", CommandObserver.Outcome.Kind.REPLAYED, null, 0, Duration.ofNanos(750)));
    }

    @Test
    void aRefusedCommandIsReportedWithTheCodeItWasRefusedWith() {
        CaseService service = service(InMemoryCaseStore.create());
        CommandResult r = service.handle(new ProcedureCommand.Accept(ID, new IdempotencyKey("a"), Org.clerk(), DAY));

        Rejection.Code code = ((CommandResult.Rejected) r).rejection().code();
        assertThat(code).isNotIn(Rejection.Code.VALIDATION, Rejection.Code.VERSION_CONFLICT);
        assertThat(outcomes).containsExactly(new CommandObserver.Outcome(ID, "Accept", CommandObserver.Outcome.Kind.REJECTED, code, 0, Duration.ofNanos(750)));
        assertThat(outcomes.get(0).rejectionCode()).contains(code);
    }

    @Test
    void badInputIsReportedAsAValidationRejection() {
        CaseService service = service(InMemoryCaseStore.create());
        CaseCommand fromTheFuture = new ProcedureCommand.Register(ID, new IdempotencyKey("f"), Org.clerk(),
                CaseInvariantProperties.claim(DAY.plusDays(30)), null);

        assertThat(service.handle(fromTheFuture).isApplied()).isFalse();
        assertThat(service.handle(null).isApplied()).isFalse();

        assertThat(outcomes).containsExactly(
                new CommandObserver.Outcome(ID, "Register", CommandObserver.Outcome.Kind.REJECTED, Rejection.Code.VALIDATION, 0, Duration.ofNanos(750)),
                new CommandObserver.Outcome(null, null, CommandObserver.Outcome.Kind.REJECTED, Rejection.Code.VALIDATION, 0, Duration.ofNanos(750)));
    }

    @Test
    void aKeyReusedForAnotherCommandIsReportedAsAnIdempotencyMismatch() {
        CaseService service = service(InMemoryCaseStore.create());
        service.handle(register("r"));
        CommandResult r = service.handle(new ProcedureCommand.Route(ID, new IdempotencyKey("r"), Org.clerk(), Org.HOUSING, DAY));

        assertThat(((CommandResult.Rejected) r).rejection().code()).isEqualTo(Rejection.Code.IDEMPOTENCY_MISMATCH);
        assertThat(outcomes.get(1)).isEqualTo(
                new CommandObserver.Outcome(ID, "Route", CommandObserver.Outcome.Kind.REJECTED, Rejection.Code.IDEMPOTENCY_MISMATCH, 0, Duration.ofNanos(750)));
    }

    @Test
    void retriesAfterVersionConflictsAreCountedAndEachIsAnnouncedBeforeItStarts() {
        CaseService service = service(new ConflictingStore(InMemoryCaseStore.create(), 2));

        CommandResult r = service.handle(register("r"));

        assertThat(((CommandResult.Applied) r).version()).isEqualTo(1);
        assertThat(retries).containsExactly("OBS-1 Register 1", "OBS-1 Register 2");
        assertThat(outcomes).containsExactly(new CommandObserver.Outcome(ID, "Register", CommandObserver.Outcome.Kind.APPLIED, null, 2, Duration.ofNanos(750)));
    }

    @Test
    void givingUpAfterTheRetriesIsReportedAsAConflictNotARejection() {
        CaseService service = CaseService.builder(new ConflictingStore(InMemoryCaseStore.create(), 100), Org.DIRECTORY,
                TestClock.at("2026-03-03T02:00:00Z")).maxRetries(2).ticker(ticker).observer(recorder).build();

        CommandResult r = service.handle(register("r"));

        assertThat(((CommandResult.Rejected) r).rejection().code()).isEqualTo(Rejection.Code.VERSION_CONFLICT);
        assertThat(retries).as("no announcement after the last conflict").containsExactly("OBS-1 Register 1", "OBS-1 Register 2");
        assertThat(outcomes).containsExactly(
                new CommandObserver.Outcome(ID, "Register", CommandObserver.Outcome.Kind.CONFLICT, Rejection.Code.VERSION_CONFLICT, 2, Duration.ofNanos(750)));
    }

    @Test
    void anObserverThatThrowsChangesNothingAndIsLoggedOnceWithClassNamesOnly() {
        List<String> calls = new ArrayList<>();
        CaseStore store = new ConflictingStore(InMemoryCaseStore.create(), 1);
        CaseService service = CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-03-03T02:00:00Z")).ticker(ticker)
                .observer(o -> calls.add("first " + o.kind()))
                .observer(new Failing())
                .observer(o -> calls.add("third " + o.kind()))
                .build();

        CapturedLogs.Captured<CommandResult> handled = CapturedLogs.during(() -> service.handle(register("r")));

        assertThat(handled.result()).isInstanceOfSatisfying(CommandResult.Applied.class, a -> {
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.replayed()).isFalse();
        });
        assertThat(calls).containsExactly("first APPLIED", "third APPLIED");
        List<String> warnings = handled.lines().stream().filter(l -> l.startsWith("WARN")).toList();
        assertThat(warnings).hasSize(2);   // once for the retry announcement, once for the outcome
        assertThat(warnings).allMatch(l -> l.contains(Failing.class.getName()) && l.contains(IllegalStateException.class.getName()))
                .noneMatch(l -> l.contains("secret") || l.contains("覃某"));
        assertThat(service.history(ID).orElseThrow().version()).isEqualTo(1);
    }

    /** Fails on every call, with a message that must not reach the log. */
    private static final class Failing implements CommandObserver {
        @Override
        public void handled(CommandObserver.Outcome outcome) {
            throw new IllegalStateException("secret");
        }

        @Override
        public void retrying(CaseId caseId, String commandType, int retry) {
            throw new IllegalStateException("secret");
        }
    }

    @Test
    void aMergeReportsItselfAndThenTheLinkItRecordsOnTheSurvivor() {
        CaseService service = service(InMemoryCaseStore.create());
        CaseId survivor = new CaseId("OBS-SURVIVOR");
        service.handle(register("r"));
        service.handle(new ProcedureCommand.Register(survivor, new IdempotencyKey("r"), Org.clerk(), CaseInvariantProperties.claim(DAY), null));
        outcomes.clear();
        readings.set(0);

        CommandResult r = service.handle(new ActivityCommand.Merge(ID, new IdempotencyKey("m"), Org.officeHead(), survivor, "同一事项",
                DAY.plusDays(1)));

        assertThat(r.isApplied()).isTrue();
        assertThat(outcomes).containsExactly(
                new CommandObserver.Outcome(ID, "Merge", CommandObserver.Outcome.Kind.APPLIED, null, 0, Duration.ofNanos(750)),
                new CommandObserver.Outcome(survivor, "RecordMergedCase", CommandObserver.Outcome.Kind.APPLIED, null, 0, Duration.ofNanos(750)));
        assertThat(readings.get()).isEqualTo(4);
    }

    @Test
    void withoutAnObserverTheTickerIsNeverRead() {
        AtomicInteger reads = new AtomicInteger();
        CaseService service = CaseService.builder(new ConflictingStore(InMemoryCaseStore.create(), 1), Org.DIRECTORY,
                TestClock.at("2026-03-03T02:00:00Z")).ticker(() -> reads.incrementAndGet()).build();

        assertThat(service.handle(register("r")).isApplied()).isTrue();
        assertThat(service.handle(register("r")).isApplied()).isTrue();
        assertThat(reads).hasValue(0);
    }

    @Test
    void anOutcomeHoldsACodeExactlyWhenItIsARefusal() {
        assertThatThrownBy(() -> new CommandObserver.Outcome(ID, "Route", CommandObserver.Outcome.Kind.APPLIED, Rejection.Code.VALIDATION, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandObserver.Outcome(ID, "Route", CommandObserver.Outcome.Kind.REJECTED, null, 0, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("code");
        assertThatThrownBy(() -> new CommandObserver.Outcome(ID, "Route", CommandObserver.Outcome.Kind.CONFLICT, Rejection.Code.VALIDATION, 3, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandObserver.Outcome(ID, "Route", CommandObserver.Outcome.Kind.APPLIED, null, -1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A store whose commits fail with a version conflict, as if another writer had won, whenever it says so. */
    static final class ConflictingStore extends ForwardingStore<CaseStore> {
        private final BooleanSupplier conflictNow;

        /** @param conflicts how many of the first commits fail */
        ConflictingStore(CaseStore delegate, int conflicts) {
            this(delegate, countdown(conflicts));
        }

        /** @param conflictNow asked at each commit whether it fails */
        ConflictingStore(CaseStore delegate, BooleanSupplier conflictNow) {
            super(delegate);
            this.conflictNow = conflictNow;
        }

        private static BooleanSupplier countdown(int conflicts) {
            AtomicInteger left = new AtomicInteger(conflicts);
            return () -> left.getAndDecrement() > 0;
        }

        @Override
        public void commit(CaseCommit commit) {
            if (conflictNow.getAsBoolean()) {
                throw new VersionConflictException(commit.caseId(), commit.expectedVersion(), commit.expectedVersion() + 1);
            }
            super.commit(commit);
        }
    }
}
