package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.testing.Org;
import io.github.xinfang.time.TimeLimits;
import io.github.xinfang.time.Obligation.DutyId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second batch of a city's backlog campaign, drawn from published bureau reports ({@code ../shared/data/
 * bureau-figures.md}: "of the second batch of 126 cases, 42 were substantively resolved: 33%"): 港北区 enrols the 126
 * cases 贵港市 hands down, assigns leaders by rank, one petitioner petitions again three times and that case
 * escalates to the county principal leader, a deputy district head changes post and hands over, 42 cases are
 * substantively resolved and crossed off, 5 claims are returned; the batch report shows the matching figures.
 */
class BureauBatchScenarioTests extends ServiceScenario {
    /** The district of {@link Org}, whose deputy district head changes post: a second 副区长 succeeds him. */
    private static final RegionCode GANGBEI = Org.REGION;
    private static final UnitId OFFICE = Org.OFFICE;
    private static final UnitId LAND = Org.LAND;
    private static final UnitId HOUSING = Org.HOUSING;
    private static final OfficialId CLERK = Org.OFFICE_CLERK;
    private static final OfficialId OFFICE_HEAD = Org.OFFICE_HEAD;
    private static final OfficialId LAND_HEAD = Org.LAND_HEAD;
    private static final OfficialId LAND_STAFF = Org.LAND_STAFF;
    /** 副区长 (县处级副职) who changes post, and the one who succeeds him. */
    private static final OfficialId DEPUTY_OUT = Org.DISTRICT_DEPUTY;
    private static final OfficialId DEPUTY_IN = new OfficialId("district-deputy-2");
    /** 常务副区长 (县处级正职), package leader of the hard cases. */
    private static final OfficialId EXECUTIVE = Org.DISTRICT_EXECUTIVE;
    /** 区长: the county principal leader. */
    private static final OfficialId HEAD = Org.DISTRICT_HEAD;

    private static final OrganisationDirectory DIRECTORY =
            Org.directoryWith(new OrganisationDirectory.Official(DEPUTY_IN, Org.DISTRICT, "副区长", "县处级副职", false));

    private static final int CASES = 126;
    private static final int HARD = 9;
    private static final Resolution.BatchId BATCH = new Resolution.BatchId("gg-2026-jiaoban-2");

    private final BatchReports reports = BatchReports.create(service);

    BureauBatchScenarioTests() {
        super("2026-03-02T01:00:00Z", DIRECTORY, "bk");
    }

    private static CaseId caseId(int i) {
        return new CaseId(String.format("GB-JA-%03d", i));
    }

    private static Actor official(OfficialId id, UnitId unit) {
        return Actor.official(id, unit);
    }

    private Resolution resolution(int i) {
        CaseState s = service.history(caseId(i)).orElseThrow().state();
        return s.resolution();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    @Test
    void theSecondBatchOf126CasesEndsWith42SubstantivelyResolvedAndTheReportSaysSo() {
        Actor clerk = official(CLERK, OFFICE);
        Actor officeHead = official(OFFICE_HEAD, OFFICE);
        Actor landHead = official(LAND_HEAD, LAND);

        // March: the city hands down the batch; the district registers and enrols its 126 backlog cases.
        for (int i = 1; i <= CASES; i++) {
            LocalDate received = d("2019-01-07").plusDays(7L * i);
            applied(new ProcedureCommand.Register(caseId(i), key(), clerk, new PetitionForm(received, Channel.VISIT, Category.CLAIM,
                    i % 3 == 0 ? "城乡建设" : "自然资源", GANGBEI.value(), true, null,
                    List.of(new PetitionForm.Petitioner("信访人" + i, null, null, null)), 1, null, "历史遗留问题，反复信访。"), null));
            applied(new ResolutionCommand.EnrolInBatch(caseId(i), key(), officeHead, BATCH, Resolution.IssuingLevel.CITY, "第二批交办积案",
                    d("2026-06-30"), d("2026-03-02")));
        }
        // Hard cases (钉子案) need 县处级正职: the executive deputy head leads them; a deputy head leads the rest.
        at("2026-03-05T01:00:00Z");
        for (int i = 1; i <= HARD; i++) {
            applied(new ResolutionCommand.FlagHardCase(caseId(i), key(), officeHead, "多年反复上访，诉求复杂", d("2026-03-05")));
        }
        at("2026-03-09T01:00:00Z");
        for (int i = 1; i <= CASES; i++) {
            OfficialId leader = i <= HARD ? EXECUTIVE : DEPUTY_OUT;
            applied(new ResolutionCommand.AssignPackageLeader(caseId(i), key(), officeHead, leader, LAND, List.of(LAND_STAFF),
                    List.of(HOUSING), d("2026-03-09")));
        }
        assertThat(resolution(1).requiredRank()).isEqualTo(new RankLadder.RequiredRank("县处级正职", false));
        ResolutionQueryView query = new ResolutionQueryView(store);
        assertThat(query.workload(DEPUTY_OUT, clock.instant()).activeCases()).isEqualTo(CASES - HARD);
        assertThat(query.workload(EXECUTIVE, clock.instant()).activeCases()).isEqualTo(HARD);

        // April: case 100's petitioner petitions again three times, once skipping a level: the case escalates to the
        // county principal leader (repeat-3), the replacement clock starts, and the district head takes the case over.
        int repeater = 100;
        for (String day : List.of("2026-04-01", "2026-04-08", "2026-04-15")) {
            at(day + "T01:00:00Z");
            applied(new ActivityCommand.RecordRepeatPetition(caseId(repeater), key(), clerk, d(day), Channel.VISIT, 2,
                    day.endsWith("08") ? CaseActivity.SkippedLevel.SKIPPED_LEVEL : CaseActivity.SkippedLevel.NONE));
        }
        Resolution escalated = resolution(repeater);
        assertThat(escalated.requiredRank()).isEqualTo(new RankLadder.RequiredRank("县处级正职", true));
        assertThat(escalated.requiredRankRules()).containsExactly("repeat-3");
        assertThat(service.obligations(caseId(repeater), clock.instant()).orElseThrow())
                .anySatisfy(s -> {
                    assertThat(s.source()).isEqualTo(DutyId.replacement(1));
                    assertThat(s.state()).isEqualTo(TimeLimits.ClockState.RUNNING);
                });
        at("2026-04-17T01:00:00Z");
        applied(new ResolutionCommand.ReplacePackageLeader(caseId(repeater), key(), officeHead, HEAD, LAND, List.of(LAND_STAFF),
                List.of(HOUSING), Resolution.ReplacementReason.ESCALATION, d("2026-04-17")));
        assertThat(service.obligations(caseId(repeater), clock.instant()).orElseThrow())
                .anySatisfy(s -> assertThat(s.state()).isEqualTo(TimeLimits.ClockState.MET));

        // May: the deputy head changes post (新官理旧账): his 116 cases go to his successor, case by case.
        at("2026-05-06T01:00:00Z");
        Handover handover = Handover.create(service);
        Handover.Report report = handover.run("港北组干〔2026〕17号", DEPUTY_OUT, DEPUTY_IN, d("2026-05-06"));
        assertThat(report.moved()).hasSize(CASES - HARD - 1);
        assertThat(report.complete()).isTrue();
        assertThat(handover.run("港北组干〔2026〕17号", DEPUTY_OUT, DEPUTY_IN, d("2026-05-06")).moved())
                .as("a re-run changes nothing").isEmpty();
        assertThat(query.workload(DEPUTY_OUT, clock.instant()).activeCases()).isZero();
        assertThat(query.workload(DEPUTY_IN, clock.instant()).activeCases()).isEqualTo(CASES - HARD - 1);
        Resolution handed = resolution(50);
        assertThat(handed.assignments()).hasSize(2);
        assertThat(handed.assignments().get(0).to()).isEqualTo(d("2026-05-06"));
        assertThat(handed.activeAssignment().orElseThrow().leader()).isEqualTo(DEPUTY_IN);

        // June: 47 claims; 5 are returned for rework (退回); 42 substantively resolved and crossed off (销号).
        at("2026-06-08T01:00:00Z");
        List<Integer> claimed = new ArrayList<>();
        for (int i = 10; i < 10 + 47; i++) {
            applied(new ResolutionCommand.ClaimResolution(caseId(i), key(), landHead, Resolution.ResolutionKind.SUBSTANTIVE, "诉求已解决，信访人签字息诉",
                    d("2026-06-08")));
            claimed.add(i);
        }
        Instant beforeReview = clock.instant();
        at("2026-06-15T01:00:00Z");
        for (int i : claimed.subList(0, 5)) {
            applied(new ResolutionCommand.RejectResolution(caseId(i), key(), officeHead, "化解材料不实", d("2026-06-15")));
        }
        for (int i : claimed.subList(5, 47)) {
            applied(new ResolutionCommand.ApproveResolution(caseId(i), key(), officeHead, d("2026-06-15")));
        }
        Instant afterReview = clock.instant();

        BatchReports.Progress june = reports.progress(BATCH, afterReview);
        assertThat(june.cases()).isEqualTo(126);
        assertThat(june.claimed()).isEqualTo(42);
        assertThat(june.resolved()).isEqualTo(42);
        assertThat(june.substantivelyResolved()).isEqualTo(42);
        assertThat(june.returned()).isEqualTo(5);
        assertThat(june.overdue()).isZero();
        assertThat(june.substantiveRate().percent()).hasValue(new BigDecimal("33.3"));
        assertThat(june.substantiveRate().toString()).isEqualTo("42/126 件 (33.3%)");

        BatchReports.Progress claimedOnly = reports.progress(BATCH, beforeReview);
        assertThat(claimedOnly.claimed()).as("as of before the review").isEqualTo(47);
        assertThat(claimedOnly.resolved()).isZero();
        assertThat(claimedOnly.returned()).isZero();
        assertThat(claimedOnly.claimRate().percent()).hasValue(new BigDecimal("37.3"));

        BatchReports.Progress july = reports.progress(BATCH, Instant.parse("2026-07-01T01:00:00Z"));
        assertThat(july.overdue()).as("past the target date, every case not crossed off is overdue").isEqualTo(126 - 42);

        // Crossing off met the batch's target on the resolved cases; the others' target is overdue in July.
        assertThat(service.obligations(caseId(20), Instant.parse("2026-07-01T01:00:00Z")).orElseThrow())
                .anySatisfy(s -> {
                    assertThat(s.source()).isEqualTo(DutyId.batchTarget(BATCH.value()));
                    assertThat(s.state()).isEqualTo(TimeLimits.ClockState.MET);
                });
        assertThat(service.obligations(caseId(80), Instant.parse("2026-07-01T01:00:00Z")).orElseThrow())
                .anySatisfy(s -> {
                    assertThat(s.source()).isEqualTo(DutyId.batchTarget(BATCH.value()));
                    assertThat(s.state()).isEqualTo(TimeLimits.ClockState.OVERDUE);
                });
        assertThat(resolution(20).track()).isEqualTo(Resolution.TrackState.RESOLVED);
        assertThat(service.history(caseId(10)).orElseThrow().events()).last().isInstanceOf(ResolutionEvent.ResolutionRejected.class);
    }

    /** The store's resolution queries, typed by official. */
    private record ResolutionQueryView(InMemoryCaseStore store) {
        LeaderWorkload workload(OfficialId leader, Instant asOf) {
            return store.workload(leader.value(), asOf);
        }
    }
}
