package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.EscalationPolicy;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.time.TimeLimits;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * A deadline sweep leaves nothing due behind it (issue 11, item 6): over random histories of a few cases (statutory
 * clocks routed, informed, accepted, extended, concluded and served or left to run out; backlog designation, a
 * package leader below a days-overdue escalation rule, plans with steps, supervision with feedback due, some met
 * and some not) and sweeps at random later instants, after a sweep at instant t every case's index row needs
 * attention only after t (or never), the sweep's records are never refused, and a second sweep at t claims and
 * loads no case.
 */
class DeadlineSweepProperties {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int CASES = 3;
    private static final int ACTIONS = 16;
    private static final int SWEEP = 0;
    private static final TimeLimits LIMITS = TimeLimits.standard();
    /** What the sweeps of a run recorded, printed after it: warnings, breaches, lapses, escalations. */
    private static final LongAdder[] RECORDED = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

    /** One step: a case, an action (0: let time pass, then sweep) and a number the action uses. */
    record Step(int caseIndex, int action, int amount) {}

    private static Gen<Step> steps() {
        return integers().between(0, CASES - 1).zip(integers().between(0, ACTIONS - 1), integers().between(0, 400), Step::new);
    }

    /** The world: a service over a counting in-memory store, with a days-overdue escalation rule. */
    private static final class World {
        final TestClock clock = TestClock.at("2026-03-02T02:00:00Z");
        final DeadlineSweepTests.CountingStore store = new DeadlineSweepTests.CountingStore();
        final CaseService service;
        final DeadlineSweep sweep;
        final boolean[] registered = new boolean[CASES];
        int keys;
        int sweeps;

        World() {
            List<EscalationPolicy.Rule> rules = new ArrayList<>(EscalationPolicy.standard().rules());
            rules.add(EscalationPolicy.Rule.daysOverdueAtLeast("overdue-3", 3, new RankLadder.RequiredRank("县处级正职", false)));
            service = CaseService.builder(store, Org.DIRECTORY, clock).timeLimits(LIMITS).escalationPolicy(EscalationPolicy.of(rules))
                    .build();
            sweep = DeadlineSweep.create(service, "node");
        }

        LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZONE);
        }

        void handle(CaseCommand c) {
            service.handle(c);   // refused or applied: the history is whatever the commands make it
        }

        IdempotencyKey key() {
            return new IdempotencyKey("p" + ++keys);
        }

        void apply(Step s) {
            CaseId id = new CaseId("SP-" + s.caseIndex());
            LocalDate today = today();
            int n = s.amount();
            if (s.action() == SWEEP) {
                clock.advance(Duration.ofMinutes(1L + n * 97L));   // up to about 27 days
                sweepAndCheck();
                return;
            }
            if (!registered[s.caseIndex()]) {
                Category category = n % 3 == 0 ? Category.SUGGESTION : Category.CLAIM;
                handle(new ProcedureCommand.Register(id, key(), Org.clerk(), new PetitionForm(today.minusDays(n % 20), Channel.LETTER,
                        category, "城乡建设", "450802", true, null, List.of(new PetitionForm.Petitioner("覃某", null, null, null)), null, null,
                        "内容"), null));
                registered[s.caseIndex()] = true;
                return;
            }
            switch (s.action()) {
                case 1: handle(new ProcedureCommand.Route(id, key(), Org.clerk(), Org.HOUSING, today)); break;
                case 2: handle(new ProcedureCommand.InformPetitioner(id, key(), Org.staffOf(Org.HOUSING), today)); break;
                case 3: handle(new ProcedureCommand.Accept(id, key(), Org.staffOf(Org.HOUSING), today)); break;
                case 4: handle(new ProcedureCommand.Extend(id, key(), Org.headOf(Org.HOUSING), 1 + n % 30, "复杂", today, today)); break;
                case 5:
                    handle(new ProcedureCommand.ProposeConclusion(id, key(), Org.staffOf(Org.HOUSING), Outcome.EXPLAINED, "答复", today));
                    handle(new ProcedureCommand.ApproveConclusion(id, key(), Org.headOf(Org.HOUSING), today));
                    break;
                case 6: handle(new ProcedureCommand.ServeReply(id, key(), Org.staffOf(Org.HOUSING), today)); break;
                case 7: handle(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, today)); break;
                case 8:
                    handle(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                            List.of(Org.LAND_STAFF), List.of(), today));
                    break;
                case 9:
                    handle(new ResolutionCommand.RecordPlan(id, key(), Org.officeHead(), List.of(new ResolutionCommand.PlanStepForm("约谈", today.plusDays(n % 9)),
                            new ResolutionCommand.PlanStepForm("复核", today.plusDays(n % 23))), today));
                    break;
                case 10: handle(new ResolutionCommand.MarkPlanStepDone(id, key(), Org.officeHead(), 1 + n % 2, today)); break;
                case 11:
                    handle(new ActivityCommand.IssueSupervision(id, key(), Org.officeHead(), CaseActivity.SupervisionKind.REMINDER, Org.HOUSING, today,
                            today.plusDays(n % 12)));
                    break;
                case 12: handle(new ActivityCommand.RecordSupervisionFeedback(id, key(), Org.staffOf(Org.HOUSING), 1, "已办理", today)); break;
                case 13:
                    handle(new ResolutionCommand.ReplacePackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_EXECUTIVE, Org.LAND,
                            List.of(Org.LAND_STAFF), List.of(), io.github.xinfang.cases.Resolution.ReplacementReason.ESCALATION, today));
                    break;
                case 14: handle(new ProcedureCommand.RequestReview(id, key(), Org.clerk(), today)); break;
                default: clock.advance(Duration.ofHours(n % 48)); break;
            }
        }

        void sweepAndCheck() {
            Instant t = clock.instant();
            DeadlineSweep.Report report = sweep.sweep(t);
            sweeps++;
            assertThat(report.refused()).as("records refused by the sweep at %s: %s", t, report).isZero();
            RECORDED[0].add(report.warnings());
            RECORDED[1].add(report.breaches());
            RECORDED[2].add(report.lapses());
            RECORDED[3].add(report.escalations());
            for (int i = 0; i < CASES; i++) {
                if (!registered[i]) continue;
                IndexRow row = store.indexRow("SP-" + i).orElse(null);
                if (row == null) continue;   // its registration was refused
                assertThat(row.nextAttentionAt()).as("case SP-%s after the sweep at %s (%s)", i, t, report)
                        .satisfiesAnyOf(next -> assertThat(next).isEmpty(), next -> assertThat(next.get()).isAfter(t));
            }
            store.reset();
            DeadlineSweep.Report again = sweep.sweep(t);
            assertThat(again.casesClaimed()).as("a second sweep at %s", t).isZero();
            assertThat(store.claimed.get()).isZero();
            assertThat(store.loads.get()).as("cases loaded by a second sweep at %s", t).isZero();
        }
    }

    @Test
    void afterASweepNoCaseNeedsAttentionBeforeTheNextInstantAndASecondSweepClaimsNothing() {
        qt().forAll(lists().of(steps()).ofSizeBetween(1, 40)).checkAssert(steps -> {
            World world = new World();
            for (Step s : steps) world.apply(s);
            world.clock.advance(Duration.ofDays(40));
            world.sweepAndCheck();
        });
        System.out.printf("DeadlineSweepProperties: the sweeps recorded %d warnings, %d breaches, %d lapses, %d escalations%n",
                RECORDED[0].sum(), RECORDED[1].sum(), RECORDED[2].sum(), RECORDED[3].sum());
    }
}
