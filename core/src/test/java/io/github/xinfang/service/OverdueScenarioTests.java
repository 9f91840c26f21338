package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.TimeLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.xinfang.testing.Org.HOUSING;
import static io.github.xinfang.testing.Org.LABOUR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue queries (超期) on worked examples: a unit with three cases, one of them late on two clocks; a case of
 * another region late on routing; a backlog case late on a plan step of its package leader. Dates are 2026, counted by
 * hand from LEGAL.md (Labour Day 1-5 May 2026 off); every figure the index gives is also checked against the clocks
 * core computes from the loaded case.
 */
class OverdueScenarioTests {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-06-30T02:00:00Z");   // 10:00 in Beijing

    private final TestClock clock = TestClock.at(NOW);
    private final CountingQueryStore store = CountingQueryStore.create();
    private final CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
    private final CaseListings listings = CaseListings.create(service);
    private final AtomicInteger keys = new AtomicInteger();

    private static final CaseId LATE_TWICE = new CaseId("XF-330106-A");
    private static final CaseId ON_TIME = new CaseId("XF-330106-B");
    private static final CaseId WINDOW_LAPSED = new CaseId("XF-330106-C");
    private static final CaseId UNROUTED = new CaseId("XF-450802-D");
    private static final CaseId BACKLOG = new CaseId("XF-450802-E");

    private IdempotencyKey key() {
        return new IdempotencyKey("k" + keys.incrementAndGet());
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private void applied(CaseCommand c) {
        CommandResult r = service.handle(c);
        assertThat(r).as("%s: %s", c.getClass().getSimpleName(), r).isInstanceOf(CommandResult.Applied.class);
    }

    private void register(CaseId id, String region, String receivedOn) {
        PetitionForm petition = new PetitionForm(d(receivedOn), Channel.LETTER, Category.CLAIM, "城乡建设", region, true, null,
                List.of(new PetitionForm.Petitioner("周建华", null, "13857112345", null)), null, null, "拆迁补偿款未按协议支付。");
        applied(new ProcedureCommand.Register(id, key(), Org.clerk(), petition, null));
    }

    @BeforeEach
    void threeCasesOfTheHousingBureauAndTwoElsewhere() {
        Actor housing = Org.staffOf(HOUSING);
        // A: routed on Tue 3 March and accepted the next day; the petitioner was never told. TELLING (15 days) ended
        // Wed 18 March; HANDLING (60 days from Wed 4 March) ended on Sun 3 May, a Labour Day holiday, so on Wed 6 May.
        register(LATE_TWICE, "330106", "2026-03-02");
        applied(new ProcedureCommand.Route(LATE_TWICE, key(), Org.clerk(), HOUSING, d("2026-03-03")));
        applied(new ProcedureCommand.Accept(LATE_TWICE, key(), housing, d("2026-03-04")));
        // B: routed, told and accepted in June: handling runs to August.
        register(ON_TIME, "330106", "2026-06-01");
        applied(new ProcedureCommand.Route(ON_TIME, key(), Org.clerk(), HOUSING, d("2026-06-02")));
        applied(new ProcedureCommand.InformPetitioner(ON_TIME, key(), housing, d("2026-06-03")));
        applied(new ProcedureCommand.Accept(ON_TIME, key(), housing, d("2026-06-03")));
        // C: routed and told; only its objection window (5 working days) has run out: a lapse is never overdue.
        register(WINDOW_LAPSED, "330106", "2026-06-12");
        applied(new ProcedureCommand.Route(WINDOW_LAPSED, key(), Org.clerk(), HOUSING, d("2026-06-15")));
        applied(new ProcedureCommand.InformPetitioner(WINDOW_LAPSED, key(), housing, d("2026-06-16")));
        // D: registered in Beihai on 1 April and never routed: ROUTING (15 days) ended Thu 16 April.
        register(UNROUTED, "450802", "2026-04-01");
        applied(new ProcedureCommand.Route(UNROUTED, key(), Org.clerk(), LABOUR, d("2026-04-02")));
        applied(new ProcedureCommand.InformPetitioner(UNROUTED, key(), Org.staffOf(LABOUR), d("2026-04-03")));
        // E: a backlog case of the district deputy, whose plan's first step was due Wed 10 June.
        register(BACKLOG, "450802", "2026-05-06");
        applied(new ProcedureCommand.Route(BACKLOG, key(), Org.clerk(), LABOUR, d("2026-05-07")));
        applied(new ProcedureCommand.InformPetitioner(BACKLOG, key(), Org.staffOf(LABOUR), d("2026-05-08")));
        applied(new ResolutionCommand.DesignateBacklog(BACKLOG, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-05-11")));
        applied(new ResolutionCommand.AssignPackageLeader(BACKLOG, key(), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), d("2026-05-12")));
        applied(new ResolutionCommand.RecordPlan(BACKLOG, key(), Org.officeHead(), List.of(new ResolutionCommand.PlanStepForm("约谈", d("2026-06-10"))),
                d("2026-05-13")));
        store.reset();
    }

    private static Instant startOf(String isoDate) {
        return d(isoDate).atStartOfDay(SHANGHAI).toInstant();
    }

    @Test
    void aUnitWithThreeCasesHasOneOverdueLateOnTwoClocksWithItsDaysLate() {
        assertThat(listings.countOverdue(OverdueScope.handlingUnit(HOUSING.value()), NOW)).isEqualTo(1);
        CaseListings.Page<CaseListings.OverdueCase> page = listings.overdue(OverdueScope.handlingUnit(HOUSING.value()), NOW, 10, null);

        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).extracting(CaseListings.OverdueCase::caseId).containsExactly(LATE_TWICE.value());
        CaseListings.OverdueCase late = page.items().get(0);
        assertThat(late.lateClocks()).extracting(CaseListings.LateClock::clock).containsExactly("HANDLING", "TELLING");
        CaseListings.LateClock telling = late.lateClocks().get(1);
        assertThat(telling.clockId()).contains(ClockId.TELLING);
        assertThat(telling.dueOn()).isEqualTo(d("2026-03-18"));
        assertThat(telling.dueAt()).isEqualTo(startOf("2026-03-19"));
        assertThat(telling.daysLate()).as("18 March to 30 June: 13 + 30 + 31 + 30 calendar days").isEqualTo(104);
        CaseListings.LateClock handling = late.lateClocks().get(0);
        assertThat(handling.dueOn()).as("3 May is in the Labour Day holiday: the limit ends on the next working day")
                .isEqualTo(d("2026-05-06"));
        assertThat(handling.daysLate()).isEqualTo(55);
        assertThat(late.maxDaysLate()).isEqualTo(104);

        assertThat(store.loads.get()).as("answered from the index: no case is loaded").isZero();
        assertThat(store.rowReads.get()).as("nor is an index row read one by one").isZero();
        assertThat(store.queries.get()).as("one count, one page").isEqualTo(2);
    }

    @Test
    void theIndexAgreesWithTheClocksComputedFromTheLoadedCase() {
        CaseListings.OverdueCase late = listings.overdue(OverdueScope.handlingUnit(HOUSING.value()), NOW, 10, null).items().get(0);
        List<TimeLimits.ObligationStatus> clocks = service.obligations(LATE_TWICE, NOW).orElseThrow();
        List<TimeLimits.ObligationStatus> overdue = clocks.stream()
                .filter(c -> !c.source().isWindow() && c.state() == TimeLimits.ClockState.OVERDUE).toList();
        assertThat(overdue).hasSameSizeAs(late.lateClocks());
        for (TimeLimits.ObligationStatus c : overdue) {
            CaseListings.LateClock l = late.lateClocks().stream().filter(x -> x.clockId().orElseThrow() == c.source()).findFirst().orElseThrow();
            assertThat(l.dueOn()).isEqualTo(c.dueOn());
            assertThat(l.dueAt()).isEqualTo(c.dueAt());
            assertThat(l.daysLate()).isEqualTo(c.daysLate());
        }
        IndexRow row = store.delegate.indexRow(LATE_TWICE.value()).orElseThrow();
        assertThat(row.earliestDueAt()).as("the earliest clock due is the earliest due column")
                .contains(row.clockDues().stream().map(ClockDue::dueAt).min(Instant::compareTo).orElseThrow());
    }

    @Test
    void aClockDueExactlyAtTheInstantIsLateAndOneNanosecondEarlierItIsNot() {
        OverdueScope housing = OverdueScope.handlingUnit(HOUSING.value());
        Instant tellingDue = startOf("2026-03-19");
        assertThat(listings.countOverdue(housing, tellingDue.minusNanos(1))).isZero();
        assertThat(listings.overdue(housing, tellingDue.minusNanos(1), 10, null).items()).isEmpty();
        CaseListings.Page<CaseListings.OverdueCase> page = listings.overdue(housing, tellingDue, 10, null);
        assertThat(page.items()).extracting(CaseListings.OverdueCase::caseId).containsExactly(LATE_TWICE.value());
        assertThat(page.items().get(0).lateClocks()).extracting(CaseListings.LateClock::clock, CaseListings.LateClock::daysLate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TELLING", 1L));
    }

    @Test
    void aRegionPrefixAndAPackageLeaderHaveTheirOwnOverdueCases() {
        assertThat(listings.countOverdue(OverdueScope.regionPrefix("33"), NOW)).isEqualTo(1);
        assertThat(listings.countOverdue(OverdueScope.regionPrefix("3"), NOW)).isEqualTo(1);
        assertThat(listings.countOverdue(OverdueScope.regionPrefix("4508"), NOW)).as("D is on time, E is late").isEqualTo(1);
        CaseListings.Page<CaseListings.OverdueCase> beihai = listings.overdue(OverdueScope.regionPrefix("450802"), NOW, 10, null);
        assertThat(beihai.items()).extracting(CaseListings.OverdueCase::caseId).containsExactly(BACKLOG.value());

        CaseListings.Page<CaseListings.OverdueCase> deputy = listings.overdue(OverdueScope.activeLeader(Org.DISTRICT_DEPUTY.value()), NOW, 10, null);
        assertThat(deputy.items()).extracting(CaseListings.OverdueCase::caseId).containsExactly(BACKLOG.value());
        CaseListings.LateClock step = deputy.items().get(0).lateClocks().get(0);
        assertThat(step.clock()).isEqualTo("PLAN_STEP:1.1");
        assertThat(step.clockId()).isEmpty();
        assertThat(step.dueOn()).isEqualTo(d("2026-06-10"));
        assertThat(step.daysLate()).isEqualTo(20);
        assertThat(listings.countOverdue(OverdueScope.activeLeader(Org.CITY_DEPUTY.value()), NOW)).isZero();
        assertThat(store.loads.get()).isZero();
    }

    @Test
    void meetingALateClockTakesItOffTheListAndTheCountAfterTheCommit() {
        OverdueScope housing = OverdueScope.handlingUnit(HOUSING.value());
        applied(new ProcedureCommand.InformPetitioner(LATE_TWICE, key(), Org.staffOf(HOUSING), d("2026-06-29")));
        CaseListings.Page<CaseListings.OverdueCase> page = listings.overdue(housing, NOW, 10, null);
        assertThat(page.items().get(0).lateClocks()).extracting(CaseListings.LateClock::clock).containsExactly("HANDLING");
        assertThat(listings.countOverdue(housing, NOW)).isEqualTo(1);
    }

    @Test
    void reindexFillsTheClockDuesOfRowsWrittenWithoutThem() {
        // a row as an older release wrote it: no clock dues (and, for the row of A, still the earliest due instant)
        for (CaseId id : List.of(LATE_TWICE, ON_TIME, WINDOW_LAPSED, UNROUTED, BACKLOG)) {
            IndexRow row = store.delegate.indexRow(id.value()).orElseThrow();
            assertThat(store.delegate.replaceIndexRow(row.toBuilder().clockDues(List.of()).build())).isTrue();
        }
        assertThat(listings.countOverdue(OverdueScope.regionPrefix("3"), NOW)).isZero();
        assertThat(service.reindex()).isEqualTo(5);
        assertThat(listings.countOverdue(OverdueScope.regionPrefix("3"), NOW)).isEqualTo(1);
        assertThat(listings.overdue(OverdueScope.handlingUnit(HOUSING.value()), NOW, 10, null).items().get(0).lateClocks())
                .hasSize(2);
    }
}
