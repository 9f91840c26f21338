package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Batch progress equals a brute-force count over the batch's cases: random histories of enrolments in two
 * batches, assignments, claims, returns, approvals and rebounds, recorded a day apart; reports as of random
 * instants compared with a fold over every case's stored events recorded up to that instant, written here
 * independently of {@code CaseState}.
 */
class BatchProgressProperties {
    /** Built once: building the calendars is the expensive part of a service. */
    private static final io.github.xinfang.time.TimeLimits LIMITS = io.github.xinfang.time.TimeLimits.standard();
    private static final List<Resolution.BatchId> BATCHES = List.of(new Resolution.BatchId("b-city"), new Resolution.BatchId("b-county"));
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One generated step: which case, which move, a choice within the move. */
    record Step(int caseIndex, int move, int choice) {}

    private static Gen<Step> steps() {
        return integers().between(0, 5).zip(integers().between(0, 8), integers().between(0, 3), Step::new);
    }

    @Test
    void batchProgressEqualsABruteForceCountOverTheBatchsCases() {
        long[] coverage = new long[3];
        qt().forAll(lists().of(steps()).ofSizeBetween(1, 60), integers().between(0, 70)).checkAssert((steps, asOfStep) -> {
            TestClock clock = TestClock.at("2026-03-02T02:00:00Z");
            Instant start = clock.instant();
            CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).timeLimits(LIMITS).build();
            List<CaseId> ids = new ArrayList<>();
            int[] keys = {0};
            for (int i = 0; i < 6; i++) {
                CaseId id = new CaseId("B-" + i);
                ids.add(id);
                service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("r" + i), Org.clerk(), new PetitionForm(
                        LocalDate.parse("2024-03-02"), Channel.LETTER, Category.CLAIM, "劳动保障", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("韦秀英", null, null, null)), 1, null, "拖欠工资。"), null));
            }
            for (Step s : steps) {
                clock.advance(Duration.ofDays(1));
                apply(service, ids.get(s.caseIndex()), s, LocalDate.ofInstant(clock.instant(), ZONE), keys);
            }
            Instant asOf = start.plus(Duration.ofDays(asOfStep)).plusSeconds(asOfStep % 2 == 0 ? 0 : 3600);
            BatchReports reports = BatchReports.create(service);
            for (Resolution.BatchId batch : BATCHES) {
                BatchReports.Progress report = reports.progress(batch, asOf);
                long[] brute = bruteForce(service, ids, batch, asOf);
                assertThat(new long[] {report.cases(), report.claimed(), report.resolved(), report.substantivelyResolved(),
                        report.returned(), report.overdue()}).as("%s as of %s", batch, asOf).containsExactly(brute);
                coverage[0] += report.resolved();
                coverage[1] += report.returned();
                coverage[2] += report.overdue();
            }
        });
        assertThat(coverage[0]).as("resolved cases counted").isGreaterThan(100);
        assertThat(coverage[1]).as("returned claims counted").isGreaterThan(50);
        assertThat(coverage[2]).as("overdue cases counted").isGreaterThan(50);
    }

    private static void apply(CaseService service, CaseId id, Step s, LocalDate today, int[] keys) {
        IdempotencyKey key = new IdempotencyKey("s" + keys[0]++);
        CaseCommand c;
        int move = s.move();
        if (move < 4) {
            // mostly the case's natural next move, so histories reach claims, returns and approvals
            io.github.xinfang.cases.Resolution r = service.history(id).orElseThrow().state().resolution();
            io.github.xinfang.cases.Resolution.TrackState t = r == null ? null : r.track();
            if (t == null) move = 0;
            else if (t == io.github.xinfang.cases.Resolution.TrackState.OPEN) move = 1;
            else if (t == io.github.xinfang.cases.Resolution.TrackState.IN_RESOLUTION) move = 2;
            else if (t == io.github.xinfang.cases.Resolution.TrackState.CLAIMED) move = 4;
            else move = s.choice() == 0 ? 6 : 0;
        }
        switch (move) {
            case 0: {
                Resolution.BatchId batch = BATCHES.get(s.choice() % 2);
                // target dates from 3 to 30 days after 2026-03-02, so some reports fall after them
                c = new ResolutionCommand.EnrolInBatch(id, key, Org.officeHead(), batch, batch == BATCHES.get(0) ? Resolution.IssuingLevel.CITY
                        : Resolution.IssuingLevel.COUNTY, "交办批次", LocalDate.parse("2026-03-02").plusDays(3L + 9L * s.choice()), today);
                break;
            }
            case 1:
                c = new ResolutionCommand.AssignPackageLeader(id, key, Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                        List.of(Org.LAND_STAFF), List.of(), today);
                break;
            case 2:
            case 3:
                c = new ResolutionCommand.ClaimResolution(id, key, Org.headOf(Org.LAND), s.choice() % 2 == 0 ? Resolution.ResolutionKind.SUBSTANTIVE
                        : Resolution.ResolutionKind.PROCEDURAL, "已化解", today);
                break;
            case 4:
                c = s.choice() == 0 ? new ResolutionCommand.RejectResolution(id, key, Org.officeHead(), "材料不实", today)
                        : new ResolutionCommand.ApproveResolution(id, key, Org.officeHead(), today);
                break;
            case 5:
                c = new ResolutionCommand.RejectResolution(id, key, Org.officeHead(), "材料不实", today);
                break;
            default:
                c = s.choice() == 0 ? new ResolutionCommand.ReportRebound(id, key, Org.officeHead(), "反弹", today)
                        : new ResolutionCommand.DesignateBacklog(id, key, Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, today);
                break;
        }
        service.handle(c);
    }

    /** cases, claimed, resolved, substantive, returned, overdue: a fold over each case's events recorded up to asOf. */
    private static long[] bruteForce(CaseService service, List<CaseId> ids, Resolution.BatchId batch, Instant asOf) {
        long[] n = new long[6];
        LocalDate today = LocalDate.ofInstant(asOf, ZONE);
        for (CaseId id : ids) {
            boolean in = false;
            LocalDate target = null;
            String track = null;
            Resolution.ResolutionKind kind = null;
            long returned = 0;
            for (CaseEvent e : service.history(id).orElseThrow().events()) {
                if (e.recordedAt().isAfter(asOf)) continue;
                if (e instanceof ResolutionEvent.BatchEnrolled b) {
                    if (b.batch().equals(batch)) {
                        in = true;
                        target = b.targetDate();
                    }
                    if (track == null || track.equals("RESOLVED")) track = "OPEN";
                } else if (e instanceof ResolutionEvent.BacklogDesignated) {
                    track = "OPEN";
                } else if (e instanceof ResolutionEvent.PackageLeaderAssigned) {
                    track = "IN_RESOLUTION";
                } else if (e instanceof ResolutionEvent.ResolutionClaimed c) {
                    track = "CLAIMED";
                    kind = c.kind();
                } else if (e instanceof ResolutionEvent.ResolutionApproved) {
                    track = "RESOLVED";
                } else if (e instanceof ResolutionEvent.ResolutionRejected) {
                    track = "IN_RESOLUTION";
                    returned++;
                } else if (e instanceof ResolutionEvent.ReboundReported) {
                    track = "OPEN";
                }
            }
            if (!in) continue;
            n[0]++;
            if (track.equals("CLAIMED") || track.equals("RESOLVED")) n[1]++;
            if (track.equals("RESOLVED")) {
                n[2]++;
                if (kind == Resolution.ResolutionKind.SUBSTANTIVE) n[3]++;
            } else if (today.isAfter(target)) {
                n[5]++;
            }
            n[4] += returned;
        }
        return n;
    }
}
