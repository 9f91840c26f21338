package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.testsupport.ForwardingStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 新官理旧账 examples: an interrupted handover says what it did, and running it again finishes the rest. */
class HandoverTests {

    /** The in-memory store behind the four {@link CaseStore} methods only (no resolution queries). */
    static class PlainStore extends ForwardingStore<InMemoryCaseStore> {
        PlainStore() {
            super(InMemoryCaseStore.create());
        }
    }

    /** The in-memory store with its resolution queries, failing every commit once {@code commitsLeft} runs out. */
    static final class FlakyStore extends PlainStore implements ResolutionQuery {
        final AtomicInteger commitsLeft = new AtomicInteger(Integer.MAX_VALUE);

        @Override
        public void commit(CaseCommit commit) {
            if (commitsLeft.getAndDecrement() <= 0) throw new StoreException("the database went away");
            super.commit(commit);
        }

        @Override
        public List<IndexRow> byActiveLeader(String leader, String afterCaseId, int limit) {
            return delegate.byActiveLeader(leader, afterCaseId, limit);
        }

        @Override
        public List<IndexRow> byLeadUnit(String unit, String afterCaseId, int limit) {
            return delegate.byLeadUnit(unit, afterCaseId, limit);
        }

        @Override
        public List<IndexRow> byBatch(String batch, String afterCaseId, int limit) {
            return delegate.byBatch(batch, afterCaseId, limit);
        }

        @Override
        public LeaderWorkload workload(String leader, Instant asOf) {
            return delegate.workload(leader, asOf);
        }
    }

    @Test
    void anInterruptedHandoverReportsWhatItMovedAndARerunFinishesTheRest() {
        FlakyStore store = new FlakyStore();
        CaseService service = CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).build();
        for (int i = 0; i < 5; i++) {
            CaseId id = new CaseId("HO-" + i);
            enrolLedByTheDeputy(service, id);
        }
        Handover handover = Handover.create(service);
        store.commitsLeft.set(2);

        assertThatThrownBy(() -> handover.run("op-7", Org.DISTRICT_DEPUTY, Org.DISTRICT_EXECUTIVE, LocalDate.parse("2026-06-01")))
                .isInstanceOfSatisfying(Handover.HandoverInterruptedException.class, e -> {
                    assertThat(e.partialReport().moved()).extracting(CaseId::value).containsExactly("HO-0", "HO-1");
                    assertThat(e.getCause()).isInstanceOf(StoreException.class);
                    assertThat(e.getMessage()).contains("op-7", "2 moved");
                });
        assertThat(store.workload(Org.DISTRICT_DEPUTY.value(), Instant.parse("2026-06-30T02:00:00Z")).activeCases()).isEqualTo(3);

        store.commitsLeft.set(Integer.MAX_VALUE);
        Handover.Report rest = handover.run("op-7", Org.DISTRICT_DEPUTY, Org.DISTRICT_EXECUTIVE, LocalDate.parse("2026-06-01"));
        assertThat(rest.moved()).extracting(CaseId::value).containsExactly("HO-2", "HO-3", "HO-4");
        assertThat(store.workload(Org.DISTRICT_EXECUTIVE.value(), Instant.parse("2026-06-30T02:00:00Z")).activeCases()).isEqualTo(5);
        assertThat(handover.run("op-7", Org.DISTRICT_DEPUTY, Org.DISTRICT_EXECUTIVE, LocalDate.parse("2026-06-01")).moved()).isEmpty();
    }

    @Test
    void aHandoverNeedsTheResolutionQueriesAndTwoDifferentOfficials() {
        CaseStore plain = new PlainStore();
        CaseService without = CaseService.builder(plain, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).build();
        assertThatThrownBy(() -> Handover.create(without)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> BatchReports.create(without)).isInstanceOf(UnsupportedOperationException.class);

        CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).build();
        Handover handover = Handover.create(service);
        assertThatThrownBy(() -> handover.run("op", Org.DISTRICT_DEPUTY, Org.DISTRICT_DEPUTY, LocalDate.parse("2026-06-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("successor");
        assertThatThrownBy(() -> handover.run(" ", Org.DISTRICT_DEPUTY, Org.DISTRICT_HEAD, LocalDate.parse("2026-06-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operationId");
        assertThatThrownBy(() -> handover.run("op", null, Org.DISTRICT_HEAD, LocalDate.parse("2026-06-01")))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("outgoing");
    }

    @Test
    void twoNodesRunningTheSameHandoverAtOnceMoveEachCaseOnce() throws Exception {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
        CaseService nodeA = CaseService.builder(store, Org.DIRECTORY, clock).build();
        CaseService nodeB = CaseService.builder(store, Org.DIRECTORY, clock).build();
        int cases = 60;
        for (int i = 0; i < cases; i++) {
            CaseId id = new CaseId(String.format("HC-%03d", i));
            enrolLedByTheDeputy(nodeA, id);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Future<Handover.Report> a = pool.submit(() -> {
                start.await();
                return Handover.create(nodeA).run("op-9", Org.DISTRICT_DEPUTY, Org.DISTRICT_HEAD, LocalDate.parse("2026-06-01"));
            });
            java.util.concurrent.Future<Handover.Report> b = pool.submit(() -> {
                start.await();
                return Handover.create(nodeB).run("op-9", Org.DISTRICT_DEPUTY, Org.DISTRICT_HEAD, LocalDate.parse("2026-06-01"));
            });
            start.countDown();
            Handover.Report ra = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
            Handover.Report rb = b.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ra.notMoved()).isEmpty();
            assertThat(rb.notMoved()).isEmpty();
            java.util.Set<CaseId> reported = new java.util.HashSet<>(ra.moved());
            reported.addAll(rb.moved());
            assertThat(reported).as("every case reported moved by one node or both (a replay)").hasSize(cases);
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < cases; i++) {
            CaseHistory h = nodeA.history(new CaseId(String.format("HC-%03d", i))).orElseThrow();
            assertThat(h.events().stream().filter(e -> e instanceof io.github.xinfang.cases.ResolutionEvent.PackageLeaderReplaced).count())
                    .as("one handover per case").isEqualTo(1);
            assertThat(h.state().resolution().activeAssignment().orElseThrow().leader()).isEqualTo(Org.DISTRICT_HEAD);
        }
    }

    // ------------------------------------------------------------------ operation ids (issue 11, item 7b)

    /** The longest case id an {@link IdempotencyKey} must still fit with the operation id. */
    private static final String LONGEST_CASE_ID = "HO-9" + "9".repeat(60);

    private static CaseService ledByTheDeputy(InMemoryCaseStore store, String... caseIds) {
        CaseService service = CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).build();
        for (String caseId : caseIds) {
            CaseId id = new CaseId(caseId);
            enrolLedByTheDeputy(service, id);
        }
        return service;
    }

    /** Registers the claim as case id, designates it a backlog case and makes the district deputy its package leader. */
    private static void enrolLedByTheDeputy(CaseService service, CaseId id) {
        assertThat(service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("r"), Org.clerk(), new PetitionForm(
                LocalDate.parse("2024-03-02"), Channel.VISIT, Category.CLAIM, "土地征收", "450802", true, null,
                List.of(new PetitionForm.Petitioner("覃建国", null, null, null)), 1, null, "征地补偿。"), null)).isApplied()).isTrue();
        assertThat(service.handle(new ResolutionCommand.DesignateBacklog(id, new IdempotencyKey("d"), Org.officeHead(),
                Resolution.BacklogSource.OWN_SWEEP, LocalDate.parse("2026-05-01"))).isApplied()).isTrue();
        assertThat(service.handle(new ResolutionCommand.AssignPackageLeader(id, new IdempotencyKey("a"), Org.officeHead(),
                Org.DISTRICT_DEPUTY, Org.LAND, List.of(Org.LAND_STAFF), List.of(), LocalDate.parse("2026-05-02"))).isApplied())
                .isTrue();
    }

    private static long ledBy(InMemoryCaseStore store, io.github.xinfang.directory.OfficialId leader) {
        return store.workload(leader.value(), Instant.parse("2026-06-30T02:00:00Z")).activeCases();
    }

    @Test
    void anOperationIdTooLongForTheIdempotencyKeyIsRefusedNamingItBeforeAnythingMoves() {
        assertThat(LONGEST_CASE_ID).hasSize(64);
        InMemoryCaseStore store = InMemoryCaseStore.create();
        Handover handover = Handover.create(ledByTheDeputy(store, "HO-1", LONGEST_CASE_ID));
        String tooLong = "港北组干〔2026〕17号-" + "补".repeat(46);   // 60 characters: its key for a 64-character case id has 134
        assertThatThrownBy(() -> handover.run(tooLong, Org.DISTRICT_DEPUTY, Org.DISTRICT_EXECUTIVE, LocalDate.parse("2026-06-01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operationId").hasMessageContaining("54");
        assertThat(ledBy(store, Org.DISTRICT_DEPUTY)).as("nothing moved").isEqualTo(2L);
        for (String bad : List.of("港北组干 17号", "op\t7", "op\n7", "op\u00007", "op\u30007", " op-7")) {
            assertThatThrownBy(() -> handover.run(bad, Org.DISTRICT_DEPUTY, Org.DISTRICT_EXECUTIVE, LocalDate.parse("2026-06-01")))
                    .as("operation id %s", bad.codePoints().mapToObj(Integer::toHexString).toList())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operationId");
        }
        assertThat(ledBy(store, Org.DISTRICT_DEPUTY)).as("nothing moved").isEqualTo(2L);

        String longest = "港北组干〔2026〕17号-" + "补".repeat(40);
        assertThat(longest).hasSize(54);   // Handover.MAX_OPERATION_ID_LENGTH
        Handover.Report report = handover.run(longest, Org.DISTRICT_DEPUTY, Org.DISTRICT_EXECUTIVE, LocalDate.parse("2026-06-01"));
        assertThat(report.moved()).extracting(CaseId::value).containsExactly("HO-1", LONGEST_CASE_ID);
        assertThat(store.findApplied(LONGEST_CASE_ID, "handover:" + longest + ":" + LONGEST_CASE_ID)).isPresent();
    }

    @Test
    void theKeyOfAHandoverIsStillHandoverOperationCaseSoAReRunAfterAnUpgradeIsRecognisedAsAReplay() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = ledByTheDeputy(store, "HO-1", "HO-2");
        String op = "港北组干〔2026〕17号";
        Handover.Report first = Handover.create(service).run(op, Org.DISTRICT_DEPUTY, Org.DISTRICT_HEAD, LocalDate.parse("2026-06-01"));
        assertThat(first.moved()).hasSize(2);
        // the key an earlier release recorded for the same operation and case
        AppliedCommand applied = store.findApplied("HO-1", "handover:" + op + ":HO-1").orElseThrow();
        long version = service.history(new CaseId("HO-1")).orElseThrow().version();
        assertThat(applied.versionAfter()).isEqualTo(version);
        // the same command again (a second node, or a re-run racing the first) is a replay, and changes nothing
        CommandResult again = service.handle(new ResolutionCommand.ReplacePackageLeader(new CaseId("HO-1"),
                new IdempotencyKey("handover:" + op + ":HO-1"), io.github.xinfang.cases.Actor.system(Handover.JOB), Org.DISTRICT_HEAD,
                Org.LAND, List.of(Org.LAND_STAFF), List.of(), io.github.xinfang.cases.Resolution.ReplacementReason.POST_CHANGE,
                LocalDate.parse("2026-06-01")));
        assertThat(again).isInstanceOfSatisfying(CommandResult.Applied.class, a -> assertThat(a.replayed()).isTrue());
        // and re-running the operation moves nothing and records nothing
        Handover.Report rerun = Handover.create(service).run(op, Org.DISTRICT_DEPUTY, Org.DISTRICT_HEAD, LocalDate.parse("2026-06-01"));
        assertThat(rerun.moved()).isEmpty();
        assertThat(rerun.notMoved()).isEmpty();
        assertThat(service.history(new CaseId("HO-1")).orElseThrow().version()).isEqualTo(version);
        assertThat(ledBy(store, Org.DISTRICT_HEAD)).isEqualTo(2L);
    }
}
