package io.github.xinfang.service;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.persistence.chain.AuditEntry;
import io.github.xinfang.persistence.chain.AuditRecord;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Period;
import java.util.List;

import static io.github.xinfang.service.AccessPolicyProperties.D;
import static io.github.xinfang.service.AccessPolicyProperties.DIRECTORY;
import static io.github.xinfang.service.AccessPolicyProperties.HOUSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every read, export and attempt the access policy refuses or hides is recorded, chained, by case and by actor. */
class AccessAuditServiceTests {
    private final TestClock clock = TestClock.at("2026-03-10T02:00:00Z");
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final CaseService service = CaseService.builder(store, DIRECTORY, clock)
            .accessPolicy(AccessPolicy.standard(DIRECTORY)).accessAudit(store).build();
    private final CaseId id = AccessPolicyProperties.CASES.get(0);
    private final Actor clerk = AccessPolicyProperties.actor(0);
    private final Actor housing = Actor.official(new OfficialId(HOUSING.value() + "-1"), HOUSING);

    private List<AuditEntry> trail() {
        return store.recordsAfter("", 0, 1_000).stream().map(AuditRecord::entry).toList();
    }

    @Test
    void readsExportsAndRefusalsAreRecordedAndTheTrailVerifies() {
        // A petition accusing the housing bureau, registered by the county petition office.
        assertThat(service.handle(AccessPolicyProperties.command(new AccessPolicyProperties.Step(0, 0, 0, 2), id,
                new IdempotencyKey("r"), clerk)).isApplied()).isTrue();
        Instant t1 = clock.instant();
        assertThat(service.history(clerk, id)).isPresent();
        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(service.export(clerk, id)).isPresent();
        assertThat(service.history(housing, id)).isEmpty();
        assertThat(service.handle(new ProcedureCommand.Accept(id, new IdempotencyKey("a"), housing, D.plusDays(2))).isApplied()).isFalse();
        assertThat(service.history(clerk, new CaseId("XF-NONE"))).isEmpty();
        Instant t2 = clock.instant();

        String clerkName = CaseService.actorName(clerk);
        String housingName = CaseService.actorName(housing);
        assertThat(clerkName).isEqualTo("official:gb-office-1@gb-office");
        assertThat(trail()).containsExactly(
                new AuditEntry("official:gb-office-1@gb-office", "XF-A-1", AuditEntry.Action.READ, AuditEntry.Outcome.SHOWN, t1),
                new AuditEntry(clerkName, "XF-A-1", AuditEntry.Action.EXPORT, AuditEntry.Outcome.SHOWN, t2),
                new AuditEntry(housingName, "XF-A-1", AuditEntry.Action.READ, AuditEntry.Outcome.HIDDEN, t2),
                new AuditEntry(housingName, "XF-A-1", AuditEntry.Action.COMMAND, AuditEntry.Outcome.HIDDEN, t2),
                new AuditEntry(clerkName, "XF-NONE", AuditEntry.Action.READ, AuditEntry.Outcome.NOT_FOUND, t2));
        assertThat(store.byActor(housingName, "", 0, 10)).extracting(r -> r.entry().action())
                .containsExactly(AuditEntry.Action.READ, AuditEntry.Action.COMMAND);
        assertThat(ChainVerifier.verifyAudit(store, EventChain.sha256()).intact()).isTrue();
        assertThat(ChainVerifier.verifyAudit(store, EventChain.sha256()).events()).isEqualTo(5);
    }

    @Test
    void aRefusedCommandOnAVisibleCaseIsRecordedAsRefused() {
        assertThat(service.handle(AccessPolicyProperties.command(new AccessPolicyProperties.Step(0, 0, 0, 0), id,
                new IdempotencyKey("r"), clerk)).isApplied()).isTrue();
        assertThat(service.handle(new ProcedureCommand.Route(id, new IdempotencyKey("t"), clerk, HOUSING, D.plusDays(1))).isApplied()).isTrue();
        // The housing bureau sees the case routed to it, but only an office enrols it in a batch.
        CommandResult enrol = service.handle(AccessPolicyProperties.command(new AccessPolicyProperties.Step(4, 0, 0, 0), id,
                new IdempotencyKey("e"), housing));
        assertThat(enrol.isApplied()).isFalse();
        assertThat(trail()).singleElement().isEqualTo(new AuditEntry(CaseService.actorName(housing), id.value(),
                AuditEntry.Action.COMMAND, AuditEntry.Outcome.REFUSED, clock.instant()));
    }

    @Test
    void retentionIsAtLeastSixMonthsAndPurgingKeepsTheNumbering() {
        assertThat(service.history(clerk, id)).isEmpty();   // NOT_FOUND, recorded
        clock.advance(java.time.Duration.ofDays(200));
        assertThat(service.history(clerk, id)).isEmpty();
        assertThatThrownBy(() -> service.purgeAudit(clock.instant(), Period.ofMonths(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six months");
        assertThat(service.purgeAudit(clock.instant(), Period.ofMonths(6))).isEqualTo(1);
        assertThat(service.history(clerk, id)).isEmpty();
        assertThat(store.recordsAfter("", 0, 10)).extracting(AuditRecord::sequence).containsExactly(2L, 3L);
        assertThat(ChainVerifier.verifyAudit(store, EventChain.sha256()).intact()).isTrue();
        CaseService unaudited = CaseService.builder(InMemoryCaseStore.create(), DIRECTORY, clock).build();
        assertThatThrownBy(() -> unaudited.purgeAudit(clock.instant(), Period.ofYears(1))).isInstanceOf(IllegalStateException.class);
    }
}
