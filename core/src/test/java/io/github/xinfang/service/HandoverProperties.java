package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * 新官理旧账: a handover moves all and only the outgoing official's active assignments (those the successor's rank
 * allows; the others are reported with {@code RANK_TOO_LOW}), each case recording it, and running it a second time
 * changes nothing. Checked against a brute force over the cases' states and an independent rank order.
 */
class HandoverProperties {
    /** Built once: building the calendars is the expensive part of a service. */
    private static final io.github.xinfang.time.TimeLimits LIMITS = io.github.xinfang.time.TimeLimits.standard();
    /** The civil-service ladder, lowest first, written out independently of {@code RankLadder}. */
    private static final List<String> LADDER = List.of("乡科级副职", "乡科级正职", "县处级副职", "县处级正职", "厅局级副职", "厅局级正职", "省部级");
    private static final List<OfficialId> LEADERS = List.of(Org.DISTRICT_DEPUTY, Org.DISTRICT_EXECUTIVE, Org.DISTRICT_HEAD, Org.CITY_DEPUTY);

    /** One case of a generated world: whether it is hard, who leads it (index in LEADERS, or -1), how far it got. */
    record CaseSpec(boolean hard, int leader, int progress) {}

    /** A generated world: its cases, the outgoing official and the successor. */
    record World(List<CaseSpec> cases, int outgoing, int successor) {}

    private static Gen<CaseSpec> specs() {
        return integers().between(0, 1).zip(integers().between(-1, LEADERS.size() - 1), integers().between(0, 3), (h, l, p) -> new CaseSpec(h == 1, l, p));
    }

    private static Gen<World> worlds() {
        return lists().of(specs()).ofSizeBetween(1, 10).zip(integers().between(0, LEADERS.size() - 1),
                integers().between(1, LEADERS.size() - 1), (cases, out, shift) -> new World(cases, out, (out + shift) % LEADERS.size()));
    }

    @Test
    void aHandoverMovesAllAndOnlyTheOutgoingOfficialsActiveAssignmentsAndARerunChangesNothing() {
        int[] coverage = new int[3];
        qt().forAll(worlds()).checkAssert(w -> check(w, coverage));
        assertThat(coverage[0]).as("handovers that moved a case").isGreaterThan(50);
        assertThat(coverage[1]).as("cases refused for the successor's rank").isGreaterThan(20);
        assertThat(coverage[2]).as("cases of the outgoing official that were no longer active (resolved)").isGreaterThan(20);
    }

    private static void check(World w, int[] coverage) {
        TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).timeLimits(LIMITS).build();
        AtomicInteger keys = new AtomicInteger();
        List<CaseId> ids = new ArrayList<>();
        for (int i = 0; i < w.cases().size(); i++) {
            CaseId id = new CaseId("H-" + i);
            ids.add(id);
            build(service, id, w.cases().get(i), keys);
        }
        OfficialId outgoing = LEADERS.get(w.outgoing());
        OfficialId successor = LEADERS.get(w.successor());
        Map<CaseId, CaseHistory> before = new HashMap<>();
        for (CaseId id : ids) before.put(id, service.history(id).orElseThrow());

        Handover.Report first = Handover.create(service).run("op-1", outgoing, successor, LocalDate.parse("2026-06-20"));

        Set<CaseId> expectMoved = new HashSet<>();
        Set<CaseId> expectRefused = new HashSet<>();
        for (CaseId id : ids) {
            Resolution r = before.get(id).state().resolution();
            boolean led = r.activeAssignment().map(a -> a.leader().equals(outgoing)).orElse(false);
            boolean ledOnce = r.assignments().stream().anyMatch(a -> a.leader().equals(outgoing));
            if (!led && ledOnce) coverage[2]++;
            if (!led) continue;
            if (meets(successor, r)) expectMoved.add(id);
            else expectRefused.add(id);
        }
        assertThat(new HashSet<>(first.moved())).isEqualTo(expectMoved);
        Set<CaseId> refused = new HashSet<>();
        for (Handover.Report.NotMoved n : first.notMoved()) {
            refused.add(n.caseId());
            assertThat(n.rejection().code()).isEqualTo(Rejection.Code.RANK_TOO_LOW);
        }
        assertThat(refused).isEqualTo(expectRefused);
        if (!expectMoved.isEmpty()) coverage[0]++;
        coverage[1] += expectRefused.size();

        Map<CaseId, Long> versions = new HashMap<>();
        for (CaseId id : ids) {
            CaseHistory was = before.get(id);
            CaseHistory now = service.history(id).orElseThrow();
            versions.put(id, now.version());
            if (!expectMoved.contains(id)) {
                assertThat(now.version()).as("%s untouched", id).isEqualTo(was.version());
                continue;
            }
            assertThat(now.version()).isEqualTo(was.version() + 1);
            List<Resolution.Assignment> old = was.state().resolution().assignments();
            List<Resolution.Assignment> hist = now.state().resolution().assignments();
            assertThat(hist).hasSize(old.size() + 1);
            assertThat(hist.subList(0, old.size() - 1)).as("history kept in order").isEqualTo(old.subList(0, old.size() - 1));
            Resolution.Assignment ended = hist.get(old.size() - 1);
            assertThat(ended.leader()).isEqualTo(outgoing);
            assertThat(ended.ended()).isEqualTo(Resolution.AssignmentEnd.POST_CHANGE);
            Resolution.Assignment taken = hist.get(old.size());
            assertThat(taken.leader()).isEqualTo(successor);
            assertThat(taken.leadUnit()).isEqualTo(old.get(old.size() - 1).leadUnit());
            assertThat(taken.isActive()).isTrue();
        }

        Handover.Report second = Handover.create(service).run("op-1", outgoing, successor, LocalDate.parse("2026-06-20"));
        assertThat(second.moved()).isEmpty();
        assertThat(new HashSet<>(second.notMoved().stream().map(Handover.Report.NotMoved::caseId).toList())).isEqualTo(expectRefused);
        for (CaseId id : ids) assertThat(service.history(id).orElseThrow().version()).isEqualTo(versions.get(id));
    }

    /** Whether the successor's rank in the directory meets the case's required rank, by the independent ladder. */
    private static boolean meets(OfficialId official, Resolution r) {
        if (r.requiredRank() == null) return true;
        OrganisationDirectory.Official o = Org.DIRECTORY.official(official).orElseThrow();
        int have = LADDER.indexOf(o.rank());
        int need = LADDER.indexOf(r.requiredRank().rank());
        return have > need || (have == need && (o.principal() || !r.requiredRank().principal()));
    }

    /** Registers a case, designates it, flags it hard, assigns a leader (if the rank allows) and takes it some way. */
    private static void build(CaseService service, CaseId id, CaseSpec spec, AtomicInteger keys) {
        java.util.function.Supplier<IdempotencyKey> key = () -> new IdempotencyKey("k" + keys.incrementAndGet());
        LocalDate day = LocalDate.parse("2026-05-01");
        service.handle(new ProcedureCommand.Register(id, key.get(), Org.clerk(), new PetitionForm(LocalDate.parse("2024-03-02"), Channel.VISIT,
                Category.CLAIM, "土地征收", "450802", true, null, List.of(new PetitionForm.Petitioner("覃建国", null, null, null)), 1, null,
                "征地补偿多年未到位。"), null));
        service.handle(new ResolutionCommand.DesignateBacklog(id, key.get(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, day));
        if (spec.hard()) service.handle(new ResolutionCommand.FlagHardCase(id, key.get(), Org.officeHead(), "钉子案", day));
        if (spec.leader() < 0) return;
        service.handle(new ResolutionCommand.AssignPackageLeader(id, key.get(), Org.officeHead(), LEADERS.get(spec.leader()), Org.LAND,
                List.of(Org.LAND_STAFF, LEADERS.get(spec.leader())), List.of(Org.HOUSING), day.plusDays(1)));
        if (spec.progress() >= 1) {
            service.handle(new ResolutionCommand.ClaimResolution(id, key.get(), Org.headOf(Org.LAND), Resolution.ResolutionKind.SUBSTANTIVE, "已化解",
                    day.plusDays(2)));
        }
        if (spec.progress() >= 2) service.handle(new ResolutionCommand.ApproveResolution(id, key.get(), Org.officeHead(), day.plusDays(3)));
        if (spec.progress() >= 3) {
            service.handle(new ResolutionCommand.ReportRebound(id, key.get(), Org.officeHead(), "回头看反弹", day.plusDays(4)));
        }
        CaseState s = service.history(id).orElseThrow().state();
        assertThat(s.resolution()).isNotNull();
    }
}
