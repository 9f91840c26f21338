package io.github.xinfang.internal.codec;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.ActivityEvent;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.cases.SweepCommand;
import io.github.xinfang.cases.SweepEvent;
import io.github.xinfang.cases.AccusedParty;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codec's tables: the stable type name and schema version of every event, the type name of every
 * command (for digests), the snapshot's type name and version, and the discriminator values of the sealed
 * value types. Type names are part of the stored format: never derive them from class names, never change
 * one; a new schema version of a type needs an upcaster. Immutable.
 */
final class TypeTable {
    private TypeTable() {}

    /** The type name used for snapshots in {@link io.github.xinfang.cases.CodecException}s. */
    static final String SNAPSHOT_TYPE = "case.snapshot";
    /** The schema version of {@link CaseState} snapshots. */
    static final int SNAPSHOT_SCHEMA_VERSION = 1;
    /** The first line of the canonical command encoding that digests hash. */
    static final String COMMAND_ENCODING = "xinfang-command/1";
    /** The property naming the variant of a sealed value type ({@link Actor}, {@link AccusedParty}). */
    static final String DISCRIMINATOR = "kind";

    /** One row of the event table. */
    record EventType(Class<? extends CaseEvent> type, String name, int schemaVersion) {}

    private static final List<EventType> EVENTS = List.of(
            new EventType(ProcedureEvent.Registered.class, "case.registered", 1),
            new EventType(ProcedureEvent.Routed.class, "case.routed", 1),
            new EventType(ProcedureEvent.ObjectionRaised.class, "case.objection-raised", 1),
            new EventType(ProcedureEvent.TransferredOut.class, "case.transferred-out", 1),
            new EventType(ProcedureEvent.Redirected.class, "case.redirected", 1),
            new EventType(ProcedureEvent.Declined.class, "case.declined", 1),
            new EventType(ProcedureEvent.PetitionerInformed.class, "case.petitioner-informed", 1),
            new EventType(ProcedureEvent.Accepted.class, "case.accepted", 1),
            new EventType(ProcedureEvent.Extended.class, "case.extended", 1),
            new EventType(ProcedureEvent.ConclusionProposed.class, "case.conclusion-proposed", 1),
            new EventType(ProcedureEvent.ConclusionApproved.class, "case.conclusion-approved", 1),
            new EventType(ProcedureEvent.ReturnedForRework.class, "case.returned-for-rework", 1),
            new EventType(ProcedureEvent.ReplyServed.class, "case.reply-served", 1),
            new EventType(ProcedureEvent.ReviewRequested.class, "case.review-requested", 1),
            new EventType(ProcedureEvent.ReviewConcluded.class, "case.review-concluded", 1),
            new EventType(ProcedureEvent.ReviewOpinionServed.class, "case.review-opinion-served", 1),
            new EventType(ProcedureEvent.ReReviewRequested.class, "case.re-review-requested", 1),
            new EventType(ProcedureEvent.ReReviewConcluded.class, "case.re-review-concluded", 1),
            new EventType(ProcedureEvent.Reopened.class, "case.reopened", 1),
            new EventType(ProcedureEvent.Withdrawn.class, "case.withdrawn", 1),
            new EventType(ProcedureEvent.Imported.class, "case.imported", 1),
            new EventType(ProcedureEvent.ContactRecorded.class, "case.contact-recorded", 1),
            new EventType(ProcedureEvent.StageReplyGiven.class, "case.stage-reply-given", 1),
            new EventType(ProcedureEvent.HearingOpened.class, "case.hearing-opened", 1),
            new EventType(ProcedureEvent.HearingClosed.class, "case.hearing-closed", 1),
            new EventType(ProcedureEvent.PetitionCorrected.class, "case.petition-corrected", 1),
            new EventType(ProcedureEvent.ProfileChanged.class, "case.profile-changed", 1),
            new EventType(ProcedureEvent.Terminated.class, "case.terminated", 1),
            new EventType(SweepEvent.WarningRecorded.class, "case.warning-recorded", 1),
            new EventType(SweepEvent.BreachRecorded.class, "case.breach-recorded", 1),
            new EventType(SweepEvent.LapseRecorded.class, "case.lapse-recorded", 1),
            new EventType(ResolutionEvent.BacklogDesignated.class, "case.backlog-designated", 1),
            new EventType(ResolutionEvent.BatchEnrolled.class, "case.batch-enrolled", 1),
            new EventType(ResolutionEvent.HardCaseFlagged.class, "case.hard-case-flagged", 1),
            new EventType(ResolutionEvent.PackageLeaderAssigned.class, "case.package-leader-assigned", 1),
            new EventType(ResolutionEvent.PackageLeaderReplaced.class, "case.package-leader-replaced", 1),
            new EventType(ResolutionEvent.PlanRecorded.class, "case.plan-recorded", 1),
            new EventType(ResolutionEvent.PlanStepDone.class, "case.plan-step-done", 1),
            new EventType(ResolutionEvent.ResolutionClaimed.class, "case.resolution-claimed", 1),
            new EventType(ResolutionEvent.ResolutionApproved.class, "case.resolution-approved", 1),
            new EventType(ResolutionEvent.ResolutionRejected.class, "case.resolution-rejected", 1),
            new EventType(ResolutionEvent.ReboundReported.class, "case.rebound-reported", 1),
            new EventType(ResolutionEvent.RequiredRankRaised.class, "case.required-rank-raised", 1),
            new EventType(ActivityEvent.Merged.class, "case.merged", 1),
            new EventType(ActivityEvent.MergedCaseRecorded.class, "case.merged-case-recorded", 1),
            new EventType(ActivityEvent.RepeatPetitionRecorded.class, "case.repeat-petition-recorded", 1),
            new EventType(ActivityEvent.FollowUpVisitRecorded.class, "case.follow-up-visit-recorded", 1),
            new EventType(ActivityEvent.SupervisionIssued.class, "case.supervision-issued", 1),
            new EventType(ActivityEvent.SupervisionFeedbackRecorded.class, "case.supervision-feedback-recorded", 1),
            new EventType(ResolutionEvent.ReplacementClockStarted.class, "case.replacement-clock-started", 1),
            new EventType(SweepEvent.DutyWarningRecorded.class, "case.duty-warning-recorded", 1),
            new EventType(SweepEvent.DutyBreachRecorded.class, "case.duty-breach-recorded", 1));

    private static final Map<Class<? extends CaseCommand>, String> COMMANDS = ordered(
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
            SweepCommand.RecordDutyWarning.class, "case.record-duty-warning",
            SweepCommand.RecordDutyBreach.class, "case.record-duty-breach",
            ResolutionCommand.ReassessEscalation.class, "case.reassess-escalation");

    /** Sealed value types written with a {@link #DISCRIMINATOR}: interface to (kind to record). */
    private static final Map<Class<?>, Map<String, Class<?>>> VARIANTS = Map.of(
            Actor.class, ordered(
                    "official", Actor.OfficialActor.class,
                    "system", Actor.SystemActor.class),
            AccusedParty.class, ordered(
                    "unit", AccusedParty.AccusedUnit.class,
                    "official", AccusedParty.AccusedOfficial.class,
                    "outside", AccusedParty.OutsideParty.class));

    private static final Map<Class<?>, EventType> EVENTS_BY_CLASS = byClass();
    private static final Map<String, EventType> EVENTS_BY_NAME = byName();
    private static final Map<Class<?>, String> KIND_OF_VARIANT = kinds();
    private static final Set<String> SCHEMA_NAMES = schemaNames();

    /** @return every event type, in the order of the table */
    static List<EventType> events() {
        return EVENTS;
    }

    /** @return the row of an event class, or null if it has none */
    static EventType event(Class<?> type) {
        return EVENTS_BY_CLASS.get(type);
    }

    /** @return the row of a type name, or null if it is unknown */
    static EventType event(String name) {
        return EVENTS_BY_NAME.get(name);
    }

    /** @return the command type names, in the order of the table */
    static Map<Class<? extends CaseCommand>, String> commands() {
        return COMMANDS;
    }

    /** @return the type name of a command class, or null if it has none */
    static String command(Class<?> type) {
        return COMMANDS.get(type);
    }

    /** @return the variants of a sealed value type by kind, or null if it is not written with a discriminator */
    static Map<String, Class<?>> variants(Class<?> sealedType) {
        return VARIANTS.get(sealedType);
    }

    /** @return the kind of a variant record, or null if the record is not a variant of a discriminated type */
    static String kindOf(Class<?> variant) {
        return KIND_OF_VARIANT.get(variant);
    }

    /**
     * @param name a property name
     * @return whether it is a name of the codec's schema: a record component of a stored type or the discriminator
     */
    static boolean isSchemaName(String name) {
        return SCHEMA_NAMES.contains(name);
    }

    /** An unmodifiable map keeping the order given; keys and values must be unique. */
    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> ordered(Object... keysAndValues) {
        Map<K, V> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (m.put((K) keysAndValues[i], (V) keysAndValues[i + 1]) != null) {
                throw new IllegalStateException("duplicate key " + keysAndValues[i]);
            }
        }
        if (new HashSet<>(m.values()).size() != m.size()) throw new IllegalStateException("duplicate value in " + m);
        return Collections.unmodifiableMap(m);
    }

    private static Map<Class<?>, EventType> byClass() {
        Map<Class<?>, EventType> m = new HashMap<>();
        for (EventType e : EVENTS) {
            if (m.put(e.type(), e) != null) throw new IllegalStateException("two rows for " + e.type().getName());
        }
        return Map.copyOf(m);
    }

    private static Map<String, EventType> byName() {
        Map<String, EventType> m = new HashMap<>();
        for (EventType e : EVENTS) {
            if (m.put(e.name(), e) != null) throw new IllegalStateException("two rows named " + e.name());
        }
        return Map.copyOf(m);
    }

    private static Map<Class<?>, String> kinds() {
        Map<Class<?>, String> m = new LinkedHashMap<>();
        VARIANTS.values().forEach(v -> v.forEach((kind, type) -> m.put(type, kind)));
        return Map.copyOf(m);
    }

    private static Set<String> schemaNames() {
        Set<String> names = new HashSet<>();
        names.add(DISCRIMINATOR);
        Deque<Type> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        EVENTS.forEach(e -> todo.add(e.type()));
        todo.add(CaseState.class);
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType p) {
                for (Type a : p.getActualTypeArguments()) todo.add(a);
                continue;
            }
            if (!(t instanceof Class<?> c) || !seen.add(c)) continue;
            Map<String, Class<?>> variants = VARIANTS.get(c);
            if (variants != null) todo.addAll(variants.values());
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    names.add(rc.getName());
                    todo.add(rc.getGenericType());
                }
            }
        }
        return Set.copyOf(names);
    }
}
