package io.github.xinfang.cases;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stable names under which events are stored and commands are digested. They are part of the stored format:
 * never derive one from a class name, never change one; a new event or command adds its row. Read through
 * {@link CaseEvent#typeName()} and {@link CaseCommand#typeName()}; the codec builds its tables from them.
 */
final class StoredNames {
    private StoredNames() {}

    static final Map<Class<? extends CaseEvent>, String> EVENTS = ordered(
            ProcedureEvent.Registered.class, "case.registered",
            ProcedureEvent.Routed.class, "case.routed",
            ProcedureEvent.ObjectionRaised.class, "case.objection-raised",
            ProcedureEvent.TransferredOut.class, "case.transferred-out",
            ProcedureEvent.Redirected.class, "case.redirected",
            ProcedureEvent.Declined.class, "case.declined",
            ProcedureEvent.PetitionerInformed.class, "case.petitioner-informed",
            ProcedureEvent.Accepted.class, "case.accepted",
            ProcedureEvent.Extended.class, "case.extended",
            ProcedureEvent.ConclusionProposed.class, "case.conclusion-proposed",
            ProcedureEvent.ConclusionApproved.class, "case.conclusion-approved",
            ProcedureEvent.ReturnedForRework.class, "case.returned-for-rework",
            ProcedureEvent.ReplyServed.class, "case.reply-served",
            ProcedureEvent.ReviewRequested.class, "case.review-requested",
            ProcedureEvent.ReviewConcluded.class, "case.review-concluded",
            ProcedureEvent.ReviewOpinionServed.class, "case.review-opinion-served",
            ProcedureEvent.ReReviewRequested.class, "case.re-review-requested",
            ProcedureEvent.ReReviewConcluded.class, "case.re-review-concluded",
            ProcedureEvent.Reopened.class, "case.reopened",
            ProcedureEvent.Withdrawn.class, "case.withdrawn",
            ProcedureEvent.Imported.class, "case.imported",
            ProcedureEvent.ContactRecorded.class, "case.contact-recorded",
            ProcedureEvent.StageReplyGiven.class, "case.stage-reply-given",
            ProcedureEvent.HearingOpened.class, "case.hearing-opened",
            ProcedureEvent.HearingClosed.class, "case.hearing-closed",
            ProcedureEvent.PetitionCorrected.class, "case.petition-corrected",
            ProcedureEvent.ProfileChanged.class, "case.profile-changed",
            ProcedureEvent.Terminated.class, "case.terminated",
            SweepEvent.WarningRecorded.class, "case.warning-recorded",
            SweepEvent.BreachRecorded.class, "case.breach-recorded",
            SweepEvent.LapseRecorded.class, "case.lapse-recorded",
            ResolutionEvent.BacklogDesignated.class, "case.backlog-designated",
            ResolutionEvent.BatchEnrolled.class, "case.batch-enrolled",
            ResolutionEvent.HardCaseFlagged.class, "case.hard-case-flagged",
            ResolutionEvent.PackageLeaderAssigned.class, "case.package-leader-assigned",
            ResolutionEvent.PackageLeaderReplaced.class, "case.package-leader-replaced",
            ResolutionEvent.PlanRecorded.class, "case.plan-recorded",
            ResolutionEvent.PlanStepDone.class, "case.plan-step-done",
            ResolutionEvent.ResolutionClaimed.class, "case.resolution-claimed",
            ResolutionEvent.ResolutionApproved.class, "case.resolution-approved",
            ResolutionEvent.ResolutionRejected.class, "case.resolution-rejected",
            ResolutionEvent.ReboundReported.class, "case.rebound-reported",
            ResolutionEvent.RequiredRankRaised.class, "case.required-rank-raised",
            ActivityEvent.Merged.class, "case.merged",
            ActivityEvent.MergedCaseRecorded.class, "case.merged-case-recorded",
            ActivityEvent.RepeatPetitionRecorded.class, "case.repeat-petition-recorded",
            ActivityEvent.FollowUpVisitRecorded.class, "case.follow-up-visit-recorded",
            ActivityEvent.SupervisionIssued.class, "case.supervision-issued",
            ActivityEvent.SupervisionFeedbackRecorded.class, "case.supervision-feedback-recorded",
            ResolutionEvent.ReplacementClockStarted.class, "case.replacement-clock-started",
            ActivityEvent.HandlingRated.class, "case.handling-rated",
            ActivityEvent.SubjectTagsCorrected.class, "case.subject-tags-corrected");

    static final Map<Class<? extends CaseCommand>, String> COMMANDS = ordered(
            ProcedureCommand.Register.class, "case.register",
            ProcedureCommand.Route.class, "case.route",
            ProcedureCommand.RaiseObjection.class, "case.raise-objection",
            ProcedureCommand.TransferOut.class, "case.transfer-out",
            ProcedureCommand.Redirect.class, "case.redirect",
            ProcedureCommand.Decline.class, "case.decline",
            ProcedureCommand.InformPetitioner.class, "case.inform-petitioner",
            ProcedureCommand.Accept.class, "case.accept",
            ProcedureCommand.Extend.class, "case.extend",
            ProcedureCommand.ProposeConclusion.class, "case.propose-conclusion",
            ProcedureCommand.ApproveConclusion.class, "case.approve-conclusion",
            ProcedureCommand.ReturnForRework.class, "case.return-for-rework",
            ProcedureCommand.ServeReply.class, "case.serve-reply",
            ProcedureCommand.RequestReview.class, "case.request-review",
            ProcedureCommand.ConcludeReview.class, "case.conclude-review",
            ProcedureCommand.ServeReviewOpinion.class, "case.serve-review-opinion",
            ProcedureCommand.RequestReReview.class, "case.request-re-review",
            ProcedureCommand.ConcludeReReview.class, "case.conclude-re-review",
            ProcedureCommand.Reopen.class, "case.reopen",
            ProcedureCommand.Withdraw.class, "case.withdraw",
            ProcedureCommand.Import.class, "case.import",
            ProcedureCommand.RecordContact.class, "case.record-contact",
            ProcedureCommand.GiveStageReply.class, "case.give-stage-reply",
            ProcedureCommand.OpenHearing.class, "case.open-hearing",
            ProcedureCommand.CloseHearing.class, "case.close-hearing",
            ProcedureCommand.CorrectPetition.class, "case.correct-petition",
            ProcedureCommand.ChangeProfile.class, "case.change-profile",
            ProcedureCommand.Terminate.class, "case.terminate",
            SweepCommand.RecordWarning.class, "case.record-warning",
            SweepCommand.RecordBreach.class, "case.record-breach",
            SweepCommand.RecordLapse.class, "case.record-lapse",
            ResolutionCommand.DesignateBacklog.class, "case.designate-backlog",
            ResolutionCommand.EnrolInBatch.class, "case.enrol-in-batch",
            ResolutionCommand.FlagHardCase.class, "case.flag-hard-case",
            ResolutionCommand.AssignPackageLeader.class, "case.assign-package-leader",
            ResolutionCommand.ReplacePackageLeader.class, "case.replace-package-leader",
            ResolutionCommand.RecordPlan.class, "case.record-plan",
            ResolutionCommand.MarkPlanStepDone.class, "case.mark-plan-step-done",
            ResolutionCommand.ClaimResolution.class, "case.claim-resolution",
            ResolutionCommand.ApproveResolution.class, "case.approve-resolution",
            ResolutionCommand.RejectResolution.class, "case.reject-resolution",
            ResolutionCommand.ReportRebound.class, "case.report-rebound",
            ActivityCommand.Merge.class, "case.merge",
            ActivityCommand.RecordMergedCase.class, "case.record-merged-case",
            ActivityCommand.RecordRepeatPetition.class, "case.record-repeat-petition",
            ActivityCommand.RecordFollowUpVisit.class, "case.record-follow-up-visit",
            ActivityCommand.IssueSupervision.class, "case.issue-supervision",
            ActivityCommand.RecordSupervisionFeedback.class, "case.record-supervision-feedback",
            ResolutionCommand.ReassessEscalation.class, "case.reassess-escalation",
            ActivityCommand.RateHandling.class, "case.rate-handling",
            ActivityCommand.CorrectSubjectTags.class, "case.correct-subject-tags");

    /** An unmodifiable map keeping the order given; keys and values must be unique. */
    @SuppressWarnings("unchecked")
    private static <K> Map<K, String> ordered(Object... keysAndValues) {
        Map<K, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (m.put((K) keysAndValues[i], (String) keysAndValues[i + 1]) != null) {
                throw new IllegalStateException("duplicate key " + keysAndValues[i]);
            }
        }
        if (new HashSet<>(m.values()).size() != m.size()) throw new IllegalStateException("duplicate name in " + m);
        return Collections.unmodifiableMap(m);
    }

    /** @return the name of a type in a table, or a refusal naming the class */
    static <T> String nameOf(Map<Class<? extends T>, String> table, Class<?> type) {
        String name = table.get(type);
        if (name == null) throw new IllegalArgumentException("type: no stored name for " + type.getName());
        return name;
    }
}
