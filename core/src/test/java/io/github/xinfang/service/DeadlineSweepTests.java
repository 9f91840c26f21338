package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.SweepCommand;
import io.github.xinfang.cases.SweepEvent;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.WorkClaims;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.Profile;
import io.github.xinfang.time.ProfileCatalogue;
import io.github.xinfang.time.TimeLimits;
import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline sweep records each warning, breach and lapse once; the overdue query and reindex. */
class DeadlineSweepTests {
    private final TestClock clock = TestClock.at("2026-03-02T02:00:00Z");
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
    private final AtomicInteger keys = new AtomicInteger();

    private IdempotencyKey key() {
        return new IdempotencyKey("k" + keys.incrementAndGet());
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private void ok(CaseCommand c) {
        assertThat(service.handle(c).isApplied()).as("%s", c).isTrue();
    }

    private List<String> events(CaseId id) {
        return service.history(id).orElseThrow().events().stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toList());
    }

    private DeadlineSweep.Report sweepAt(String iso) {
        clock.set(Instant.parse(iso));
        return DeadlineSweep.create(service, "node-a").sweep(clock.instant());
    }

    @Test
    void aRoutingClockIsWarnedOnceThenBreachedOnceAndShowsInTheOverdueQuery() {
        CaseId id = new CaseId("SW-1");
        // received Monday 2 March 2026: 15 days end Tuesday 17 March (a working day); due at 18 March 00:00 Beijing
        ok(new ProcedureCommand.Register(id, key(), Org.clerk(), CaseInvariantProperties.claim(d("2026-03-02")), null));
        IndexRow row = store.indexRow("SW-1").orElseThrow();
        assertThat(row.nextAttentionAt()).contains(Instant.parse("2026-03-14T16:00:00Z"));   // warning: 3 days before

        assertThat(sweepAt("2026-03-10T02:00:00Z").recorded()).isZero();
        DeadlineSweep.Report warned = sweepAt("2026-03-15T02:00:00Z");
        assertThat(warned.warnings()).isEqualTo(1);
        assertThat(sweepAt("2026-03-15T02:00:00Z").recorded()).as("a second sweep at the same instant appends nothing").isZero();
        assertThat(store.indexRow("SW-1").orElseThrow().nextAttentionAt()).contains(Instant.parse("2026-03-17T16:00:00Z"));

        DeadlineSweep.Report breached = sweepAt("2026-03-18T02:00:00Z");
        assertThat(breached.breaches()).isEqualTo(1);
        assertThat(sweepAt("2026-03-19T02:00:00Z").recorded()).isZero();
        assertThat(events(id)).containsExactly("Registered", "WarningRecorded", "BreachRecorded");
        SweepEvent.BreachRecorded b = (SweepEvent.BreachRecorded) service.history(id).orElseThrow().events().get(2);
        assertThat(b.clock()).isEqualTo(ClockId.ROUTING);
        assertThat(b.dueAt()).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));

        // with its breach recorded the case needs no more attention from a sweep (it leaves the attention query), and its
        // row's earliest due instant says it is overdue
        assertThat(store.needingAttention(AttentionQuery.firstPage(clock.instant(), 10))).isEmpty();
        assertThat(store.indexRow("SW-1").orElseThrow().nextAttentionAt()).isEmpty();
        assertThat(store.indexRow("SW-1").orElseThrow().earliestDueAt()).contains(Instant.parse("2026-03-17T16:00:00Z"));
        // routing meets the clock: the case is no longer overdue; its next attention is the telling clock's warning
        ok(new ProcedureCommand.Route(id, key(), Org.clerk(), Org.HOUSING, d("2026-03-19")));
        assertThat(store.needingAttention(AttentionQuery.firstPage(Instant.parse("2026-03-20T00:00:00Z"), 10))).isEmpty();
        assertThat(store.indexRow("SW-1").orElseThrow().earliestDueAt()).hasValueSatisfying(
                due -> assertThat(due).isAfter(Instant.parse("2026-03-20T00:00:00Z")));
    }

    @Test
    void aLapsedReviewWindowIsRecordedAsALapseNeverAsABreach() {
        CaseId id = new CaseId("SW-2");
        ok(new ProcedureCommand.Register(id, key(), Org.clerk(), CaseInvariantProperties.claim(d("2026-03-02")), null));
        ok(new ProcedureCommand.Route(id, key(), Org.clerk(), Org.HOUSING, d("2026-03-02")));
        clock.set(Instant.parse("2026-04-30T02:00:00Z"));
        ok(new ProcedureCommand.InformPetitioner(id, key(), Org.staffOf(Org.HOUSING), d("2026-03-03")));
        ok(new ProcedureCommand.Accept(id, key(), Org.staffOf(Org.HOUSING), d("2026-03-03")));
        ok(new ProcedureCommand.ProposeConclusion(id, key(), Org.staffOf(Org.HOUSING), Outcome.EXPLAINED, "答复", d("2026-04-20")));
        ok(new ProcedureCommand.ApproveConclusion(id, key(), Org.headOf(Org.HOUSING), d("2026-04-21")));
        ok(new ProcedureCommand.ServeReply(id, key(), Org.staffOf(Org.HOUSING), d("2026-04-22")));
        // 30 days from 22 April end on 22 May (a Friday); the window lapses at 23 May 00:00 Beijing
        DeadlineSweep.Report r = sweepAt("2026-05-25T02:00:00Z");
        assertThat(r.lapses()).isEqualTo(1);
        assertThat(r.breaches()).isZero();
        List<String> names = events(id);
        assertThat(names).endsWith("LapseRecorded").doesNotContain("BreachRecorded");
        assertThat(sweepAt("2026-05-26T02:00:00Z").recorded()).isZero();
        assertThat(store.indexRow("SW-2").orElseThrow().nextAttentionAt()).isEmpty();
    }

    @Test
    void twoSweepingNodesRecordEachWarningAndBreachOnce() {
        int cases = 40;
        clock.set(Instant.parse("2026-03-10T02:00:00Z"));
        for (int i = 0; i < cases; i++) {
            ok(new ProcedureCommand.Register(new CaseId("N-" + i), key(), Org.clerk(),
                    CaseInvariantProperties.claim(d("2026-03-02").plusDays(i % 5)), null));
        }
        clock.set(Instant.parse("2026-03-16T02:00:00Z"));
        List<DeadlineSweep.Report> reports = Collections.synchronizedList(new ArrayList<>());
        CaseInvariantProperties.runConcurrently(2, t -> reports.add(
                DeadlineSweep.create(service, "node-" + t, java.time.Duration.ofMinutes(5), 3).sweep(clock.instant())));
        clock.set(Instant.parse("2026-03-25T02:00:00Z"));
        CaseInvariantProperties.runConcurrently(2, t -> reports.add(
                DeadlineSweep.create(service, "node-" + t, java.time.Duration.ofMinutes(5), 3).sweep(clock.instant())));
        for (int i = 0; i < cases; i++) {
            Map<String, Long> counts = events(new CaseId("N-" + i)).stream()
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertThat(counts.getOrDefault("BreachRecorded", 0L)).as("case %d", i).isEqualTo(1L);
            assertThat(counts.getOrDefault("WarningRecorded", 0L)).as("case %d", i).isLessThanOrEqualTo(1L);
        }
        int breaches = reports.stream().mapToInt(DeadlineSweep.Report::breaches).sum();
        assertThat(breaches).isEqualTo(cases);
    }

    @Test
    void onlyTheSweepRecordsAndOnlyWhatIsDue() {
        CaseId id = new CaseId("SW-3");
        ok(new ProcedureCommand.Register(id, key(), Org.clerk(), CaseInvariantProperties.claim(d("2026-03-02")), null));
        Instant due = Instant.parse("2026-03-17T16:00:00Z");
        CommandResult byOfficial = service.handle(new SweepCommand.RecordBreach(id, key(), Org.officeHead(), ClockId.ROUTING, 1, due));
        assertThat(((CommandResult.Rejected) byOfficial).rejection().code()).isEqualTo(Rejection.Code.NOT_AUTHORISED);
        CommandResult early = service.handle(new SweepCommand.RecordBreach(id, key(),
                io.github.xinfang.cases.Actor.system(DeadlineSweep.JOB), ClockId.ROUTING, 1, due));
        assertThat(((CommandResult.Rejected) early).rejection().code()).isEqualTo(Rejection.Code.ILLEGAL_TRANSITION);
    }

    @Test
    void reindexRecomputesIndexRowsAndLeavesTheHistoryAlone() {
        CaseId id = new CaseId("RX-1");
        ok(new ProcedureCommand.Register(id, key(), Org.clerk(), CaseInvariantProperties.claim(d("2026-03-02")), null));
        CaseHistory before = service.history(id).orElseThrow();
        assertThat(store.indexRow("RX-1").orElseThrow().nextAttentionAt()).contains(Instant.parse("2026-03-14T16:00:00Z"));
        // the portal changes its rules: national routing in 10 days without a warning window
        Profile national = TimeLimits.standard().profile("national-2022").orElseThrow();
        List<Profile.ClockRule> rules = new ArrayList<>();
        for (Profile.ClockRule r : national.clocks()) {
            rules.add(r.clock() == ClockId.ROUTING ? new Profile.ClockRule(ClockId.ROUTING, TimeLimit.days(10), 0, r.categories()) : r);
        }
        Profile changed = new Profile(national.id(), national.name(), false, 30, rules);
        CaseService other = CaseService.builder(store, Org.DIRECTORY, clock)
                .timeLimits(TimeLimits.builder().profiles(ProfileCatalogue.shipped().with(changed)).build()).build();
        assertThat(other.reindex()).isEqualTo(1);
        // 10 days from 2 March end on Thursday 12 March: due at 13 March 00:00 Beijing
        assertThat(store.indexRow("RX-1").orElseThrow().nextAttentionAt()).contains(Instant.parse("2026-03-12T16:00:00Z"));
        CaseHistory after = service.history(id).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.events()).isEqualTo(before.events());
    }

    // ------------------------------------------------------------------ a sweep with nothing to record (issue 11, item 6)

    /** The in-memory store, counting the cases loaded and claimed. */
    static final class CountingStore extends LoadCountingStore implements WorkClaims {
        final InMemoryCaseStore inner;
        final AtomicInteger claimed = new AtomicInteger();

        CountingStore() {
            this(InMemoryCaseStore.create());
        }

        private CountingStore(InMemoryCaseStore inner) {
            super(inner);
            this.inner = inner;
        }

        @Override
        void reset() {
            super.reset();
            claimed.set(0);
        }

        @Override
        public List<Claim> claimDue(Instant dueBefore, Instant now, Duration lease, String owner, int limit) {
            List<Claim> claims = inner.claimDue(dueBefore, now, lease, owner, limit);
            claimed.addAndGet(claims.size());
            return claims;
        }

        @Override
        public boolean release(String caseId, String owner) {
            return inner.release(caseId, owner);
        }
    }

    private static final int CASES = 30;

    @Test
    void aSweepWithNothingToRecordClaimsAndLoadsNoCaseWhoseBreachedStatutoryClockStaysOpen() {
        CountingStore counting = new CountingStore();
        CaseService svc = CaseService.builder(counting, Org.DIRECTORY, clock).build();
        DeadlineSweep sweep = DeadlineSweep.create(svc, "node-a");
        // half the cases are warned before their routing clock is breached, half are first seen breached
        for (int i = 0; i < CASES / 2; i++) {
            assertThat(svc.handle(new ProcedureCommand.Register(new CaseId("W-" + i), key(), Org.clerk(),
                    CaseInvariantProperties.claim(d("2026-03-02")), null)).isApplied()).isTrue();
        }
        clock.set(Instant.parse("2026-03-15T02:00:00Z"));
        assertThat(sweep.sweep(clock.instant()).warnings()).isEqualTo(CASES / 2);
        for (int i = 0; i < CASES / 2; i++) {
            assertThat(svc.handle(new ProcedureCommand.Register(new CaseId("B-" + i), key(), Org.clerk(),
                    CaseInvariantProperties.claim(d("2026-03-02")), null)).isApplied()).isTrue();
        }
        clock.set(Instant.parse("2026-03-18T02:00:00Z"));
        DeadlineSweep.Report breached = sweep.sweep(clock.instant());
        assertThat(breached.breaches()).isEqualTo(CASES);
        // the routing clocks stay open (no case is ever routed): nothing more is due for any of them
        for (String at : List.of("2026-03-18T02:00:02Z", "2026-03-19T02:00:00Z", "2026-06-30T02:00:00Z")) {
            clock.set(Instant.parse(at));
            counting.reset();
            DeadlineSweep.Report quiet = sweep.sweep(clock.instant());
            assertThat(quiet.recorded()).as("sweep at %s", at).isZero();
            assertThat(quiet.casesClaimed()).as("cases claimed at %s", at).isZero();
            assertThat(counting.claimed.get()).as("claims at %s", at).isZero();
            assertThat(counting.loads.get()).as("loads at %s", at).isZero();
        }
        for (int i = 0; i < CASES / 2; i++) {
            assertThat(counting.indexRow("W-" + i).orElseThrow().nextAttentionAt()).isEmpty();
            assertThat(counting.indexRow("B-" + i).orElseThrow().nextAttentionAt()).isEmpty();
        }
        // the overdue cases are still found as overdue
        assertThat(svc.obligations(new CaseId("B-0"), clock.instant()).orElseThrow().get(0).state())
                .isEqualTo(io.github.xinfang.time.TimeLimits.ClockState.OVERDUE);
    }

    @Test
    void aSweepWithNothingToRecordClaimsAndLoadsNoCaseWhoseBreachedSupervisionFeedbackStaysOpen() {
        CountingStore counting = new CountingStore();
        CaseService svc = CaseService.builder(counting, Org.DIRECTORY, clock).build();
        DeadlineSweep sweep = DeadlineSweep.create(svc, "node-a");
        for (int i = 0; i < CASES; i++) {
            CaseId id = new CaseId("F-" + i);
            for (CaseCommand c : List.of(
                    new ProcedureCommand.Register(id, key(), Org.clerk(), CaseInvariantProperties.claim(d("2026-03-02")), null),
                    new ProcedureCommand.Route(id, key(), Org.clerk(), Org.HOUSING, d("2026-03-02")),
                    new ProcedureCommand.InformPetitioner(id, key(), Org.staffOf(Org.HOUSING), d("2026-03-02")),
                    new ProcedureCommand.Accept(id, key(), Org.staffOf(Org.HOUSING), d("2026-03-02")),
                    new ActivityCommand.IssueSupervision(id, key(), Org.officeHead(), CaseActivity.SupervisionKind.SUPERVISION, Org.HOUSING,
                            d("2026-03-02"), d("2026-03-06")))) {
                assertThat(svc.handle(c).isApplied()).as("%s", c).isTrue();
            }
        }
        clock.set(Instant.parse("2026-03-12T02:00:00Z"));
        DeadlineSweep.Report first = sweep.sweep(clock.instant());
        assertThat(first.breaches()).as("the feedback duties").isEqualTo(CASES);
        for (String at : List.of("2026-03-12T02:00:02Z", "2026-03-20T02:00:00Z")) {
            clock.set(Instant.parse(at));
            counting.reset();
            DeadlineSweep.Report quiet = sweep.sweep(clock.instant());
            assertThat(quiet.recorded()).as("sweep at %s", at).isZero();
            assertThat(counting.claimed.get()).as("claims at %s", at).isZero();
            assertThat(counting.loads.get()).as("loads at %s", at).isZero();
        }
        // the handling clock's warning (10 days before its 60 days end, in late April) is the next thing due
        assertThat(counting.indexRow("F-0").orElseThrow().nextAttentionAt())
                .hasValueSatisfying(next -> assertThat(next).isAfter(Instant.parse("2026-04-15T00:00:00Z")));
    }

    /**
     * The keys of the one sweep path: a profile clock's key is what it always was (its command's digest is unchanged too);
     * a duty's, whose command changed type when duties became clocks, starts {@code sweep:duty:}, which no key of an
     * earlier release did (their second segment was a clock's name, a duty kind's name or {@code escalation}).
     */
    @Test
    void aClocksKeyIsUnchangedAndADutysCannotEqualAnEarlierReleasesKey() {
        Instant due = Instant.parse("2026-03-20T16:00:00Z");
        TimeLimits.ObligationStatus handling = new TimeLimits.ObligationStatus(ClockId.HANDLING, 2, d("2026-03-02"), d("2026-03-20"), due,
                null, true, TimeLimits.ClockState.OVERDUE, null, 1, false, false);
        assertThat(DeadlineSweep.key(handling, "breach").value()).isEqualTo("sweep:HANDLING:2:breach:" + due.getEpochSecond());
        io.github.xinfang.time.Obligation.DutyId step = io.github.xinfang.time.Obligation.DutyId.planStep(2, 3);
        TimeLimits.ObligationStatus duty = new TimeLimits.ObligationStatus(step, 1, d("2026-03-02"), d("2026-03-20"), due,
                null, true, TimeLimits.ClockState.OVERDUE, null, 1, false, false);
        String key = DeadlineSweep.key(duty, "warning").value();
        assertThat(key).isEqualTo("sweep:duty:PLAN_STEP:2.3:warning:" + due.getEpochSecond());
        List<String> earlierSecondSegments = new ArrayList<>(List.of("escalation"));
        for (ClockId c : ClockId.values()) earlierSecondSegments.add(c.name());
        for (io.github.xinfang.time.Obligation.DutyId.Kind k : io.github.xinfang.time.Obligation.DutyId.Kind.values()) earlierSecondSegments.add(k.name());
        assertThat(earlierSecondSegments).doesNotContain(key.split(":")[1]);
    }
}
