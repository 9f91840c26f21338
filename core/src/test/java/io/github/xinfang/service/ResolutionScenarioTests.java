package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenarios of the resolution track (积案化解), in the domain's words. */
class ResolutionScenarioTests extends ServiceScenario {
    private final CaseId id = new CaseId("XF-2019-0042");

    ResolutionScenarioTests() {
        super("2026-06-30T02:00:00Z");
    }

    private static PetitionForm claim(int headcount, List<PetitionForm.AccusedParty> accused) {
        return new PetitionForm(d("2019-03-02"), Channel.VISIT, Category.CLAIM, "土地征收", "450802", true, null,
                List.of(new PetitionForm.Petitioner("覃建国", null, null, null)), headcount, accused, "征地补偿多年未到位。");
    }

    private Resolution resolution() {
        return service.history(id).orElseThrow().state().resolution();
    }

    /** A claim registered in 2019, concluded long ago in the files; here it is simply registered. */
    private void register(int headcount, List<PetitionForm.AccusedParty> accused) {
        applied(new ProcedureCommand.Register(id, key(), Org.clerk(), claim(headcount, accused), null));
    }

    private ResolutionCommand.AssignPackageLeader assign(OfficialId leader, UnitId leadUnit, String on) {
        return new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), leader, leadUnit, List.of(Org.LAND_STAFF),
                List.of(Org.HOUSING), d(on));
    }

    @Test
    void aBacklogCaseIsAssignedToALeaderOfSufficientRankWithLeadUnitTaskForceAndCoUnits() {
        register(1, null);
        applied(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-05-06")));
        assertThat(resolution().track()).isEqualTo(Resolution.TrackState.OPEN);
        assertThat(resolution().requiredRank()).isNull();

        applied(assign(Org.DISTRICT_DEPUTY, Org.LAND, "2026-05-08"));

        Resolution r = resolution();
        assertThat(r.track()).isEqualTo(Resolution.TrackState.IN_RESOLUTION);
        assertThat(r.activeAssignment()).hasValueSatisfying(a -> {
            assertThat(a.leader()).isEqualTo(Org.DISTRICT_DEPUTY);
            assertThat(a.leadUnit()).isEqualTo(Org.LAND);
            assertThat(a.taskForce()).containsExactly(Org.LAND_STAFF);
            assertThat(a.coUnits()).containsExactly(Org.HOUSING);
            assertThat(a.from()).isEqualTo(d("2026-05-08"));
        });
        assertThat(service.history(id).orElseThrow().state().stage()).isEqualTo(Stage.REGISTERED);
    }

    @Test
    void aProvinceBatchRaisesTheRequiredRankInTheSameCommitAndALowerLeaderIsRefused() {
        register(1, null);
        CommandResult.Applied enrolled = applied(new ResolutionCommand.EnrolInBatch(id, key(), Org.officeHead(),
                new Resolution.BatchId("gx-2026-3"), Resolution.IssuingLevel.PROVINCE, "第三批重复信访案件", d("2026-09-30"), d("2026-05-06")));

        assertThat(enrolled.events()).hasSize(2);
        assertThat(enrolled.events().get(1)).isInstanceOfSatisfying(ResolutionEvent.RequiredRankRaised.class, e -> {
            assertThat(e.rank()).isEqualTo(new RankLadder.RequiredRank("厅局级副职", false));
            assertThat(e.rules()).containsExactly("province-batch");
        });
        CommandResult.Rejected r = rejected(assign(Org.DISTRICT_HEAD, Org.LAND, "2026-05-08"), Rejection.Code.RANK_TOO_LOW);
        assertThat(r.rejection().stage()).contains(Stage.REGISTERED);
        assertThat(r.rejection().messageEnglish()).contains("厅局级副职").contains("track OPEN");
        assertThat(r.rejection().messageChinese()).contains("待包案");

        applied(assign(Org.CITY_DEPUTY, Org.LAND, "2026-05-08"));
        assertThat(resolution().activeAssignment().orElseThrow().leader()).isEqualTo(Org.CITY_DEPUTY);
    }

    @Test
    void hardCaseEscalationForcesTheCountyPrincipalLeaderWhenManyStandBehindThePetition() {
        register(60, null);
        CommandResult.Applied designated = applied(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(),
                Resolution.BacklogSource.OWN_SWEEP, d("2026-05-06")));
        assertThat(designated.events().get(1)).isInstanceOfSatisfying(ResolutionEvent.RequiredRankRaised.class,
                e -> assertThat(e.rank()).isEqualTo(new RankLadder.RequiredRank("县处级正职", true)));

        CommandResult.Applied flagged = applied(new ResolutionCommand.FlagHardCase(id, key(), Org.officeHead(), "多年反复上访", d("2026-05-07")));
        assertThat(flagged.events()).as("the hard-case rule asks for no more than is already required").hasSize(1);

        rejected(assign(Org.DISTRICT_EXECUTIVE, Org.LAND, "2026-05-08"), Rejection.Code.RANK_TOO_LOW);
        applied(assign(Org.DISTRICT_HEAD, Org.LAND, "2026-05-08"));
        assertThat(resolution().requiredRank()).isEqualTo(new RankLadder.RequiredRank("县处级正职", true));
        assertThat(resolution().requiredRankRules()).containsExactly("headcount-50");
    }

    @Test
    void aHardCaseFlagRaisesTheRankAboveTheActiveLeaderAndAReplacementAfterAPostChangeKeepsTheHistory() {
        register(1, null);
        applied(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-05-06")));
        applied(assign(Org.DISTRICT_DEPUTY, Org.LAND, "2026-05-08"));
        CommandResult.Applied flagged = applied(new ResolutionCommand.FlagHardCase(id, key(), Org.officeHead(), "钉子案", d("2026-05-20")));
        assertThat(flagged.events()).hasSize(3);
        assertThat(resolution().requiredRank()).isEqualTo(new RankLadder.RequiredRank("县处级正职", false));
        assertThat(flagged.events().get(2)).as("the deputy is below the raised rank: the replacement clock starts")
                .isInstanceOfSatisfying(ResolutionEvent.ReplacementClockStarted.class, e -> assertThat(e.round()).isEqualTo(1));

        rejected(new ResolutionCommand.ReplacePackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), Resolution.ReplacementReason.ESCALATION, d("2026-05-21")), Rejection.Code.RANK_TOO_LOW);
        CommandResult.Applied replaced = applied(new ResolutionCommand.ReplacePackageLeader(id, key(), Org.officeHead(),
                Org.DISTRICT_EXECUTIVE, Org.LAND, List.of(Org.LAND_STAFF), List.of(), Resolution.ReplacementReason.POST_CHANGE, d("2026-06-01")));

        assertThat(replaced.events()).hasSize(1);
        List<Resolution.Assignment> history = resolution().assignments();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).leader()).isEqualTo(Org.DISTRICT_DEPUTY);
        assertThat(history.get(0).to()).isEqualTo(d("2026-06-01"));
        assertThat(history.get(0).ended()).isEqualTo(Resolution.AssignmentEnd.POST_CHANGE);
        assertThat(history.get(1).leader()).isEqualTo(Org.DISTRICT_EXECUTIVE);
        assertThat(history.get(1).isActive()).isTrue();
    }

    @Test
    void aClaimIsReturnedThenApprovedByAnotherOfficialWhichEndsTheAssignmentAndAReboundReopensTheTrack() {
        register(1, null);
        applied(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-05-06")));
        applied(assign(Org.DISTRICT_DEPUTY, Org.LAND, "2026-05-08"));
        applied(new ResolutionCommand.RecordPlan(id, key(), Org.headOf(Org.LAND), List.of(new ResolutionCommand.PlanStepForm("核实补偿标准", d("2026-05-20")),
                new ResolutionCommand.PlanStepForm("兑现补偿款", d("2026-06-10"))), d("2026-05-09")));
        applied(new ResolutionCommand.RecordPlan(id, key(), Org.headOf(Org.LAND), List.of(new ResolutionCommand.PlanStepForm("核实补偿标准", d("2026-05-25"))),
                d("2026-05-10")));
        applied(new ResolutionCommand.MarkPlanStepDone(id, key(), Org.headOf(Org.LAND), 1, d("2026-05-24")));
        rejected(new ResolutionCommand.MarkPlanStepDone(id, key(), Org.headOf(Org.LAND), 1, d("2026-05-24")), Rejection.Code.ILLEGAL_TRANSITION);
        assertThat(resolution().plans()).hasSize(2);
        assertThat(resolution().plans().get(0).steps().get(0).doneOn()).isNull();
        assertThat(resolution().currentPlan().orElseThrow().steps().get(0).doneOn()).isEqualTo(d("2026-05-24"));

        ResolutionCommand.ClaimResolution claim = new ResolutionCommand.ClaimResolution(id, key(), Org.headOf(Org.LAND),
                Resolution.ResolutionKind.SUBSTANTIVE, "补偿款已足额发放，当事人签订息诉罢访协议。", d("2026-05-26"));
        applied(claim);
        applied(new ResolutionCommand.RejectResolution(id, key(), Org.officeHead(), "缺少签字材料", d("2026-05-27")));
        assertThat(resolution().track()).isEqualTo(Resolution.TrackState.IN_RESOLUTION);
        assertThat(resolution().returnedClaims()).isEqualTo(1);
        applied(new ResolutionCommand.ClaimResolution(id, key(), Org.headOf(Org.LAND), Resolution.ResolutionKind.SUBSTANTIVE, "补充签字材料。",
                d("2026-05-28")));

        CommandResult.Rejected same = rejected(new ResolutionCommand.ApproveResolution(id, key(), Org.headOf(Org.LAND), d("2026-05-29")),
                Rejection.Code.SAME_ACTOR);
        assertThat(same.rejection().messageEnglish()).contains("track CLAIMED");
        applied(new ResolutionCommand.ApproveResolution(id, key(), Org.officeHead(), d("2026-05-29")));
        Resolution r = resolution();
        assertThat(r.track()).isEqualTo(Resolution.TrackState.RESOLVED);
        assertThat(r.activeAssignment()).isEmpty();
        assertThat(r.assignments().get(0).ended()).isEqualTo(Resolution.AssignmentEnd.RESOLUTION_APPROVED);
        assertThat(r.claimKind()).isEqualTo(Resolution.ResolutionKind.SUBSTANTIVE);

        applied(new ResolutionCommand.ReportRebound(id, key(), Org.officeHead(), "回头看发现再次来访", d("2026-06-20")));
        assertThat(resolution().track()).isEqualTo(Resolution.TrackState.OPEN);
        assertThat(resolution().assignments()).hasSize(1);
        rejected(new ResolutionCommand.ClaimResolution(id, key(), Org.headOf(Org.LAND), Resolution.ResolutionKind.PROCEDURAL, "程序已穷尽",
                d("2026-06-21")), Rejection.Code.ILLEGAL_TRANSITION);
        applied(assign(Org.DISTRICT_DEPUTY, Org.LAND, "2026-06-22"));
        assertThat(resolution().assignments()).hasSize(2);
    }

    @Test
    void noAccusedUnitLeadsOrHelpsAndAnUnknownRankIsAValidationError() {
        register(1, List.of(PetitionForm.AccusedParty.unit(Org.HOUSING)));
        applied(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-05-06")));

        CommandResult.Rejected coUnit = rejected(assign(Org.DISTRICT_DEPUTY, Org.LAND, "2026-05-08"), Rejection.Code.ACCUSED_PARTY);
        assertThat(coUnit.rejection().messageEnglish()).contains("coUnits[0]");
        rejected(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                List.of(Org.HOUSING_STAFF), List.of(), d("2026-05-08")), Rejection.Code.ACCUSED_PARTY);
        rejected(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.HOUSING_HEAD, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), d("2026-05-08")), Rejection.Code.ACCUSED_PARTY);
        CommandResult.Rejected odd = rejected(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.ODD_RANK,
                Org.LAND, List.of(Org.LAND_STAFF), List.of(), d("2026-05-08")), Rejection.Code.VALIDATION);
        assertThat(odd.rejection().field()).contains("leader");
    }

    @Test
    void aWithdrawnCaseIsNotDesignatedAndACaseNotOnTheTrackGetsNoLeader() {
        register(1, null);
        rejected(assign(Org.DISTRICT_DEPUTY, Org.LAND, "2026-05-08"), Rejection.Code.ILLEGAL_TRANSITION);
        applied(new ProcedureCommand.Withdraw(id, key(), Org.clerk(), d("2026-05-01")));
        CommandResult.Rejected r = rejected(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP,
                d("2026-05-06")), Rejection.Code.ILLEGAL_TRANSITION);
        assertThat(r.rejection().stage()).contains(Stage.WITHDRAWN);
        assertThat(r.rejection().messageEnglish()).contains("not on the resolution track");
    }
}
