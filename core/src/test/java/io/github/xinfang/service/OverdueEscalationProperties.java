package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.EscalationPolicy;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.TimeLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * 提级包案 by time: with a days-overdue rule of N days, a backlog case whose routing clock is never met has its
 * required rank raised by the first deadline sweep at or after the day its routing clock has been N days overdue,
 * never by an earlier one, and exactly once, whatever days the sweeps run on.
 */
class OverdueEscalationProperties {
    private static final TimeLimits LIMITS = TimeLimits.standard();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aDaysOverdueRuleRaisesTheRankAtTheFirstSweepOnOrAfterItsThresholdAndOnlyOnce() {
        qt().forAll(integers().between(1, 60), integers().between(0, 40), lists().of(integers().between(0, 12)).ofSizeBetween(1, 12))
                .checkAssert((threshold, receivedOffset, gaps) -> {
                    LocalDate received = LocalDate.parse("2026-03-02").plusDays(receivedOffset);
                    TestClock clock = TestClock.at(received.atTime(10, 0).atZone(ZONE).toInstant());
                    EscalationPolicy policy = EscalationPolicy.of(List.of(EscalationPolicy.Rule.daysOverdueAtLeast("overdue",
                            threshold, new RankLadder.RequiredRank("县处级副职", false))));
                    CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).timeLimits(LIMITS)
                            .escalationPolicy(policy).build();
                    CaseId id = new CaseId("OE-1");
                    service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("r"), Org.clerk(), new PetitionForm(received,
                            Channel.LETTER, Category.CLAIM, "劳动保障", "450802", true, null,
                            List.of(new PetitionForm.Petitioner("韦秀英", null, null, null)), 1, null, "拖欠工资。"), null));
                    service.handle(new ResolutionCommand.DesignateBacklog(id, new IdempotencyKey("d"), Org.officeHead(),
                            Resolution.BacklogSource.OWN_SWEEP, received));
                    LocalDate due = service.obligations(id, clock.instant()).orElseThrow().stream()
                            .filter(c -> c.source() == ClockId.ROUTING).findFirst().orElseThrow().dueOn();
                    Instant fires = due.plusDays(threshold).atStartOfDay(ZONE).toInstant();

                    DeadlineSweep sweep = DeadlineSweep.create(service, "node");
                    Instant at = clock.instant();
                    int rises = 0;
                    boolean raised = false;
                    for (int gap : gaps) {
                        at = at.plus(Duration.ofDays(gap * 3L)).plusSeconds(gap * 997L);
                        clock.set(at);
                        sweep.sweep(at);
                        rises = (int) service.history(id).orElseThrow().events().stream()
                                .filter(e -> e instanceof ResolutionEvent.RequiredRankRaised).count();
                        boolean shouldHaveRisen = !at.isBefore(fires);
                        assertThat(rises).as("sweep at %s, rule fires at %s", at, fires).isEqualTo(shouldHaveRisen ? 1 : 0);
                        if (shouldHaveRisen && !raised) {
                            ResolutionEvent.RequiredRankRaised e = (ResolutionEvent.RequiredRankRaised) service.history(id).orElseThrow().events()
                                    .stream().filter(x -> x instanceof ResolutionEvent.RequiredRankRaised).findFirst().orElseThrow();
                            assertThat(e.recordedAt()).as("raised by the first sweep at or after the threshold").isEqualTo(at);
                            raised = true;
                        }
                    }
                    assertThat(service.escalationCheck(id).isPresent()).isEqualTo(rises == 0);
                });
    }
}
