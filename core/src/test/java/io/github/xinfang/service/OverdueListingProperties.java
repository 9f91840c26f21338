package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.TimeLimits;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The overdue listing, answered from index rows alone, agrees with a model built from the loaded cases: for each case,
 * the clocks {@link CaseService#obligations} says are {@code OVERDUE} (profile clocks other than windows, and duties),
 * with the same last days and days late; paged with random page sizes and cursors, each overdue
 * case once; the count is the number of cases listed. Histories are random: received in the first half of 2026, routed
 * to one of two units or not, told or not, accepted or not, some on the resolution track with a plan step.
 */
class OverdueListingProperties {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate BASE = LocalDate.parse("2026-01-05");
    private static final Instant NOW = BASE.plusDays(200).atStartOfDay(SHANGHAI).toInstant();
    private static final List<UnitId> UNITS = List.of(Org.HOUSING, Org.LABOUR);
    /** Immutable and thread-safe: built once, not per example. */
    private static final io.github.xinfang.time.TimeLimits LIMITS = io.github.xinfang.time.TimeLimits.standard();

    /** One random case: received on day {@code received} after BASE, then up to five steps, each a few days later. */
    record CaseSpec(int received, int steps, int unit, int gap, boolean backlog, int stepDue) {}

    private static Gen<CaseSpec> cases() {
        return in -> new CaseSpec(integers().between(0, 150).generate(in), integers().between(0, 4).generate(in),
                integers().between(0, 1).generate(in), integers().between(1, 6).generate(in),
                integers().between(0, 2).generate(in) == 0, integers().between(1, 60).generate(in));
    }

    @Test
    void theOverdueListingAgreesWithTheClocksOfTheLoadedCases() {
        Gen<Instant> instants = integers().between(0, 260).zip(integers().between(0, 23),
                (day, hour) -> BASE.plusDays(day).atTime(hour, 0).atZone(SHANGHAI).toInstant());
        // each example runs up to 40 commands: a quarter of the configured examples, as CommandObserverProperties does
        qt().withExamples(Math.max(10, CaseInvariantProperties.examples() / 4))
                .forAll(lists().of(cases()).ofSizeBetween(1, 5), instants, integers().between(1, 3), integers().between(0, 3))
                .checkAssert((specs, asOf, pageSize, scopeKind) -> {
                    TestClock clock = TestClock.at(NOW);
                    CountingQueryStore store = CountingQueryStore.create();
                    CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).timeLimits(LIMITS).build();
                    CaseListings listings = CaseListings.create(service);
                    List<CaseId> ids = new ArrayList<>();
                    AtomicInteger keys = new AtomicInteger();
                    for (int i = 0; i < specs.size(); i++) ids.add(create(service, keys, specs.get(i), i));
                    OverdueScope scope = scopeKind == 0 ? OverdueScope.handlingUnit(Org.HOUSING.value())
                            : scopeKind == 1 ? OverdueScope.handlingUnit(Org.LABOUR.value())
                            : scopeKind == 2 ? OverdueScope.regionPrefix("33")
                            : OverdueScope.activeLeader(Org.DISTRICT_DEPUTY.value());

                    // the model: from the loaded cases' clocks and duties, in scope by their index row's columns
                    Map<String, Map<String, List<Object>>> expected = new TreeMap<>();
                    for (CaseId id : ids) {
                        if (!scope.contains(store.delegate.indexRow(id.value()).orElseThrow())) continue;
                        Map<String, List<Object>> late = new TreeMap<>();
                        for (TimeLimits.ObligationStatus c : service.obligations(id, asOf).orElseThrow()) {
                            if (!c.source().isWindow() && c.state() == TimeLimits.ClockState.OVERDUE) {
                                late.put(c.source().toString(), List.of(c.dueOn(), c.dueAt(), c.daysLate()));
                            }
                        }
                        if (!late.isEmpty()) expected.put(id.value(), late);
                    }

                    store.reset();
                    Map<String, Map<String, List<Object>>> actual = new TreeMap<>();
                    List<String> order = new ArrayList<>();
                    String cursor = null;
                    int pages = 0;
                    do {
                        CaseListings.Page<CaseListings.OverdueCase> page = listings.overdue(scope, asOf, pageSize, cursor);
                        pages++;
                        for (CaseListings.OverdueCase c : page.items()) {
                            order.add(c.caseId());
                            Map<String, List<Object>> late = new TreeMap<>();
                            for (CaseListings.LateClock l : c.lateClocks()) late.put(l.clock(), List.of(l.dueOn(), l.dueAt(), l.daysLate()));
                            assertThat(actual.put(c.caseId(), late)).as("case %s listed twice", c.caseId()).isNull();
                        }
                        cursor = page.next().orElse(null);
                    } while (cursor != null && pages < 20);
                    assertThat(actual).isEqualTo(expected);
                    assertThat(order).isSorted();
                    assertThat(listings.countOverdue(scope, asOf)).isEqualTo(expected.size());
                    assertThat(store.loads.get()).as("no case loaded to list or count").isZero();
                    assertThat(store.queries.get()).as("one query per page and one for the count").isEqualTo(pages + 1);
                });
    }

    /** Registers a case and walks it as far as its spec says; every fact is dated, none after NOW. */
    private static CaseId create(CaseService service, AtomicInteger keys, CaseSpec spec, int n) {
        CaseId id = new CaseId("XF-P-" + (char) ('a' + (n * 7 + spec.received()) % 26) + n);
        LocalDate day = BASE.plusDays(spec.received());
        String region = spec.unit() == 0 ? "330106" : "450802";
        PetitionForm petition = new PetitionForm(day, Channel.LETTER, Category.CLAIM, "城乡建设", region, true, null,
                List.of(new PetitionForm.Petitioner("周建华", null, null, null)), null, null, "拆迁补偿款未按协议支付。");
        handle(service, new ProcedureCommand.Register(id, key(keys), Org.clerk(), petition, null));
        UnitId unit = UNITS.get(spec.unit());
        if (spec.steps() >= 1) {
            day = day.plusDays(spec.gap());
            handle(service, new ProcedureCommand.Route(id, key(keys), Org.clerk(), unit, day));
        }
        if (spec.steps() >= 2 && spec.steps() != 3) {
            day = day.plusDays(spec.gap());
            handle(service, new ProcedureCommand.InformPetitioner(id, key(keys), Org.staffOf(unit), day));
        }
        if (spec.steps() >= 3) {
            day = day.plusDays(spec.gap());
            handle(service, new ProcedureCommand.Accept(id, key(keys), Org.staffOf(unit), day));
        }
        if (spec.backlog()) {
            day = day.plusDays(1);
            handle(service, new ResolutionCommand.DesignateBacklog(id, key(keys), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, day));
            handle(service, new ResolutionCommand.AssignPackageLeader(id, key(keys), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                    List.of(Org.LAND_STAFF), List.of(), day));
            handle(service, new ResolutionCommand.RecordPlan(id, key(keys), Org.officeHead(),
                    List.of(new ResolutionCommand.PlanStepForm("约谈", day.plusDays(spec.stepDue()))), day));
        }
        return id;
    }

    private static IdempotencyKey key(AtomicInteger keys) {
        return new IdempotencyKey("k" + keys.incrementAndGet());
    }

    private static void handle(CaseService service, CaseCommand command) {
        CommandResult r = service.handle(command);
        assertThat(r).as("%s: %s", command.getClass().getSimpleName(), r).isInstanceOf(CommandResult.Applied.class);
        Objects.requireNonNull(r);
    }
}
