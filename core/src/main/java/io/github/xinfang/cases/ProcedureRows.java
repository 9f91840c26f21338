package io.github.xinfang.cases;

import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.cases.LifecycleTable.Row;
import io.github.xinfang.cases.RowBehaviour.Dated;
import io.github.xinfang.petition.FreeText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static io.github.xinfang.cases.LifecycleTable.*;
import static io.github.xinfang.cases.RowBehaviour.on;
import static io.github.xinfang.cases.RowBehaviour.undated;

/**
 * The rows of the procedure table (DESIGN.md section 5), in its order: for each command, its Chinese name, the stages
 * it starts from, the stage it leads to, its guards, the dates of the legal facts it records (checked by
 * {@link LifecycleTable#FACT_NOT_BEFORE_EARLIER_FACTS}) and the event it emits. Table defaults, not repeated here:
 * a command is decided only after its fields passed the input rules; {@link LifecycleTable#ACTOR_NOT_ACCUSED} on every
 * row and {@link LifecycleTable#FACT_NOT_BEFORE_EARLIER_FACTS} on every dated row run in the order {@link Guard} says;
 * the case service recomputes the required rank after every accepted command (提级包案).
 */
final class ProcedureRows {
    private ProcedureRows() {}


    static List<Row> rows() {
        Set<Stage> none = EnumSet.noneOf(Stage.class);
        Set<Stage> any = EnumSet.allOf(Stage.class);
        Set<Stage> open = EnumSet.noneOf(Stage.class);
        for (Stage s : Stage.values()) if (s.kind() == Stage.Kind.OPEN) open.add(s);
        Set<Stage> notMerged = EnumSet.allOf(Stage.class);
        notMerged.remove(Stage.MERGED);
        Set<Stage> hearings = EnumSet.of(Stage.IN_HANDLING, Stage.UNDER_REVIEW, Stage.UNDER_RE_REVIEW);
        List<Row> r = new ArrayList<>();
        r.add(row(ProcedureCommand.Register.class, "登记", none, Stage.REGISTERED, List.of(), undated(),
                (e, c) -> new ProcedureEvent.Registered(e.id(), e.actor(), e.at(), e.profileOr(c.profile()), e.petition())));
        r.add(row(ProcedureCommand.Import.class, "历史数据导入", none, null,
                List.of(IMPORTED_UNIT_NOT_ACCUSED, IMPORTED_EXTENSION_WITHIN_MAXIMUM), undated(),
                (e, c) -> new ProcedureEvent.Imported(e.id(), e.actor(), e.at(), e.profileOr(c.profile()), e.petition(),
                        c.stage(), c.handlingUnit(), c.facts())));
        r.add(row(ProcedureCommand.Route.class, "交办/转送", EnumSet.of(Stage.REGISTERED), Stage.ROUTED,
                List.of(UNIT_NOT_ACCUSED), on("receivedOn", ProcedureCommand.Route::receivedOn),
                (e, c) -> new ProcedureEvent.Routed(e.id(), e.actor(), e.at(), c.unit(), c.receivedOn())));
        r.add(row(ProcedureCommand.RaiseObjection.class, "异议", EnumSet.of(Stage.ROUTED), Stage.REGISTERED,
                List.of(INSIDE_OBJECTION_WINDOW), on("objectedOn", ProcedureCommand.RaiseObjection::objectedOn),
                (e, c) -> new ProcedureEvent.ObjectionRaised(e.id(), e.actor(), e.at(), e.state().handlingUnit(), text(c.reason()),
                        c.objectedOn())));
        r.add(row(ProcedureCommand.TransferOut.class, "转出", EnumSet.of(Stage.REGISTERED), Stage.TRANSFERRED_OUT,
                List.of(), on("transferredOn", ProcedureCommand.TransferOut::transferredOn),
                (e, c) -> new ProcedureEvent.TransferredOut(e.id(), e.actor(), e.at(), c.organ(), c.transferredOn())));
        r.add(row(ProcedureCommand.Redirect.class, "导入法定途径", EnumSet.of(Stage.REGISTERED, Stage.ROUTED), Stage.REDIRECTED,
                List.of(), on("redirectedOn", ProcedureCommand.Redirect::redirectedOn),
                (e, c) -> new ProcedureEvent.Redirected(e.id(), e.actor(), e.at(), c.channel(), c.redirectedOn())));
        r.add(row(ProcedureCommand.Decline.class, "不予受理", EnumSet.of(Stage.REGISTERED, Stage.ROUTED), Stage.DECLINED,
                List.of(), on("declinedOn", ProcedureCommand.Decline::declinedOn),
                (e, c) -> new ProcedureEvent.Declined(e.id(), e.actor(), e.at(), c.reason(), c.declinedOn())));
        r.add(row(ProcedureCommand.InformPetitioner.class, "告知", EnumSet.of(Stage.ROUTED, Stage.IN_HANDLING), null,
                List.of(), on("servedOn", ProcedureCommand.InformPetitioner::servedOn),
                (e, c) -> new ProcedureEvent.PetitionerInformed(e.id(), e.actor(), e.at(), c.servedOn())));
        r.add(row(ProcedureCommand.Accept.class, "受理", EnumSet.of(Stage.ROUTED), Stage.IN_HANDLING,
                List.of(), on("acceptedOn", ProcedureCommand.Accept::acceptedOn),
                (e, c) -> new ProcedureEvent.Accepted(e.id(), e.actor(), e.at(), c.acceptedOn())));
        r.add(row(ProcedureCommand.RecordContact.class, "电话联系/见面/走访/约访",
                EnumSet.of(Stage.ROUTED, Stage.IN_HANDLING, Stage.UNDER_REVIEW, Stage.UNDER_RE_REVIEW), null,
                List.of(), on("contactedOn", ProcedureCommand.RecordContact::contactedOn),
                (e, c) -> new ProcedureEvent.ContactRecorded(e.id(), e.actor(), e.at(), c.kind(), c.contactedOn())));
        r.add(row(ProcedureCommand.GiveStageReply.class, "阶段性答复", EnumSet.of(Stage.IN_HANDLING), null,
                List.of(), on("repliedOn", ProcedureCommand.GiveStageReply::repliedOn),
                (e, c) -> new ProcedureEvent.StageReplyGiven(e.id(), e.actor(), e.at(), text(c.text()), c.repliedOn())));
        r.add(row(ProcedureCommand.Extend.class, "延期", EnumSet.of(Stage.IN_HANDLING), null,
                List.of(HAS_HANDLING_CLOCK, APPROVER_OF_HANDLING_UNIT, EXTENSION_UNUSED, EXTENSION_WITHIN_MAXIMUM),
                new Dated<ProcedureCommand.Extend>("approvedOn", c -> List.of(c.approvedOn(), c.petitionerToldOn())),
                (e, c) -> new ProcedureEvent.Extended(e.id(), e.actor(), e.at(), c.days(), text(c.reason()), c.approvedOn(),
                        c.petitionerToldOn())));
        r.add(row(ProcedureCommand.OpenHearing.class, "听证（开始）", hearings, null,
                List.of(HEARING_NOT_YET_OPEN), on("openedOn", ProcedureCommand.OpenHearing::openedOn),
                (e, c) -> new ProcedureEvent.HearingOpened(e.id(), e.actor(), e.at(), c.openedOn())));
        r.add(row(ProcedureCommand.CloseHearing.class, "听证（结束）", hearings, null,
                List.of(HEARING_OPEN), on("closedOn", ProcedureCommand.CloseHearing::closedOn),
                (e, c) -> new ProcedureEvent.HearingClosed(e.id(), e.actor(), e.at(), c.closedOn())));
        r.add(row(ProcedureCommand.ProposeConclusion.class, "报结", EnumSet.of(Stage.IN_HANDLING), Stage.PENDING_APPROVAL,
                List.of(OUTCOME_FITS_CATEGORY, HEARING_NOT_OPEN),
                on("proposedOn", ProcedureCommand.ProposeConclusion::proposedOn),
                (e, c) -> new ProcedureEvent.ConclusionProposed(e.id(), e.actor(), e.at(), c.outcome(), text(c.replyText()),
                        c.proposedOn())));
        r.add(row(ProcedureCommand.ApproveConclusion.class, "审核通过/办结", EnumSet.of(Stage.PENDING_APPROVAL), Stage.CONCLUDED,
                List.of(APPROVER_NOT_PROPOSER), on("approvedOn", ProcedureCommand.ApproveConclusion::approvedOn),
                (e, c) -> new ProcedureEvent.ConclusionApproved(e.id(), e.actor(), e.at(), c.approvedOn())));
        r.add(row(ProcedureCommand.ReturnForRework.class, "退回重办", EnumSet.of(Stage.PENDING_APPROVAL), Stage.IN_HANDLING,
                List.of(), undated(),
                (e, c) -> new ProcedureEvent.ReturnedForRework(e.id(), e.actor(), e.at(), text(c.reason()))));
        r.add(row(ProcedureCommand.ServeReply.class, "送达书面答复", EnumSet.of(Stage.CONCLUDED), null,
                List.of(REPLY_NOT_YET_SERVED), on("servedOn", ProcedureCommand.ServeReply::servedOn),
                (e, c) -> new ProcedureEvent.ReplyServed(e.id(), e.actor(), e.at(), c.servedOn())));
        r.add(row(ProcedureCommand.RequestReview.class, "复查申请", EnumSet.of(Stage.CONCLUDED), Stage.UNDER_REVIEW,
                List.of(CLAIM_CATEGORY_ONLY, INSIDE_REVIEW_WINDOW),
                on("receivedOn", ProcedureCommand.RequestReview::receivedOn),
                (e, c) -> new ProcedureEvent.ReviewRequested(e.id(), e.actor(), e.at(), c.receivedOn())));
        r.add(row(ProcedureCommand.ConcludeReview.class, "复查意见", EnumSet.of(Stage.UNDER_REVIEW), Stage.REVIEWED,
                List.of(HEARING_NOT_OPEN), on("concludedOn", ProcedureCommand.ConcludeReview::concludedOn),
                (e, c) -> new ProcedureEvent.ReviewConcluded(e.id(), e.actor(), e.at(), text(c.opinion()), c.concludedOn())));
        r.add(row(ProcedureCommand.ServeReviewOpinion.class, "送达复查意见", EnumSet.of(Stage.REVIEWED), null,
                List.of(OPINION_NOT_YET_SERVED), on("servedOn", ProcedureCommand.ServeReviewOpinion::servedOn),
                (e, c) -> new ProcedureEvent.ReviewOpinionServed(e.id(), e.actor(), e.at(), c.servedOn())));
        r.add(row(ProcedureCommand.RequestReReview.class, "复核申请", EnumSet.of(Stage.REVIEWED), Stage.UNDER_RE_REVIEW,
                List.of(CLAIM_CATEGORY_ONLY, INSIDE_RE_REVIEW_WINDOW),
                on("receivedOn", ProcedureCommand.RequestReReview::receivedOn),
                (e, c) -> new ProcedureEvent.ReReviewRequested(e.id(), e.actor(), e.at(), c.receivedOn())));
        r.add(row(ProcedureCommand.ConcludeReReview.class, "复核意见", EnumSet.of(Stage.UNDER_RE_REVIEW), Stage.FINAL,
                List.of(HEARING_NOT_OPEN), on("concludedOn", ProcedureCommand.ConcludeReReview::concludedOn),
                (e, c) -> new ProcedureEvent.ReReviewConcluded(e.id(), e.actor(), e.at(), text(c.opinion()), c.concludedOn())));
        r.add(row(ProcedureCommand.Reopen.class, "重新办理", EnumSet.of(Stage.CONCLUDED, Stage.REVIEWED), Stage.IN_HANDLING,
                List.of(), on("reopenedOn", ProcedureCommand.Reopen::reopenedOn),
                (e, c) -> new ProcedureEvent.Reopened(e.id(), e.actor(), e.at(), text(c.reason()), c.reopenedOn())));
        r.add(row(ProcedureCommand.Terminate.class, "终结", EnumSet.of(Stage.CONCLUDED, Stage.REVIEWED, Stage.FINAL),
                Stage.TERMINATED, List.of(TERMINATION_PROVIDED),
                on("terminatedOn", ProcedureCommand.Terminate::terminatedOn),
                (e, c) -> new ProcedureEvent.Terminated(e.id(), e.actor(), e.at(), text(c.legalBasis()), c.terminatedOn())));
        r.add(row(ProcedureCommand.Withdraw.class, "撤回",
                EnumSet.of(Stage.REGISTERED, Stage.ROUTED, Stage.IN_HANDLING, Stage.PENDING_APPROVAL), Stage.WITHDRAWN,
                List.of(), on("withdrawnOn", ProcedureCommand.Withdraw::withdrawnOn),
                (e, c) -> new ProcedureEvent.Withdrawn(e.id(), e.actor(), e.at(), c.withdrawnOn())));
        r.add(row(ActivityCommand.Merge.class, "并案", open, Stage.MERGED, List.of(NOT_INTO_ITSELF, SURVIVOR_OPEN),
                on("mergedOn", ActivityCommand.Merge::mergedOn),
                (e, c) -> new ActivityEvent.Merged(e.id(), e.actor(), e.at(), c.into(), text(c.reason()), c.mergedOn())));
        r.add(row(ActivityCommand.RecordMergedCase.class, "并入", open, null, List.of(SERVICE_ONLY), undated(),
                (e, c) -> new ActivityEvent.MergedCaseRecorded(e.id(), e.actor(), e.at(), c.merged(), c.mergedOn())));
        r.add(row(ProcedureCommand.CorrectPetition.class, "更正/改类", open, null,
                List.of(CORRECTION_FITS_STAGE, CORRECTION_KEEPS_HANDLER_UNACCUSED), undated(),
                (e, c) -> new ProcedureEvent.PetitionCorrected(e.id(), e.actor(), e.at(), e.corrected(), text(c.reason()))));
        r.add(row(ProcedureCommand.ChangeProfile.class, "变更时限方案", open, null, List.of(), undated(),
                (e, c) -> new ProcedureEvent.ProfileChanged(e.id(), e.actor(), e.at(), c.profile(), text(c.reason()))));
        r.add(row(SweepCommand.RecordWarning.class, "预警", any, null, List.of(SWEEP_ONLY, CLOCK_DUE), undated(),
                (e, c) -> new SweepEvent.WarningRecorded(e.id(), e.actor(), e.at(), c.clock(), c.round(), c.dueAt())));
        r.add(row(SweepCommand.RecordBreach.class, "超期", any, null, List.of(SWEEP_ONLY, CLOCK_DUE), undated(),
                (e, c) -> new SweepEvent.BreachRecorded(e.id(), e.actor(), e.at(), c.clock(), c.round(), c.dueAt())));
        r.add(row(SweepCommand.RecordLapse.class, "期限届满未申请", any, null, List.of(SWEEP_ONLY, CLOCK_DUE), undated(),
                (e, c) -> new SweepEvent.LapseRecorded(e.id(), e.actor(), e.at(), c.clock(), c.round(), c.dueAt())));
        // a repeat petition to a merged case belongs to the case it was merged into
        r.add(row(ActivityCommand.RecordRepeatPetition.class, "重复信访", notMerged, null,
                List.of(REPEAT_NOT_BEFORE_RECEIPT), undated(),
                (e, c) -> new ActivityEvent.RepeatPetitionRecorded(e.id(), e.actor(), e.at(), c.receivedOn(), c.channel(),
                        c.headcount(), c.skippedLevel(), e.state().stage() != Stage.FINAL && e.state().stage() != Stage.TERMINATED))
                .refusing(Stage.MERGED, Rejection.Code.MERGED_INTO));
        r.add(row(ActivityCommand.RecordFollowUpVisit.class, "回访", EnumSet.of(Stage.CONCLUDED, Stage.REVIEWED, Stage.FINAL,
                        Stage.TERMINATED), null, List.of(), on("visitedOn", ActivityCommand.RecordFollowUpVisit::visitedOn),
                (e, c) -> new ActivityEvent.FollowUpVisitRecorded(e.id(), e.actor(), e.at(), c.satisfaction(), c.visitedOn())));
        r.add(row(ActivityCommand.RateHandling.class, "评价", EnumSet.of(Stage.CONCLUDED, Stage.REVIEWED, Stage.FINAL,
                        Stage.TERMINATED), null, List.of(), on("ratedOn", ActivityCommand.RateHandling::ratedOn),
                (e, c) -> new ActivityEvent.HandlingRated(e.id(), e.actor(), e.at(), c.satisfaction(), c.ratedOn())));
        r.add(row(ActivityCommand.CorrectSubjectTags.class, "更正主题标签", any, null, List.of(), undated(),
                (e, c) -> new ActivityEvent.SubjectTagsCorrected(e.id(), e.actor(), e.at(), c.subjectTags())));
        r.add(row(ActivityCommand.IssueSupervision.class, "督办/提醒函/问责建议函/挂牌督办", any, null,
                List.of(SUPERVISABLE, ADDRESSEE_NOT_ACCUSED), undated(),
                (e, c) -> new ActivityEvent.SupervisionIssued(e.id(), e.actor(), e.at(),
                        e.state().activity().supervisions().size() + 1, c.kind(), c.addressee(), c.issuedOn(), c.feedbackDueOn())));
        r.add(row(ActivityCommand.RecordSupervisionFeedback.class, "书面反馈", any, null,
                List.of(SUPERVISION_AWAITING_FEEDBACK), undated(),
                (e, c) -> new ActivityEvent.SupervisionFeedbackRecorded(e.id(), e.actor(), e.at(), c.supervision(),
                        text(c.feedback()), c.givenOn())));
        return r;
    }

    private static <C extends CaseCommand> Row row(Class<C> type, String chinese, Set<Stage> from, Stage to,
                                                   List<Guard<? super C>> guards,
                                                   Dated<C> dated, BiFunction<Emission, C, CaseEvent> emits) {
        return new Row(type.getSimpleName(), chinese, type, from, to, guards, Map.of(), RowBehaviour.of(type, dated, emits));
    }

    private static FreeText text(FormText s) {
        return s.freeText();
    }
}
