package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.SweepCommand;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseDecider;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.ActivityEvent;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Procedure.DeclineReason;
import io.github.xinfang.cases.EventId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.LegalChannel;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.cases.LifecycleTable;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionTable;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.cases.Procedure.ContactKind;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.Obligations;
import io.github.xinfang.time.Obligation;
import io.github.xinfang.time.TimeLimits;
import io.github.xinfang.testing.CapturedLogs;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.testsupport.ForwardingStore;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Properties for DESIGN.md section 3, invariants 1, 2, 3, 5, 7, 8 and 9. */
class CaseInvariantProperties {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");
    static final TimeLimits LIMITS = TimeLimits.standard();

    // ---- invariant 1: the state is a pure function of the history ----

    /** The other cases a decision may look at (the case a merge goes into): every one exists and is open. */
    private static final java.util.function.Function<CaseId, Optional<Stage>> OTHER_CASES_OPEN = id -> Optional.of(Stage.IN_HANDLING);

    @Test
    void inv1_replayingTheHistoryGivesTheSameState() {
        qt().forAll(lists().of(LifecycleModelProperties.steps()).ofSizeBetween(1, 50)).checkAssert(steps -> {
            LifecycleModelProperties.World w = new LifecycleModelProperties.World();
            for (int i = 0; i < steps.size(); i++) w.step(steps.get(i), i);
            for (int i = 0; i < LifecycleModelProperties.CASES; i++) {
                Optional<CaseHistory> h = w.service.history(LifecycleModelProperties.World.caseId(i));
                h.ifPresent(history -> assertThat(CaseState.replay(history.events())).isEqualTo(history.state()));
            }
        });
    }

    // ---- invariant 2: a rejected command changes nothing ----

    @Test
    void inv2_aRejectedCommandChangesNothing() {
        qt().forAll(lists().of(LifecycleModelProperties.steps()).ofSizeBetween(1, 50)).checkAssert(steps -> {
            LifecycleModelProperties.World w = new LifecycleModelProperties.World();
            for (int i = 0; i < steps.size(); i++) {
                List<Optional<StoredCase>> before = new ArrayList<>();
                List<Optional<IndexRow>> rowsBefore = new ArrayList<>();
                for (int c = 0; c < LifecycleModelProperties.CASES; c++) {
                    before.add(w.store.load(LifecycleModelProperties.World.caseId(c).value()));
                    rowsBefore.add(w.store.indexRow(LifecycleModelProperties.World.caseId(c).value()));
                }
                CommandResult r = w.step(steps.get(i), i);
                if (!r.isApplied() || ((CommandResult.Applied) r).replayed()) {
                    for (int c = 0; c < LifecycleModelProperties.CASES; c++) {
                        String id = LifecycleModelProperties.World.caseId(c).value();
                        assertThat(w.store.load(id)).as("case %d after step %d", c, i).isEqualTo(before.get(c));
                        assertThat(w.store.indexRow(id)).isEqualTo(rowsBefore.get(c));
                    }
                }
            }
        });
    }

    // ---- invariant 3: closed and terminal stages refuse what the table refuses ----

    /** One valid-looking command of every type in force, for a case in any stage. */
    static List<CaseCommand> oneOfEach(CaseId id, LocalDate on) {
        Actor a = Org.headOf(Org.HOUSING);
        IdempotencyKey k = new IdempotencyKey("k");
        return List.of(
                new ProcedureCommand.Register(id, k, Org.clerk(), claim(on), null),
                new ProcedureCommand.Route(id, k, Org.clerk(), Org.LABOUR, on),
                new ProcedureCommand.RaiseObjection(id, k, a, "理由", on),
                new ProcedureCommand.TransferOut(id, k, a, "市公安局", on),
                new ProcedureCommand.Redirect(id, k, a, LegalChannel.ARBITRATION, on),
                new ProcedureCommand.Decline(id, k, a, DeclineReason.OTHER, on),
                new ProcedureCommand.InformPetitioner(id, k, a, on),
                new ProcedureCommand.Accept(id, k, a, on),
                new ProcedureCommand.Extend(id, k, a, 10, "理由", on, on),
                new ProcedureCommand.ProposeConclusion(id, k, Org.staffOf(Org.HOUSING), Outcome.SUPPORTED, "答复", on),
                new ProcedureCommand.ApproveConclusion(id, k, a, on),
                new ProcedureCommand.ReturnForRework(id, k, a, "理由"),
                new ProcedureCommand.ServeReply(id, k, a, on),
                new ProcedureCommand.RequestReview(id, k, a, on),
                new ProcedureCommand.ConcludeReview(id, k, a, "意见", on),
                new ProcedureCommand.ServeReviewOpinion(id, k, a, on),
                new ProcedureCommand.RequestReReview(id, k, a, on),
                new ProcedureCommand.ConcludeReReview(id, k, a, "意见", on),
                new ProcedureCommand.Reopen(id, k, a, "理由", on),
                new ProcedureCommand.Withdraw(id, k, a, on),
                new ProcedureCommand.Import(id, k, Org.clerk(), claim(on), null, Stage.REGISTERED, null, List.of()),
                new ProcedureCommand.RecordContact(id, k, a, ContactKind.PHONE, on),
                new ProcedureCommand.GiveStageReply(id, k, a, "进展", on),
                new ProcedureCommand.OpenHearing(id, k, a, on),
                new ProcedureCommand.CloseHearing(id, k, a, on),
                new ProcedureCommand.CorrectPetition(id, k, a, claim(on.minusDays(30)), "更正"),
                new ProcedureCommand.ChangeProfile(id, k, a, "zhejiang-2016", "适用浙江规定"),
                new ProcedureCommand.Terminate(id, k, a, "依据", on),
                new SweepCommand.RecordWarning(id, k, Actor.system("deadline-sweep"), ClockId.HANDLING, 1, Instant.parse("2026-06-01T00:00:00Z")),
                new SweepCommand.RecordBreach(id, k, Actor.system("deadline-sweep"), ClockId.HANDLING, 1, Instant.parse("2026-06-01T00:00:00Z")),
                new SweepCommand.RecordLapse(id, k, Actor.system("deadline-sweep"), ClockId.REVIEW_REQUEST, 1, Instant.parse("2026-06-01T00:00:00Z")),
                new ResolutionCommand.DesignateBacklog(id, k, a, Resolution.BacklogSource.OWN_SWEEP, on),
                new ResolutionCommand.EnrolInBatch(id, k, a, new Resolution.BatchId("city-2026-3"), Resolution.IssuingLevel.CITY, "第三批重复信访案件", on.plusDays(90), on),
                new ResolutionCommand.FlagHardCase(id, k, a, "多年未化解", on),
                new ResolutionCommand.AssignPackageLeader(id, k, a, Org.DISTRICT_HEAD, Org.LABOUR, List.of(Org.LABOUR_STAFF), List.of(), on),
                new ResolutionCommand.ReplacePackageLeader(id, k, a, Org.DISTRICT_HEAD, Org.LABOUR, List.of(Org.LABOUR_STAFF), List.of(),
                        Resolution.ReplacementReason.POST_CHANGE, on),
                new ResolutionCommand.RecordPlan(id, k, a, List.of(new ResolutionCommand.PlanStepForm("约谈", on.plusDays(10))), on),
                new ResolutionCommand.MarkPlanStepDone(id, k, a, 1, on),
                new ResolutionCommand.ClaimResolution(id, k, a, Resolution.ResolutionKind.SUBSTANTIVE, "已兑现", on),
                new ResolutionCommand.ApproveResolution(id, k, Org.officeHead(), on),
                new ResolutionCommand.RejectResolution(id, k, Org.officeHead(), "证据不足", on),
                new ResolutionCommand.ReportRebound(id, k, a, "再次来访", on),
                new ActivityCommand.Merge(id, k, a, new CaseId("T-SURVIVOR"), "同一事项", on),
                new ActivityCommand.RecordMergedCase(id, k, Actor.system(CaseService.MERGE_JOB), new CaseId("T-MERGED"), on),
                new ActivityCommand.RecordRepeatPetition(id, k, Org.clerk(), on, Channel.VISIT, 2, CaseActivity.SkippedLevel.SKIPPED_LEVEL),
                new ActivityCommand.RecordFollowUpVisit(id, k, Org.clerk(), CaseActivity.Satisfaction.SATISFIED, on),
                new ActivityCommand.RateHandling(id, k, Org.clerk(), CaseActivity.Satisfaction.BASICALLY_SATISFIED, on),
                new ActivityCommand.IssueSupervision(id, k, Org.officeHead(), CaseActivity.SupervisionKind.SUPERVISION, Org.LABOUR, on, on.plusDays(15)),
                new ActivityCommand.RecordSupervisionFeedback(id, k, a, 1, "已办理", on),
                new SweepCommand.RecordWarning(id, k, Actor.system("deadline-sweep"), DutyId.supervision(1), 1,
                        Instant.parse("2026-06-01T00:00:00Z")),
                new SweepCommand.RecordBreach(id, k, Actor.system("deadline-sweep"), DutyId.supervision(1), 1,
                        Instant.parse("2026-06-01T00:00:00Z")),
                new ResolutionCommand.ReassessEscalation(id, k, Actor.system("deadline-sweep")),
                new ActivityCommand.CorrectSubjectTags(id, k, Org.clerk(), List.of("estate:金港华府")));
    }

    @Test
    void oneOfEachHoldsEveryCommandType() {
        Set<Class<?>> types = new java.util.HashSet<>();
        for (CaseCommand c : oneOfEach(new CaseId("T-0"), DAY)) types.add(c.getClass());
        assertThat(types).containsExactlyInAnyOrder(io.github.xinfang.testing.Sealed.leaves(CaseCommand.class));
    }

    static PetitionForm claim(LocalDate on) {
        return new PetitionForm(on, Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                List.of(new PetitionForm.Petitioner("覃某", null, null, null)), null, null, "内容");
    }

    /**
     * A state in any stage, replayed from a history that reaches it: registered, routed to the housing unit, accepted,
     * proposed and approved with the reply served, reviewed with the opinion served, re-reviewed, all on {@code DAY};
     * the terminal stages leave from the first stage their row allows (TERMINATED from FINAL).
     */
    static CaseState stateIn(Stage stage, CaseId id) {
        CaseDecider decider = CaseDecider.create(LIMITS, Org.DIRECTORY);
        Instant at = Instant.parse("2026-03-02T02:00:00Z");
        CaseDecider.Decision d = decider.decide(null, new ProcedureCommand.Register(id, new IdempotencyKey("r"), Org.clerk(), claim(DAY), null), at);
        List<CaseEvent> history = new ArrayList<>(((CaseDecider.Decision.Accepted) d).events());
        Actor clerk = Org.clerk();
        Actor staff = Org.staffOf(Org.HOUSING);
        Actor head = Org.headOf(Org.HOUSING);
        FreeText text = new FreeText("经核查");
        List<java.util.function.Function<EventId, CaseEvent>> path = new ArrayList<>();
        switch (stage) {
            case TRANSFERRED_OUT: path.add(e -> new ProcedureEvent.TransferredOut(e, clerk, at, "某市中级人民法院", DAY)); break;
            case REDIRECTED: path.add(e -> new ProcedureEvent.Redirected(e, clerk, at, LegalChannel.LITIGATION, DAY)); break;
            case DECLINED: path.add(e -> new ProcedureEvent.Declined(e, clerk, at, DeclineReason.NOT_A_PETITION_MATTER, DAY)); break;
            case MERGED: path.add(e -> new ActivityEvent.Merged(e, clerk, at, new CaseId("T-SURVIVOR"), text, DAY)); break;
            case REGISTERED: break;
            default:
                List<Stage> procedure = List.of(Stage.ROUTED, Stage.IN_HANDLING, Stage.PENDING_APPROVAL, Stage.CONCLUDED,
                        Stage.UNDER_REVIEW, Stage.REVIEWED, Stage.UNDER_RE_REVIEW, Stage.FINAL);
                Stage last = stage == Stage.WITHDRAWN ? Stage.IN_HANDLING : stage == Stage.TERMINATED ? Stage.FINAL : stage;
                for (Stage next : procedure.subList(0, procedure.indexOf(last) + 1)) {
                    switch (next) {
                        case ROUTED: path.add(e -> new ProcedureEvent.Routed(e, clerk, at, Org.HOUSING, DAY)); break;
                        case IN_HANDLING: path.add(e -> new ProcedureEvent.Accepted(e, staff, at, DAY)); break;
                        case PENDING_APPROVAL:
                            path.add(e -> new ProcedureEvent.ConclusionProposed(e, staff, at, Outcome.SUPPORTED, text, DAY));
                            break;
                        case CONCLUDED:
                            path.add(e -> new ProcedureEvent.ConclusionApproved(e, head, at, DAY));
                            path.add(e -> new ProcedureEvent.ReplyServed(e, staff, at, DAY));
                            break;
                        case UNDER_REVIEW: path.add(e -> new ProcedureEvent.ReviewRequested(e, clerk, at, DAY)); break;
                        case REVIEWED:
                            path.add(e -> new ProcedureEvent.ReviewConcluded(e, clerk, at, text, DAY));
                            path.add(e -> new ProcedureEvent.ReviewOpinionServed(e, clerk, at, DAY));
                            break;
                        case UNDER_RE_REVIEW: path.add(e -> new ProcedureEvent.ReReviewRequested(e, clerk, at, DAY)); break;
                        default: path.add(e -> new ProcedureEvent.ReReviewConcluded(e, clerk, at, text, DAY)); break;
                    }
                }
                if (stage == Stage.WITHDRAWN) path.add(e -> new ProcedureEvent.Withdrawn(e, clerk, at, DAY));
                if (stage == Stage.TERMINATED) path.add(e -> new ProcedureEvent.Terminated(e, clerk, at, text, DAY));
        }
        for (var event : path) history.add(event.apply(new EventId(id, history.size() + 1)));
        CaseState s = CaseState.replay(history);
        assertThat(s.stage()).isEqualTo(stage);
        return s;
    }

    @Test
    void inv3_closedAndTerminalStagesRefuseWhatTheTableRefuses() {
        List<Stage> notOpen = new ArrayList<>();
        for (Stage s : Stage.values()) if (s.kind() != Stage.Kind.OPEN) notOpen.add(s);
        CaseDecider decider = CaseDecider.create(LIMITS, Org.DIRECTORY);
        // DESIGN.md section 5: FINAL accepts terminate, repeat petitions, follow-up visits and supervision feedback; terminal
        // stages repeat petitions (not MERGED), follow-up visits (TERMINATED) and feedback; the sweep's records apply
        // anywhere; supervision is allowed by the table everywhere and refused off the track by its SUPERVISABLE guard; subject
        // tags may be corrected anywhere.
        Set<Class<?>> sweepOnly = Set.of(SweepCommand.RecordWarning.class, SweepCommand.RecordBreach.class, SweepCommand.RecordLapse.class,
                ActivityCommand.RecordSupervisionFeedback.class,
                ActivityCommand.IssueSupervision.class, ActivityCommand.CorrectSubjectTags.class);
        int procedureCommands = (int) oneOfEach(new CaseId("T-1"), DAY).stream()
                .filter(c -> ResolutionTable.resolution().row(c.getClass()).isEmpty()).count();
        qt().forAll(integers().between(0, notOpen.size() - 1), integers().between(0, procedureCommands - 1), integers().between(0, 60))
                .checkAssert((stageIndex, commandIndex, days) -> {
                    CaseId id = new CaseId("T-1");
                    Stage stage = notOpen.get(stageIndex);
                    CaseCommand c = oneOfEach(id, DAY.plusDays(days)).stream()
                            .filter(x -> ResolutionTable.resolution().row(x.getClass()).isEmpty()).toList().get(commandIndex);
                    boolean allowed = LifecycleTable.procedure().allows(stage, c.getClass());
                    boolean listed = sweepOnly.contains(c.getClass())
                            || (stage == Stage.FINAL && c instanceof ProcedureCommand.Terminate)
                            || (stage != Stage.MERGED && c instanceof ActivityCommand.RecordRepeatPetition)
                            || ((stage == Stage.FINAL || stage == Stage.TERMINATED)
                                    && (c instanceof ActivityCommand.RecordFollowUpVisit || c instanceof ActivityCommand.RateHandling));
                    assertThat(allowed).as("%s from %s", c, stage).isEqualTo(listed);
                    CaseDecider.Decision d = decider.decide(stateIn(stage, id), c, Instant.parse("2026-06-01T02:00:00Z"), OTHER_CASES_OPEN);
                    if (allowed && !(c instanceof ProcedureCommand.Terminate)) return; // decided by the row's guards, tested elsewhere
                    assertThat(d).isInstanceOf(CaseDecider.Decision.Rejected.class);
                    Rejection r = ((CaseDecider.Decision.Rejected) d).rejection();
                    Rejection.Code expected = c instanceof ProcedureCommand.Register || c instanceof ProcedureCommand.Import
                            ? Rejection.Code.CASE_EXISTS
                            : c instanceof ProcedureCommand.Terminate && allowed ? Rejection.Code.NOT_PROVIDED_BY_PROFILE
                            : stage == Stage.MERGED && c instanceof ActivityCommand.RecordRepeatPetition ? Rejection.Code.MERGED_INTO
                            : Rejection.Code.ILLEGAL_TRANSITION;
                    assertThat(r.code()).isEqualTo(expected);
                    assertThat(r.stage()).contains(stage);
                });
    }

    @Test
    void inv3_resolutionCommandsFollowTheResolutionTableInEveryStage() {
        CaseDecider decider = CaseDecider.create(LIMITS, Org.DIRECTORY);
        for (Stage stage : Stage.values()) {
            for (CaseCommand c : oneOfEach(new CaseId("T-3"), DAY)) {
                if (ResolutionTable.resolution().row(c.getClass()).isEmpty()) continue;
                CaseDecider.Decision d = decider.decide(stateIn(stage, new CaseId("T-3")), c, Instant.parse("2026-06-01T02:00:00Z"), OTHER_CASES_OPEN);
                boolean allowed = ResolutionTable.resolution().allows(stage, null, c.getClass());
                assertThat(d instanceof CaseDecider.Decision.Accepted).as("%s in %s", c.getClass().getSimpleName(), stage).isEqualTo(allowed);
                if (d instanceof CaseDecider.Decision.Rejected r) {
                    assertThat(r.rejection().code()).isEqualTo(Rejection.Code.ILLEGAL_TRANSITION);
                    assertThat(r.rejection().stage()).contains(stage);
                    assertThat(r.rejection().messageEnglish()).contains("not on the resolution track");
                }
            }
        }
    }

    /** Replaying the events of any accepted row lands on the row's target: its stage, or its track state. */
    @Test
    void everyAcceptedRowLandsOnItsTarget() {
        CaseDecider decider = CaseDecider.create(LIMITS, Org.DIRECTORY);
        int accepted = 0;
        for (Stage stage : Stage.values()) {
            for (CaseCommand c : oneOfEach(new CaseId("T-4"), DAY.plusDays(1))) {
                CaseState before = stateIn(stage, new CaseId("T-4"));
                CaseDecider.Decision d = decider.decide(before, c, Instant.parse("2026-06-01T02:00:00Z"), OTHER_CASES_OPEN);
                if (!(d instanceof CaseDecider.Decision.Accepted a)) continue;
                accepted++;
                CaseState after = before;
                for (io.github.xinfang.cases.CaseEvent e : a.events()) after = CaseState.evolve(after, e);
                Optional<LifecycleTable.Row> row = LifecycleTable.procedure().row(c.getClass());
                if (row.isPresent()) {
                    Stage target = row.get().to() == null ? stage : row.get().to();
                    assertThat(after.stage()).as("%s from %s", c.getClass().getSimpleName(), stage).isEqualTo(target);
                } else {
                    ResolutionTable.Row r = ResolutionTable.resolution().row(c.getClass()).orElseThrow();
                    assertThat(after.resolution() == null ? null : after.resolution().track())
                            .as("%s from %s", c.getClass().getSimpleName(), stage).isEqualTo(r.next(null));
                }
            }
        }
        assertThat(accepted).as("accepted rows").isGreaterThan(20);
    }

    @Test
    void openStagesAllowExactlyTheTablesRows() {
        CaseDecider decider = CaseDecider.create(LIMITS, Org.DIRECTORY);
        for (Stage stage : Stage.values()) {
            for (CaseCommand c : oneOfEach(new CaseId("T-2"), DAY.plusDays(1))) {
                if (c instanceof ProcedureCommand.Register || c instanceof ProcedureCommand.Import) continue;
                if (ResolutionTable.resolution().row(c.getClass()).isPresent()) continue;
                CaseDecider.Decision d = decider.decide(stateIn(stage, new CaseId("T-2")), c, Instant.parse("2026-06-01T02:00:00Z"), OTHER_CASES_OPEN);
                boolean illegal = d instanceof CaseDecider.Decision.Rejected r && (r.rejection().code() == Rejection.Code.ILLEGAL_TRANSITION
                        && r.rejection().messageEnglish().contains(" from " + stage)
                        || stage == Stage.MERGED && c instanceof ActivityCommand.RecordRepeatPetition
                        && r.rejection().code() == Rejection.Code.MERGED_INTO);
                assertThat(illegal).as("%s from %s", c.getClass().getSimpleName(), stage)
                        .isEqualTo(!LifecycleTable.procedure().allows(stage, c.getClass()));
            }
        }
    }

    // ---- invariant 5: no command reaches an accused party ----

    record Accusation(int unitMask, int officialMask) {}

    static final List<OfficialId> OFFICIALS = List.of(Org.OFFICE_CLERK, Org.OFFICE_HEAD, Org.HOUSING_STAFF, Org.HOUSING_HEAD,
            Org.LABOUR_STAFF, Org.LABOUR_HEAD, Org.LAND_STAFF, Org.LAND_HEAD);

    @Test
    void inv5_noCommandReachesAnAccusedParty() {
        Gen<Accusation> accusations = integers().between(0, 15).zip(integers().between(0, 255), Accusation::new);
        qt().forAll(accusations, integers().between(0, 3), integers().between(0, 7), integers().between(0, 7))
                .checkAssert((acc, routeTo, registrar, acceptor) -> {
                    List<PetitionForm.AccusedParty> accused = new ArrayList<>();
                    Set<UnitId> accusedUnits = new HashSet<>();
                    Set<OfficialId> accusedOfficials = new HashSet<>();
                    for (int i = 0; i < 4; i++) {
                        if ((acc.unitMask() & (1 << i)) != 0) {
                            accused.add(PetitionForm.AccusedParty.unit(Org.UNITS.get(i)));
                            accusedUnits.add(Org.UNITS.get(i));
                        }
                    }
                    for (int i = 0; i < 8; i++) {
                        if ((acc.officialMask() & (1 << i)) != 0) {
                            accused.add(PetitionForm.AccusedParty.official(OFFICIALS.get(i)));
                            accusedOfficials.add(OFFICIALS.get(i));
                            accusedUnits.add(Org.DIRECTORY.official(OFFICIALS.get(i)).orElseThrow().unit());
                        }
                    }
                    TestClock clock = TestClock.at("2026-03-03T02:00:00Z");
                    CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).build();
                    CaseId id = new CaseId("ACC-1");
                    PetitionForm form = new PetitionForm(DAY, Channel.LETTER, Category.ACCUSATION, "政法", "450802", true, null,
                            List.of(new PetitionForm.Petitioner("黄某", null, null, null)), null, accused, "举报内容");
                    Actor reg = official(registrar);
                    CommandResult r1 = service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("1"), reg, form, null));
                    assertThat(r1.isApplied()).isEqualTo(!touches(reg, accusedUnits, accusedOfficials));
                    if (!r1.isApplied()) {
                        assertThat(((CommandResult.Rejected) r1).rejection().code()).isEqualTo(Rejection.Code.ACCUSED_PARTY);
                        return;
                    }
                    UnitId unit = Org.UNITS.get(routeTo);
                    Actor router = Org.clerk();
                    CommandResult r2 = service.handle(new ProcedureCommand.Route(id, new IdempotencyKey("2"), router, unit, DAY));
                    boolean routeRefused = accusedUnits.contains(unit) || touches(router, accusedUnits, accusedOfficials);
                    assertThat(r2.isApplied()).isEqualTo(!routeRefused);
                    if (!r2.isApplied()) {
                        assertThat(((CommandResult.Rejected) r2).rejection().code()).isEqualTo(Rejection.Code.ACCUSED_PARTY);
                        return;
                    }
                    Actor acceptorActor = official(acceptor);
                    CommandResult r3 = service.handle(new ProcedureCommand.Accept(id, new IdempotencyKey("3"), acceptorActor, DAY));
                    assertThat(r3.isApplied()).isEqualTo(!touches(acceptorActor, accusedUnits, accusedOfficials));
                    // whatever was applied, neither the handling unit nor any actor of the history is accused
                    CaseHistory h = service.history(id).orElseThrow();
                    assertThat(accusedUnits).doesNotContain(h.state().handlingUnit());
                    for (CaseEvent e : h.events()) assertThat(touches(e.actor(), accusedUnits, accusedOfficials)).isFalse();
                });
    }

    private static Actor official(int i) {
        OfficialId id = OFFICIALS.get(i);
        return Actor.official(id, Org.DIRECTORY.official(id).orElseThrow().unit());
    }

    private static boolean touches(Actor a, Set<UnitId> units, Set<OfficialId> officials) {
        return a instanceof Actor.OfficialActor o && (officials.contains(o.official()) || units.contains(o.unit()));
    }

    // ---- invariant 7: concurrent writers never lose an update ----

    @Test
    void inv7_concurrentWritersOnOneCaseNeverLoseAnUpdate() {
        qt().withExamples(Math.min(50, examples())).forAll(integers().between(2, 8), integers().between(1, 12))
                .checkAssert((threads, perThread) -> {
                    InMemoryCaseStore store = InMemoryCaseStore.create();
                    TestClock clock = TestClock.at("2026-03-03T02:00:00Z");
                    CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).maxRetries(1).build();
                    CaseId id = new CaseId("CONC-1");
                    assertThat(service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("r"), Org.clerk(), claim(DAY), null)).isApplied()).isTrue();
                    assertThat(service.handle(new ProcedureCommand.Route(id, new IdempotencyKey("t"), Org.clerk(), Org.HOUSING, DAY)).isApplied()).isTrue();
                    List<CommandResult> results = Collections.synchronizedList(new ArrayList<>());
                    runConcurrently(threads, t -> {
                        for (int i = 0; i < perThread; i++) {
                            results.add(service.handle(new ProcedureCommand.InformPetitioner(id, new IdempotencyKey("t" + t + "-" + i),
                                    Org.staffOf(Org.HOUSING), DAY)));
                        }
                    });
                    long applied = results.stream().filter(CommandResult::isApplied).count();
                    for (CommandResult r : results) {
                        if (!r.isApplied()) {
                            assertThat(((CommandResult.Rejected) r).rejection().code()).isEqualTo(Rejection.Code.VERSION_CONFLICT);
                        }
                    }
                    CaseHistory h = service.history(id).orElseThrow();
                    assertThat(h.version()).isEqualTo(2 + applied);
                    assertThat(h.events()).hasSize((int) (2 + applied));
                    Set<Long> versions = new HashSet<>();
                    for (CommandResult r : results) if (r instanceof CommandResult.Applied a) assertThat(versions.add(a.version())).isTrue();
                    for (int i = 0; i < h.events().size(); i++) assertThat(h.events().get(i).sequence()).isEqualTo(i + 1);
                    for (CommandResult r : results) {
                        if (r instanceof CommandResult.Applied a) {
                            assertThat(h.events().get((int) a.version() - 1)).isEqualTo(a.events().get(0));
                        }
                    }
                });
    }

    @Test
    void aStoreThatAlwaysConflictsGivesVersionConflictAfterTheBoundedRetries() {
        AtomicInteger commits = new AtomicInteger();
        InMemoryCaseStore real = InMemoryCaseStore.create();
        CaseStore conflicting = new ForwardingStore<>(real) {
            @Override
            public void commit(CaseCommit commit) {
                commits.incrementAndGet();
                throw new VersionConflictException(commit.caseId(), commit.expectedVersion(), commit.expectedVersion() + 1);
            }
        };
        CaseService service = CaseService.builder(conflicting, Org.DIRECTORY, TestClock.at("2026-03-03T02:00:00Z")).maxRetries(3).build();
        CommandResult r = service.handle(new ProcedureCommand.Register(new CaseId("VC-1"), new IdempotencyKey("r"), Org.clerk(), claim(DAY), null));
        assertThat(r).isInstanceOf(CommandResult.Rejected.class);
        assertThat(((CommandResult.Rejected) r).rejection().code()).isEqualTo(Rejection.Code.VERSION_CONFLICT);
        assertThat(commits).hasValue(4);
        assertThat(real.load("VC-1")).isEmpty();
    }

    // ---- invariant 8: idempotency ----

    @Test
    void inv8_sameKeySameCommandReturnsTheEarlierResultAndAppendsNothing() {
        qt().forAll(integers().between(0, 19), integers().between(1, 5)).checkAssert((commandIndex, repeats) -> {
            InMemoryCaseStore store = InMemoryCaseStore.create();
            TestClock clock = TestClock.at("2026-03-03T02:00:00Z");
            CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
            CaseId id = new CaseId("ID-1");
            List<CaseCommand> path = List.of(
                    new ProcedureCommand.Register(id, new IdempotencyKey("a"), Org.clerk(), claim(DAY), null),
                    new ProcedureCommand.Route(id, new IdempotencyKey("b"), Org.clerk(), Org.HOUSING, DAY));
            CommandResult first = null;
            for (CaseCommand c : path) first = service.handle(c);
            CaseCommand c = path.get(commandIndex % 2);
            Optional<StoredCase> before = store.load("ID-1");
            for (int i = 0; i < repeats; i++) {
                clock.advance(java.time.Duration.ofMinutes(5));
                CommandResult again = service.handle(c);
                assertThat(again).isInstanceOf(CommandResult.Applied.class);
                assertThat(((CommandResult.Applied) again).replayed()).isTrue();
                assertThat(((CommandResult.Applied) again).version()).isEqualTo(commandIndex % 2 + 1L);
            }
            assertThat(store.load("ID-1")).isEqualTo(before);
            assertThat(first).isNotNull();
        });
    }

    /** @return a service on a fresh in-memory store whose case id is the claim, registered under the key "a" */
    private static CaseService registeredUnderKeyA(TestClock clock, CaseId id) {
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).build();
        service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("a"), Org.clerk(), claim(DAY), null));
        return service;
    }

    @Test
    void inv8_sameKeyDifferentCommandIsAMismatch() {
        qt().forAll(integers().between(1, 60)).checkAssert(days -> {
            CaseId id = new CaseId("ID-2");
            CaseService service = registeredUnderKeyA(TestClock.at("2026-06-03T02:00:00Z"), id);
            assertThat(service.handle(new ProcedureCommand.Route(id, new IdempotencyKey("b"), Org.clerk(), Org.HOUSING, DAY)).isApplied()).isTrue();
            CommandResult r = service.handle(new ProcedureCommand.Route(id, new IdempotencyKey("b"), Org.clerk(), Org.HOUSING, DAY.plusDays(days)));
            assertThat(((CommandResult.Rejected) r).rejection().code()).isEqualTo(Rejection.Code.IDEMPOTENCY_MISMATCH);
            CommandResult other = service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("b"), Org.clerk(), claim(DAY), null));
            assertThat(((CommandResult.Rejected) other).rejection().code()).isEqualTo(Rejection.Code.IDEMPOTENCY_MISMATCH);
            CommandResult exists = service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("z" + days), Org.clerk(), claim(DAY), null));
            assertThat(((CommandResult.Rejected) exists).rejection().code()).isEqualTo(Rejection.Code.CASE_EXISTS);
            assertThat(service.history(id).orElseThrow().version()).isEqualTo(2);
        });
    }

    @Test
    void inv8_aRejectedCommandRecordsNothingSoItsRetryIsDecidedAfresh() {
        qt().forAll(integers().between(1, 30)).checkAssert(daysAhead -> {
            TestClock clock = TestClock.at("2026-03-03T02:00:00Z");
            CaseId id = new CaseId("ID-3");
            CaseService service = registeredUnderKeyA(clock, id);
            // dated in the future today: rejected, nothing recorded under the key
            CaseCommand route = new ProcedureCommand.Route(id, new IdempotencyKey("b"), Org.clerk(), Org.HOUSING, DAY.plusDays(1 + daysAhead));
            assertThat(((CommandResult.Rejected) service.handle(route)).rejection().code()).isEqualTo(Rejection.Code.VALIDATION);
            clock.advance(java.time.Duration.ofDays(1 + daysAhead));
            CommandResult retry = service.handle(route);
            assertThat(retry).isInstanceOf(CommandResult.Applied.class);
            assertThat(((CommandResult.Applied) retry).replayed()).isFalse();
            assertThat(((CommandResult.Applied) retry).version()).isEqualTo(2);
        });
    }

    // ---- invariant 9: personal data never in toString, logs or messages ----

    record Person(String name, String id, String phone, String address, String summary) {}

    static Gen<Person> people() {
        String surnames = "覃韦黄蒙莫陆梁甘卢邓";
        String given = "建国明华丽芳志强秀英桂兰文杰海燕德胜";
        Gen<String> names = lists().of(integers().between(0, given.length() - 1)).ofSizeBetween(2, 3)
                .zip(integers().between(0, surnames.length() - 1), (g, s) -> {
                    StringBuilder b = new StringBuilder().append(surnames.charAt(s));
                    for (int i : g) b.append(given.charAt(i));
                    return b.toString();
                });
        Gen<String> ids = integers().between(0, 99_999_999).zip(integers().between(0, 999), (n, m) -> {
            String body = "4508" + String.format("%02d", 2 + n % 3) + "19" + String.format("%02d", 50 + n % 50)
                    + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28) + String.format("%03d", m);
            return body + IdNumber.checkCharacter(body);
        });
        Gen<String> phones = integers().between(0, 999_999_999).map(n -> "13" + String.format("%09d", n));
        Gen<String> addresses = integers().between(100, 99_999).map(n -> "广西贵港市港北区建设路" + n + "号院" + (n % 37) + "栋");
        Gen<String> summaries = integers().between(1_000, 999_999).map(n -> "反映征地补偿款被截留编号" + n + "请求依法处理并答复");
        return names.zip(ids, phones, addresses, summaries, Person::new);
    }

    @Test
    void inv9_noToStringLogLineOrMessageCarriesPersonalData() {
        qt().forAll(people(), integers().between(0, 41)).checkAssert((p, commandIndex) -> {
            TestClock clock = TestClock.at("2026-03-03T02:00:00Z");
            List<Object> shown = new ArrayList<>();
            CapturedLogs.Captured<Void> captured = CapturedLogs.during(() -> {
                CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock)
                        .listener((caseId, version, events) -> {
                            throw new IllegalStateException("listener fails on purpose: " + caseId);
                        })
                        .build();
                CaseId id = new CaseId("PII-1");
                PetitionForm form = new PetitionForm(DAY, Channel.VISIT, Category.CLAIM, "自然资源", "450802", true, null,
                        List.of(new PetitionForm.Petitioner(p.name(), p.id(), p.phone(), p.address())), 3,
                        List.of(PetitionForm.AccusedParty.outside(p.name() + "公司")), p.summary());
                CaseCommand register = new ProcedureCommand.Register(id, new IdempotencyKey("r"), Org.clerk(), form, null);
                shown.add(register);
                shown.add(form);
                shown.add(service.handle(register));
                // invalid variants whose bad fields carry personal data
                PetitionForm badPhone = new PetitionForm(DAY, Channel.VISIT, Category.CLAIM, "自然资源", "450802", true, null,
                        List.of(new PetitionForm.Petitioner(p.name(), p.id(), p.phone() + "9", p.address())), 3, null, p.summary());
                shown.add(service.handle(new ProcedureCommand.Register(new CaseId("PII-2"), new IdempotencyKey("r"), Org.clerk(), badPhone, null)));
                PetitionForm badId = new PetitionForm(DAY, Channel.VISIT, Category.CLAIM, "自然资源", "450802", true, null,
                        List.of(new PetitionForm.Petitioner(p.name(), p.id().substring(0, 17) + "Y", p.phone(), p.address())), 3, null, p.summary());
                shown.add(service.handle(new ProcedureCommand.Register(new CaseId("PII-3"), new IdempotencyKey("r"), Org.clerk(), badId, null)));
                CaseCommand next = oneOfEach(id, DAY).get(commandIndex);
                CaseCommand withText = next instanceof ProcedureCommand.RaiseObjection
                        ? new ProcedureCommand.RaiseObjection(id, new IdempotencyKey("o"), Org.staffOf(Org.HOUSING), p.summary(), DAY)
                        : new ProcedureCommand.ReturnForRework(id, new IdempotencyKey("w"), Org.officeHead(), p.summary() + p.name());
                shown.add(withText);
                shown.add(service.handle(withText));
                shown.add(next);
                shown.add(service.handle(next));
                CaseHistory h = service.history(id).orElseThrow();
                shown.add(h);
                shown.add(h.state());
                shown.add(h.state().petition());
                shown.addAll(h.events());
                return null;
            });
            List<String> texts = new ArrayList<>(captured.lines());
            for (Object o : shown) {
                texts.add(String.valueOf(o));
                if (o instanceof CommandResult.Rejected r) {
                    texts.add(r.rejection().messageEnglish());
                    texts.add(r.rejection().messageChinese());
                }
            }
            assertThat(captured.lines()).as("the failing listener is logged").anyMatch(l -> l.contains("PII-1"));
            for (String value : List.of(p.name(), p.id(), p.phone(), p.phone() + "9", p.address(), p.summary())) {
                for (String t : texts) assertThat(t).doesNotContain(value);
            }
            assertThatThrownBy(() -> new io.github.xinfang.petition.PhoneNumber(p.phone() + "9"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(p.phone()));
            assertThatThrownBy(() -> new IdNumber(p.id().substring(0, 17) + "Y"))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(p.id().substring(0, 17)));
        });
    }

    // ---- helpers ----

    interface ThreadBody {
        void run(int thread) throws Exception;
    }

    static void runConcurrently(int threads, ThreadBody body) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(n);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a writer thread failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static int examples() {
        return Integer.getInteger("QT_EXAMPLES", 1000);
    }
}
