package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ActivityEvent;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.time.TimeLimits;
import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Obligations;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios of the rows that feed the resolution work (merge, repeat petitions, follow-up visits, supervision)
 * and of the duties whose due dates come from the case's facts (replacement, plan steps, batch targets,
 * supervision feedback), as DESIGN.md section 5 describes them.
 */
class ResolutionWorkScenarioTests extends ServiceScenario {
    private final CaseId id = new CaseId("XF-2021-0117");

    ResolutionWorkScenarioTests() {
        super("2026-06-01T02:00:00Z");
    }

    private static PetitionForm claim(List<PetitionForm.AccusedParty> accused) {
        return new PetitionForm(d("2021-04-12"), Channel.LETTER, Category.CLAIM, "拖欠工资", "450802", true, null,
                List.of(new PetitionForm.Petitioner("韦秀英", null, null, null)), 1, accused, "工程款拖欠多年。");
    }

    private CaseState state(CaseId caseId) {
        return service.history(caseId).orElseThrow().state();
    }

    private void register(CaseId caseId, List<PetitionForm.AccusedParty> accused) {
        register(caseId, accused, null);
    }

    private void register(CaseId caseId, List<PetitionForm.AccusedParty> accused, String profile) {
        applied(new ProcedureCommand.Register(caseId, key(), Org.clerk(), claim(accused), profile));
    }

    /** Registers the case, designates it a backlog case on 6 May 2026 and gives it the package leader, the land bureau leading. */
    private void registerAsBacklogLedBy(OfficialId leader) {
        register(id, null);
        applied(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-05-06")));
        applied(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), leader, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), d("2026-05-08")));
    }

    private CaseCommand repeat(String on, int headcount, CaseActivity.SkippedLevel skipped) {
        return new ActivityCommand.RecordRepeatPetition(id, key(), Org.clerk(), d(on), Channel.VISIT, headcount, skipped);
    }

    private TimeLimits.ObligationStatus duty(DutyId duty, Instant at) {
        return service.obligations(id, at).orElseThrow().stream().filter(s -> s.source().equals(duty)).findFirst().orElseThrow();
    }

    private java.util.Optional<Instant> dutyAttention() {
        CaseState s = state(id);
        // the duties alone: the case's profile clocks are not what this scenario watches
        Obligations duties = new Obligations(s.timing().obligations().runs().stream().filter(o -> o.source() instanceof DutyId).toList());
        return service.timeLimits().nextAttention(duties, s.profile(), s.petition().category(), s.petition().region());
    }

    /** Takes the case to CONCLUDED with its reply served. */
    private void conclude() {
        applied(new ProcedureCommand.Route(id, key(), Org.clerk(), Org.LABOUR, d("2021-04-13")));
        applied(new ProcedureCommand.Accept(id, key(), Org.staffOf(Org.LABOUR), d("2021-04-14")));
        applied(new ProcedureCommand.ProposeConclusion(id, key(), Org.staffOf(Org.LABOUR), Outcome.SUPPORTED, "支持。", d("2021-05-10")));
        applied(new ProcedureCommand.ApproveConclusion(id, key(), Org.headOf(Org.LABOUR), d("2021-05-11")));
    }

    @Test
    void threeRepeatPetitionsRaiseTheRankToTheCountyPrincipalStartTheReplacementClockAndTheSweepRecordsItsBreach() {
        registerAsBacklogLedBy(Org.DISTRICT_DEPUTY);

        assertThat(applied(repeat("2026-05-12", 2, CaseActivity.SkippedLevel.NONE)).events()).hasSize(1);
        assertThat(applied(repeat("2026-05-19", 1, CaseActivity.SkippedLevel.SKIPPED_LEVEL)).events()).hasSize(1);
        CommandResult.Applied third = applied(repeat("2026-05-26", 3, CaseActivity.SkippedLevel.NONE));

        assertThat(third.events()).hasSize(3);
        assertThat(third.events().get(1)).isInstanceOfSatisfying(ResolutionEvent.RequiredRankRaised.class, e -> {
            assertThat(e.rank()).isEqualTo(new RankLadder.RequiredRank("县处级正职", true));
            assertThat(e.rules()).containsExactly("repeat-3");
        });
        assertThat(third.events().get(2)).isInstanceOf(ResolutionEvent.ReplacementClockStarted.class);
        CaseActivity act = state(id).activity();
        assertThat(act.repeatPetitions()).hasSize(3);
        assertThat(act.repeatPersons()).isEqualTo(6);
        assertThat(act.farthestSkip()).isEqualTo(CaseActivity.SkippedLevel.SKIPPED_LEVEL);

        // Recorded 2026-06-01 (a Monday): five working days are 06-02 .. 06-08 (06-06/07 a weekend) -> due 2026-06-08.
        TimeLimits.ObligationStatus running = duty(DutyId.replacement(1), clock.instant());
        assertThat(running.dueOn()).isEqualTo(d("2026-06-08"));
        assertThat(running.state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        assertThat(dutyAttention()).as("its warning, two days before").hasValue(Instant.parse("2026-06-06T16:00:00Z"));

        clock.set(Instant.parse("2026-06-09T01:00:00Z"));
        DeadlineSweep sweep = DeadlineSweep.create(service, "node-1");
        DeadlineSweep.Report first = sweep.sweep(clock.instant());
        assertThat(first.breaches()).isGreaterThanOrEqualTo(1);
        assertThat(duty(DutyId.replacement(1), clock.instant())).satisfies(s -> {
            assertThat(s.state()).isEqualTo(TimeLimits.ClockState.OVERDUE);
            assertThat(s.breachRecorded()).isTrue();
        });
        assertThat(sweep.sweep(clock.instant()).breaches()).as("a second sweep records nothing again").isZero();

        rejected(new ResolutionCommand.ReplacePackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_EXECUTIVE, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), Resolution.ReplacementReason.ESCALATION, d("2026-06-09")), Rejection.Code.RANK_TOO_LOW);
        applied(new ResolutionCommand.ReplacePackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_HEAD, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), Resolution.ReplacementReason.ESCALATION, d("2026-06-09")));
        assertThat(duty(DutyId.replacement(1), clock.instant())).satisfies(s -> {
            assertThat(s.state()).isEqualTo(TimeLimits.ClockState.MET_LATE);
            assertThat(s.daysLate()).isEqualTo(1);
        });
    }

    @Test
    void aPetitionInBeijingOrFiftyPeopleRaiseTheRankButARiseTheLeaderMeetsStartsNoClock() {
        registerAsBacklogLedBy(Org.DISTRICT_HEAD);

        CommandResult.Applied beijing = applied(repeat("2026-05-12", 1, CaseActivity.SkippedLevel.TO_BEIJING));

        assertThat(beijing.events()).hasSize(2);
        assertThat(((ResolutionEvent.RequiredRankRaised) beijing.events().get(1)).rules()).containsExactly("beijing");
        assertThat(applied(repeat("2026-05-13", 60, CaseActivity.SkippedLevel.NONE)).events()).as("already implied").hasSize(1);
        assertThat(state(id).timing().obligations().count(DutyId.Kind.REPLACEMENT)).isZero();
    }

    @Test
    void aMergedCaseLinksToItsSurvivorOnceAndRefusesLaterRepeatPetitionsNamingIt() {
        CaseId survivor = new CaseId("XF-2021-0099");
        register(survivor, null);
        register(id, null);
        ActivityCommand.Merge merge = new ActivityCommand.Merge(id, key(), Org.officeHead(), survivor, "同一事项", d("2026-05-20"));

        CommandResult.Applied merged = applied(merge);
        CommandResult.Applied again = applied(merge);

        assertThat(again.replayed()).isTrue();
        assertThat(state(id).stage()).isEqualTo(Stage.MERGED);
        assertThat(state(id).activity().mergedInto()).isEqualTo(survivor);
        assertThat(state(survivor).activity().mergedCases()).as("recorded once, keyed by the merge event").containsExactly(id);
        assertThat(service.history(survivor).orElseThrow().events()).last().isInstanceOfSatisfying(ActivityEvent.MergedCaseRecorded.class,
                e -> assertThat(e.actor().toString()).contains(CaseService.MERGE_JOB));
        assertThat(merged.events()).hasSize(1);

        CommandResult.Rejected refused = rejected(repeat("2026-05-25", 1, CaseActivity.SkippedLevel.NONE), Rejection.Code.MERGED_INTO);
        assertThat(refused.rejection().messageEnglish()).contains(survivor.value());
        assertThat(refused.rejection().messageChinese()).contains(survivor.value());
    }

    @Test
    void aMergeIntoItselfAnUnknownOrAClosedCaseIsRefusedAndOnlyTheServiceRecordsLinks() {
        CaseId closed = new CaseId("XF-2021-0100");
        register(closed, null);
        applied(new ProcedureCommand.Withdraw(closed, key(), Org.clerk(), d("2021-04-20")));
        register(id, null);

        assertThat(rejected(new ActivityCommand.Merge(id, key(), Org.officeHead(), id, "同一事项", d("2026-05-20")),
                Rejection.Code.VALIDATION).rejection().field()).contains("into");
        assertThat(rejected(new ActivityCommand.Merge(id, key(), Org.officeHead(), new CaseId("XF-NONE"), "同一事项", d("2026-05-20")),
                Rejection.Code.VALIDATION).rejection().field()).contains("into");
        assertThat(rejected(new ActivityCommand.Merge(id, key(), Org.officeHead(), closed, "同一事项", d("2026-05-20")),
                Rejection.Code.VALIDATION).rejection().field()).contains("into");
        rejected(new ActivityCommand.RecordMergedCase(id, key(), Org.officeHead(), closed, d("2026-05-20")), Rejection.Code.NOT_AUTHORISED);
        assertThat(state(id).stage()).isEqualTo(Stage.REGISTERED);
    }

    @Test
    void repeatPetitionsOnATerminatedCaseAreRecordedAsNotAcceptedAgainAndFollowUpsComeAfterConclusion() {
        register(id, null, "shandong-2015");
        rejected(new ActivityCommand.RecordFollowUpVisit(id, key(), Org.clerk(), CaseActivity.Satisfaction.SATISFIED, d("2021-05-01")),
                Rejection.Code.ILLEGAL_TRANSITION);
        conclude();
        applied(new ActivityCommand.RecordFollowUpVisit(id, key(), Org.clerk(), CaseActivity.Satisfaction.BASICALLY_SATISFIED, d("2021-06-01")));
        rejected(new ActivityCommand.RecordFollowUpVisit(id, key(), Org.clerk(), CaseActivity.Satisfaction.SATISFIED, d("2021-05-10")),
                Rejection.Code.VALIDATION);
        ActivityEvent.RepeatPetitionRecorded accepted = (ActivityEvent.RepeatPetitionRecorded) applied(repeat("2021-07-01", 1,
                CaseActivity.SkippedLevel.NONE)).events().get(0);
        assertThat(accepted.acceptedAgain()).isTrue();
        rejected(repeat("2021-04-01", 1, CaseActivity.SkippedLevel.NONE), Rejection.Code.VALIDATION);

        applied(new ProcedureCommand.Terminate(id, key(), Org.officeHead(), "《山东省信访事项终结办法》", d("2021-08-01")));
        ActivityEvent.RepeatPetitionRecorded notAgain = (ActivityEvent.RepeatPetitionRecorded) applied(repeat("2021-09-01", 1,
                CaseActivity.SkippedLevel.NONE)).events().get(0);
        assertThat(notAgain.acceptedAgain()).isFalse();
        applied(new ActivityCommand.RecordFollowUpVisit(id, key(), Org.clerk(), CaseActivity.Satisfaction.DISSATISFIED, d("2021-09-02")));
        assertThat(state(id).stage()).isEqualTo(Stage.TERMINATED);
        assertThat(state(id).activity().followUps()).extracting(CaseActivity.FollowUp::satisfaction)
                .containsExactly(CaseActivity.Satisfaction.BASICALLY_SATISFIED, CaseActivity.Satisfaction.DISSATISFIED);
    }

    @Test
    void thePetitionersRatingOfTheHandlingComesAfterConclusionAndIsKeptInTheHistoryNotTheState() {
        register(id, null);
        rejected(new ActivityCommand.RateHandling(id, key(), Org.clerk(), CaseActivity.Satisfaction.SATISFIED, d("2021-05-01")),
                Rejection.Code.ILLEGAL_TRANSITION);
        conclude();
        CaseState before = state(id);
        ActivityEvent.HandlingRated rated = (ActivityEvent.HandlingRated) applied(new ActivityCommand.RateHandling(id, key(), Org.clerk(),
                CaseActivity.Satisfaction.BASICALLY_SATISFIED, d("2021-06-03"))).events().get(0);
        assertThat(rated.satisfaction()).isEqualTo(CaseActivity.Satisfaction.BASICALLY_SATISFIED);
        assertThat(rated.ratedOn()).isEqualTo(d("2021-06-03"));
        assertThat(rated.typeName()).isEqualTo("case.handling-rated");
        // a rating dated before the case's earlier facts is refused, naming the field
        assertThat(rejected(new ActivityCommand.RateHandling(id, key(), Org.clerk(), CaseActivity.Satisfaction.SATISFIED, d("2021-04-01")),
                Rejection.Code.VALIDATION).rejection().field()).contains("ratedOn");
        assertThat(state(id).activity()).isEqualTo(before.activity());
        assertThat(state(id).stage()).isEqualTo(Stage.CONCLUDED);
        assertThat(service.history(id).orElseThrow().events()).filteredOn(e -> e instanceof ActivityEvent.HandlingRated).hasSize(1);
    }

    @Test
    void supervisionOfAnAccusedUnitIsRefusedAndFeedbackMeetsTheDutyOnce() {
        register(id, List.of(PetitionForm.AccusedParty.unit(Org.HOUSING)));
        rejected(new ActivityCommand.IssueSupervision(id, key(), Org.officeHead(), CaseActivity.SupervisionKind.SUPERVISION, Org.HOUSING,
                d("2026-05-20"), d("2026-06-03")), Rejection.Code.ACCUSED_PARTY);
        CommandResult.Applied issued = applied(new ActivityCommand.IssueSupervision(id, key(), Org.officeHead(), CaseActivity.SupervisionKind.LISTED,
                Org.LABOUR, d("2026-05-20"), d("2026-06-02")));
        assertThat(((ActivityEvent.SupervisionIssued) issued.events().get(0)).number()).isEqualTo(1);
        assertThat(duty(DutyId.supervision(1), clock.instant()).state()).isEqualTo(TimeLimits.ClockState.DUE_SOON);

        rejected(new ActivityCommand.RecordSupervisionFeedback(id, key(), Org.headOf(Org.LABOUR), 2, "已处理", d("2026-05-28")),
                Rejection.Code.VALIDATION);
        rejected(new ActivityCommand.RecordSupervisionFeedback(id, key(), Org.headOf(Org.LABOUR), 1, "已处理", d("2026-05-19")),
                Rejection.Code.VALIDATION);
        applied(new ActivityCommand.RecordSupervisionFeedback(id, key(), Org.headOf(Org.LABOUR), 1, "已处理", d("2026-05-28")));
        rejected(new ActivityCommand.RecordSupervisionFeedback(id, key(), Org.headOf(Org.LABOUR), 1, "再次反馈", d("2026-05-29")),
                Rejection.Code.ILLEGAL_TRANSITION);
        assertThat(duty(DutyId.supervision(1), clock.instant()).state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(state(id).activity().supervision(1)).hasValueSatisfying(s -> assertThat(s.feedbackOn()).isEqualTo(d("2026-05-28")));
    }

    @Test
    void aWithdrawnCaseIsSupervisedOnlyWhileOnTheResolutionTrack() {
        register(id, null);
        applied(new ResolutionCommand.EnrolInBatch(id, key(), Org.officeHead(), new Resolution.BatchId("gg-2026-1"), Resolution.IssuingLevel.CITY, "第一批",
                d("2026-09-30"), d("2026-05-06")));
        applied(new ProcedureCommand.Withdraw(id, key(), Org.clerk(), d("2026-05-10")));
        applied(new ActivityCommand.IssueSupervision(id, key(), Org.officeHead(), CaseActivity.SupervisionKind.REMINDER, Org.LABOUR,
                d("2026-05-20"), d("2026-06-03")));

        CaseId other = new CaseId("XF-2021-0200");
        register(other, null);
        applied(new ProcedureCommand.Withdraw(other, key(), Org.clerk(), d("2026-05-10")));
        rejected(new ActivityCommand.IssueSupervision(other, key(), Org.officeHead(), CaseActivity.SupervisionKind.REMINDER, Org.LABOUR,
                d("2026-05-20"), d("2026-06-03")), Rejection.Code.ILLEGAL_TRANSITION);
    }

    @Test
    void planStepsAndBatchTargetsAreDutiesThatAnApprovalByTheRightLevelSettles() {
        register(id, null);
        Resolution.BatchId batch = new Resolution.BatchId("gg-2026-2");
        applied(new ResolutionCommand.EnrolInBatch(id, key(), Org.officeHead(), batch, Resolution.IssuingLevel.CITY, "第二批交办积案",
                d("2026-06-30"), d("2026-05-06")));
        applied(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), d("2026-05-08")));
        applied(new ResolutionCommand.RecordPlan(id, key(), Org.headOf(Org.LAND), List.of(new ResolutionCommand.PlanStepForm("约谈信访人", d("2026-05-15")),
                new ResolutionCommand.PlanStepForm("落实补偿", d("2026-06-20"))), d("2026-05-09")));
        applied(new ResolutionCommand.RecordPlan(id, key(), Org.headOf(Org.LAND), List.of(new ResolutionCommand.PlanStepForm("约谈信访人", d("2026-05-20")),
                new ResolutionCommand.PlanStepForm("落实补偿", d("2026-06-25"))), d("2026-05-10")));
        applied(new ResolutionCommand.MarkPlanStepDone(id, key(), Org.headOf(Org.LAND), 1, d("2026-05-18")));
        Instant now = clock.instant();

        assertThat(duty(DutyId.planStep(1, 1), now).state()).as("superseded").isEqualTo(TimeLimits.ClockState.STOPPED);
        assertThat(duty(DutyId.planStep(2, 1), now).state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(duty(DutyId.planStep(2, 2), now).dueOn()).isEqualTo(d("2026-06-25"));
        assertThat(duty(DutyId.batchTarget("gg-2026-2"), now).dueOn()).isEqualTo(d("2026-06-30"));

        applied(new ResolutionCommand.ClaimResolution(id, key(), Org.headOf(Org.LAND), Resolution.ResolutionKind.SUBSTANTIVE, "补偿已到位", d("2026-05-28")));
        rejected(new ResolutionCommand.ApproveResolution(id, key(), Org.headOf(Org.HOUSING), d("2026-05-29")), Rejection.Code.NOT_AUTHORISED);
        rejected(new ResolutionCommand.ApproveResolution(id, key(), Org.headOf(Org.LAND), d("2026-05-29")), Rejection.Code.SAME_ACTOR);
        applied(new ResolutionCommand.ApproveResolution(id, key(), CITY_DEPUTY, d("2026-05-29")));

        assertThat(duty(DutyId.planStep(2, 2), now).state()).isEqualTo(TimeLimits.ClockState.STOPPED);
        assertThat(duty(DutyId.batchTarget("gg-2026-2"), now).state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(dutyAttention()).as("no duty left to watch").isEmpty();
    }

    /** 副市长 of 贵港市人民政府: a city-level unit may approve a city batch. */
    private static final Actor CITY_DEPUTY = Actor.official(Org.CITY_DEPUTY, Org.CITY);

    @Test
    void aCaseInNoBatchIsApprovedByThePetitionOfficeOnly() {
        registerAsBacklogLedBy(Org.DISTRICT_DEPUTY);
        applied(new ResolutionCommand.ClaimResolution(id, key(), Org.headOf(Org.LAND), Resolution.ResolutionKind.PROCEDURAL, "程序已穷尽", d("2026-05-28")));
        rejected(new ResolutionCommand.ApproveResolution(id, key(), CITY_DEPUTY, d("2026-05-29")), Rejection.Code.NOT_AUTHORISED);
        applied(new ResolutionCommand.ApproveResolution(id, key(), Org.officeHead(), d("2026-05-29")));
    }

    @Test
    void aPortalChoosesItsOwnLadderPolicyAndApprovalRule() {
        io.github.xinfang.cases.EscalationPolicy.RankLadder ladder = io.github.xinfang.cases.EscalationPolicy.RankLadder.civilService();
        CaseService strict = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock)
                .rankLadder(ladder)
                .escalationPolicy(io.github.xinfang.cases.EscalationPolicy.of(List.of(io.github.xinfang.cases.EscalationPolicy.Rule
                        .repeatPetitionsAtLeast("repeat-1", 1, new RankLadder.RequiredRank("厅局级副职", false)))))
                .approvalRule((unit, level) -> false)
                .build();
        strict.handle(new ProcedureCommand.Register(id, key(), Org.clerk(), claim(null), null));
        strict.handle(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-05-06")));
        CommandResult r = strict.handle(repeat("2026-05-12", 1, CaseActivity.SkippedLevel.NONE));
        assertThat(((CommandResult.Applied) r).events()).last().isInstanceOfSatisfying(ResolutionEvent.RequiredRankRaised.class,
                e -> assertThat(e.rules()).containsExactly("repeat-1"));
        OfficialId deputy = Org.DISTRICT_HEAD;
        assertThat(strict.handle(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), deputy, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), d("2026-05-13")))).isInstanceOfSatisfying(CommandResult.Rejected.class,
                x -> assertThat(x.rejection().code()).isEqualTo(Rejection.Code.RANK_TOO_LOW));
        strict.handle(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.CITY_DEPUTY, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), d("2026-05-13")));
        strict.handle(new ResolutionCommand.ClaimResolution(id, key(), Org.headOf(Org.LAND), Resolution.ResolutionKind.PROCEDURAL, "程序已穷尽", d("2026-05-28")));
        assertThat(strict.handle(new ResolutionCommand.ApproveResolution(id, key(), Org.officeHead(), d("2026-05-29"))))
                .isInstanceOfSatisfying(CommandResult.Rejected.class,
                        x -> assertThat(x.rejection().code()).isEqualTo(Rejection.Code.NOT_AUTHORISED));
    }

    @Test
    void aDaysOverdueRuleFiresWithoutAnEventWhenTheSweepFindsTheThresholdCrossed() {
        io.github.xinfang.cases.EscalationPolicy policy = io.github.xinfang.cases.EscalationPolicy.of(List.of(
                io.github.xinfang.cases.EscalationPolicy.Rule.daysOverdueAtLeast("overdue-30", 30, new RankLadder.RequiredRank("县处级正职", false))));
        CaseService timed = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).escalationPolicy(policy).build();
        PetitionForm recent = new PetitionForm(d("2026-06-01"), Channel.LETTER, Category.CLAIM, "拖欠工资", "450802", true, null,
                List.of(new PetitionForm.Petitioner("韦秀英", null, null, null)), 1, null, "工程款拖欠多年。");
        timed.handle(new ProcedureCommand.Register(id, key(), Org.clerk(), recent, null));
        timed.handle(new ResolutionCommand.DesignateBacklog(id, key(), Org.officeHead(), Resolution.BacklogSource.OWN_SWEEP, d("2026-06-01")));
        timed.handle(new ResolutionCommand.AssignPackageLeader(id, key(), Org.officeHead(), Org.DISTRICT_DEPUTY, Org.LAND,
                List.of(Org.LAND_STAFF), List.of(), d("2026-06-01")));
        LocalDate routingDue = timed.obligations(id, clock.instant()).orElseThrow().get(0).dueOn();
        Instant threshold = routingDue.plusDays(30).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(timed.escalationCheck(id)).hasValue(threshold);

        DeadlineSweep sweep = DeadlineSweep.create(timed, "node-1");
        clock.set(threshold.minusSeconds(3600));
        assertThat(sweep.sweep(clock.instant()).escalations()).as("29 days overdue: not yet").isZero();
        assertThat(timed.history(id).orElseThrow().state().resolution().requiredRank()).isNull();

        clock.set(threshold);
        DeadlineSweep.Report crossed = sweep.sweep(clock.instant());
        assertThat(crossed.escalations()).isEqualTo(1);
        List<CaseEvent> events = timed.history(id).orElseThrow().events();
        assertThat(events.get(events.size() - 2)).isInstanceOfSatisfying(ResolutionEvent.RequiredRankRaised.class,
                e -> assertThat(e.rules()).containsExactly("overdue-30"));
        assertThat(events.get(events.size() - 1)).as("the deputy is below it now").isInstanceOf(ResolutionEvent.ReplacementClockStarted.class);
        assertThat(timed.escalationCheck(id)).as("the rule's requirement is met: nothing left to check").isEmpty();
        assertThat(sweep.sweep(clock.instant()).escalations()).isZero();
        assertThat(timed.handle(new ResolutionCommand.ReassessEscalation(id, key(), Actor.system("deadline-sweep"))))
                .isInstanceOfSatisfying(CommandResult.Rejected.class,
                        r -> assertThat(r.rejection().code()).isEqualTo(Rejection.Code.ILLEGAL_TRANSITION));
        assertThat(timed.handle(new ResolutionCommand.ReassessEscalation(id, key(), Org.officeHead())))
                .isInstanceOfSatisfying(CommandResult.Rejected.class,
                        r -> assertThat(r.rejection().code()).isEqualTo(Rejection.Code.NOT_AUTHORISED));
    }
}
