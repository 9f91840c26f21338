package io.github.xinfang.testing;

import io.github.xinfang.cases.ActivityEvent;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.service.CaseChange;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.service.CommandObserver;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness finds the bugs portals make, within its default number of runs: each deliberately broken component is
 * caught and reported with a shrunk run as Java, while its correct twin passes the same runs (same seed), sequential and
 * concurrent.
 */
class BrokenComponentTests {
    private static final long SEED = 20261207L;

    // --- a projection of each case's stage, fed from the change feed ---------------------------------------------------

    /** A projection of each case's stage from its events; skips re-delivered changes by their position. */
    static class StageProjection {
        final Map<CaseId, List<CaseEvent>> events = new HashMap<>();
        long lastPosition;

        void apply(CaseChange change) {
            if (change.position() <= lastPosition) return;
            lastPosition = change.position();
            events.computeIfAbsent(change.caseId(), id -> new ArrayList<>()).addAll(change.events());
        }

        Optional<Stage> stage(CaseId id) {
            List<CaseEvent> history = events.get(id);
            return history == null ? Optional.empty() : Optional.of(CaseState.replay(history).stage());
        }
    }

    /** Broken: takes a change for a re-delivery when its version is not above the highest version seen of any case. */
    static final class DropsChangesItTakesForReplays extends StageProjection {
        long highestVersion;

        @Override
        void apply(CaseChange change) {
            if (change.version() <= highestVersion) return;
            highestVersion = change.version();
            events.computeIfAbsent(change.caseId(), id -> new ArrayList<>()).addAll(change.events());
        }
    }

    private static Harness.Builder<StageProjection> stages(StageProjection projection) {
        return Harness.<StageProjection>of(lib -> projection instanceof DropsChangesItTakesForReplays ? new DropsChangesItTakesForReplays() : new StageProjection())
                .feeding(StageProjection::apply)
                .invariant((p, lib) -> {
                    for (CaseId id : lib.cases()) {
                        assertThat(p.stage(id)).as("the projected stage of %s", id)
                                .isEqualTo(lib.service().history(id).map(h -> h.state().stage()));
                    }
                })
                .seed(SEED);
    }

    @Test
    void aProjectionThatDropsChangesItTakesForReplaysIsCaught() {
        assertThatCode(() -> stages(new StageProjection()).run()).doesNotThrowAnyException();
        assertThatThrownBy(() -> stages(new DropsChangesItTakesForReplays()).run())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the shortest failing run")
                .hasMessageContaining("service.handle(new ProcedureCommand.Register(")
                .hasMessageContaining("<- the invariant broke here");
    }

    @Test
    void theProjectionHoldsWhenCommandsOnDifferentCasesAreSentAtOnce() {
        assertThatCode(() -> stages(new StageProjection()).concurrent(3).run()).doesNotThrowAnyException();
        assertThatThrownBy(() -> stages(new DropsChangesItTakesForReplays()).concurrent(3).run()).isInstanceOf(AssertionError.class);
    }

    // --- a count of open cases, fed from the change feed ---------------------------------------------------------------

    /** Counts the open cases: each case's stage from its events, counted when its stage is open. */
    static class OpenCases extends StageProjection {
        int open() {
            int n = 0;
            for (CaseId id : events.keySet()) if (stage(id).orElseThrow().kind() == Stage.Kind.OPEN) n++;
            return n;
        }
    }

    /** Broken: a merge closes the merged case, and it also subtracts the survivor's record of the merge. */
    static final class DoubleCountsMerges extends OpenCases {
        int merges;

        @Override
        void apply(CaseChange change) {
            long before = lastPosition;
            super.apply(change);
            if (lastPosition == before) return;
            for (CaseEvent e : change.events()) if (e instanceof ActivityEvent.MergedCaseRecorded) merges++;
        }

        @Override
        int open() {
            return super.open() - merges;
        }
    }

    private static Harness.Builder<OpenCases> openCases(boolean broken) {
        return Harness.<OpenCases>of(lib -> broken ? new DoubleCountsMerges() : new OpenCases())
                .feeding(OpenCases::apply)
                .invariant((p, lib) -> {
                    int open = 0;
                    for (CaseId id : lib.cases()) {
                        Optional<CaseHistory> h = lib.service().history(id);
                        if (h.isPresent() && h.get().state().stage().kind() == Stage.Kind.OPEN) open++;
                    }
                    assertThat(p.open()).as("open cases").isEqualTo(open);
                })
                .seed(SEED);
    }

    @Test
    void aCountThatCountsAMergeTwiceIsCaught() {
        assertCaughtOnlyWhenBroken(BrokenComponentTests::openCases).hasMessageContaining("ActivityCommand.Merge");
    }

    // --- a notifier, observing every command's outcome -----------------------------------------------------------------

    /** Notifies once per commit: each command applied now (not a re-send answered from its key, not a rejection). */
    static class Notifier implements CommandObserver {
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public void handled(Outcome outcome) {
            if (outcome.kind() == Outcome.Kind.APPLIED) sent.incrementAndGet();
        }
    }

    /** Broken: also notifies when a command was rejected. */
    static final class NotifiesOnRejections extends Notifier {
        @Override
        public void handled(Outcome outcome) {
            if (outcome.kind() == Outcome.Kind.APPLIED || outcome.kind() == Outcome.Kind.REJECTED) sent.incrementAndGet();
        }
    }

    private static Harness.Builder<Notifier> notifier(boolean broken) {
        return Harness.<Notifier>of(lib -> broken ? new NotifiesOnRejections() : new Notifier())
                .observing(n -> n)
                .invariant((n, lib) -> {
                    long commits = 0;
                    for (CaseId id : lib.cases()) commits += lib.service().history(id).map(CaseHistory::version).orElse(0L);
                    assertThat(n.sent.get()).as("notifications, one per commit").isEqualTo(commits);
                })
                .seed(SEED);
    }

    @Test
    void aNotifierThatFiresOnARejectedCommandIsCaughtAndShrunkToAFewSteps() {
        assertCaughtOnlyWhenBroken(BrokenComponentTests::notifier)
                .satisfies(e -> assertThat(e.getMessage().lines().filter(l -> l.startsWith("service.handle(")).count())
                        .as("commands in the shrunk run:%n%s", e.getMessage()).isBetween(1L, 2L));
    }

    // --- a monthly report of routings ----------------------------------------------------------------------------------

    /** Counts routings by the month of their legal date (the day the unit received the case). */
    static class RoutingsByMonth extends StageProjection {
        final Map<YearMonth, Integer> byMonth = new TreeMap<>();

        @Override
        void apply(CaseChange change) {
            long before = lastPosition;
            super.apply(change);
            if (lastPosition == before) return;
            for (CaseEvent e : change.events()) {
                if (e instanceof ProcedureEvent.Routed r) byMonth.merge(month(r), 1, Integer::sum);
            }
        }

        YearMonth month(ProcedureEvent.Routed r) {
            return YearMonth.from(r.receivedOn());
        }
    }

    /** Broken: counts by the month the routing was recorded, not by its legal date. */
    static final class CountsByRecordedInstant extends RoutingsByMonth {
        @Override
        YearMonth month(ProcedureEvent.Routed r) {
            return YearMonth.from(r.recordedAt().atZone(Journeys.ZONE));
        }
    }

    private static Harness.Builder<RoutingsByMonth> routings(boolean broken) {
        return Harness.<RoutingsByMonth>of(lib -> broken ? new CountsByRecordedInstant() : new RoutingsByMonth())
                .feeding(RoutingsByMonth::apply)
                .invariant((report, lib) -> {
                    Map<YearMonth, Integer> expected = new TreeMap<>();
                    for (CaseId id : lib.cases()) {
                        lib.service().history(id).ifPresent(h -> h.events().stream()
                                .filter(e -> e instanceof ProcedureEvent.Routed)
                                .forEach(e -> expected.merge(YearMonth.from(((ProcedureEvent.Routed) e).receivedOn()), 1, Integer::sum)));
                    }
                    assertThat(report.byMonth).as("routings by month of receipt").isEqualTo(expected);
                })
                .seed(SEED);
    }

    @Test
    void aReportThatCountsByRecordedInstantInsteadOfLegalDateIsCaught() {
        assertCaughtOnlyWhenBroken(BrokenComponentTests::routings).hasMessageContaining("routings by month of receipt");
    }

    /**
     * The honest component passes its harness and the broken one fails it.
     *
     * @param harness the harness over the broken component (true) or the honest one (false)
     * @return the broken one's failure, an {@link AssertionError}, to check further
     */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertCaughtOnlyWhenBroken(
            Function<Boolean, Harness.Builder<?>> harness) {
        assertThatCode(() -> harness.apply(false).run()).doesNotThrowAnyException();
        return assertThatThrownBy(() -> harness.apply(true).run()).isInstanceOf(AssertionError.class);
    }
}
