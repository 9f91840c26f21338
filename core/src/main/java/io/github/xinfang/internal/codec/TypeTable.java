package io.github.xinfang.internal.codec;

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
            new EventType(CaseEvent.Registered.class, "case.registered", 1),
            new EventType(CaseEvent.Routed.class, "case.routed", 1),
            new EventType(CaseEvent.ObjectionRaised.class, "case.objection-raised", 1),
            new EventType(CaseEvent.TransferredOut.class, "case.transferred-out", 1),
            new EventType(CaseEvent.Redirected.class, "case.redirected", 1),
            new EventType(CaseEvent.Declined.class, "case.declined", 1),
            new EventType(CaseEvent.PetitionerInformed.class, "case.petitioner-informed", 1),
            new EventType(CaseEvent.Accepted.class, "case.accepted", 1),
            new EventType(CaseEvent.Extended.class, "case.extended", 1),
            new EventType(CaseEvent.ConclusionProposed.class, "case.conclusion-proposed", 1),
            new EventType(CaseEvent.ConclusionApproved.class, "case.conclusion-approved", 1),
            new EventType(CaseEvent.ReturnedForRework.class, "case.returned-for-rework", 1),
            new EventType(CaseEvent.ReplyServed.class, "case.reply-served", 1),
            new EventType(CaseEvent.ReviewRequested.class, "case.review-requested", 1),
            new EventType(CaseEvent.ReviewConcluded.class, "case.review-concluded", 1),
            new EventType(CaseEvent.ReviewOpinionServed.class, "case.review-opinion-served", 1),
            new EventType(CaseEvent.ReReviewRequested.class, "case.re-review-requested", 1),
            new EventType(CaseEvent.ReReviewConcluded.class, "case.re-review-concluded", 1),
            new EventType(CaseEvent.Reopened.class, "case.reopened", 1),
            new EventType(CaseEvent.Withdrawn.class, "case.withdrawn", 1),
            new EventType(CaseEvent.Imported.class, "case.imported", 1),
            new EventType(CaseEvent.ContactRecorded.class, "case.contact-recorded", 1),
            new EventType(CaseEvent.StageReplyGiven.class, "case.stage-reply-given", 1),
            new EventType(CaseEvent.HearingOpened.class, "case.hearing-opened", 1),
            new EventType(CaseEvent.HearingClosed.class, "case.hearing-closed", 1),
            new EventType(CaseEvent.PetitionCorrected.class, "case.petition-corrected", 1),
            new EventType(CaseEvent.ProfileChanged.class, "case.profile-changed", 1),
            new EventType(CaseEvent.Terminated.class, "case.terminated", 1),
            new EventType(CaseEvent.WarningRecorded.class, "case.warning-recorded", 1),
            new EventType(CaseEvent.BreachRecorded.class, "case.breach-recorded", 1),
            new EventType(CaseEvent.LapseRecorded.class, "case.lapse-recorded", 1),
            new EventType(CaseEvent.BacklogDesignated.class, "case.backlog-designated", 1),
            new EventType(CaseEvent.BatchEnrolled.class, "case.batch-enrolled", 1),
            new EventType(CaseEvent.HardCaseFlagged.class, "case.hard-case-flagged", 1),
            new EventType(CaseEvent.PackageLeaderAssigned.class, "case.package-leader-assigned", 1),
            new EventType(CaseEvent.PackageLeaderReplaced.class, "case.package-leader-replaced", 1),
            new EventType(CaseEvent.PlanRecorded.class, "case.plan-recorded", 1),
            new EventType(CaseEvent.PlanStepDone.class, "case.plan-step-done", 1),
            new EventType(CaseEvent.ResolutionClaimed.class, "case.resolution-claimed", 1),
            new EventType(CaseEvent.ResolutionApproved.class, "case.resolution-approved", 1),
            new EventType(CaseEvent.ResolutionRejected.class, "case.resolution-rejected", 1),
            new EventType(CaseEvent.ReboundReported.class, "case.rebound-reported", 1),
            new EventType(CaseEvent.RequiredRankRaised.class, "case.required-rank-raised", 1),
            new EventType(CaseEvent.Merged.class, "case.merged", 1),
            new EventType(CaseEvent.MergedCaseRecorded.class, "case.merged-case-recorded", 1),
            new EventType(CaseEvent.RepeatPetitionRecorded.class, "case.repeat-petition-recorded", 1),
            new EventType(CaseEvent.FollowUpVisitRecorded.class, "case.follow-up-visit-recorded", 1),
            new EventType(CaseEvent.SupervisionIssued.class, "case.supervision-issued", 1),
            new EventType(CaseEvent.SupervisionFeedbackRecorded.class, "case.supervision-feedback-recorded", 1),
            new EventType(CaseEvent.ReplacementClockStarted.class, "case.replacement-clock-started", 1),
            new EventType(CaseEvent.DutyWarningRecorded.class, "case.duty-warning-recorded", 1),
            new EventType(CaseEvent.DutyBreachRecorded.class, "case.duty-breach-recorded", 1));

    private static final Map<Class<? extends CaseCommand>, String> COMMANDS = ordered(
            CaseCommand.Register.class, "case.register",
            CaseCommand.Route.class, "case.route",
            CaseCommand.RaiseObjection.class, "case.raise-objection",
            CaseCommand.TransferOut.class, "case.transfer-out",
            CaseCommand.Redirect.class, "case.redirect",
            CaseCommand.Decline.class, "case.decline",
            CaseCommand.InformPetitioner.class, "case.inform-petitioner",
            CaseCommand.Accept.class, "case.accept",
            CaseCommand.Extend.class, "case.extend",
            CaseCommand.ProposeConclusion.class, "case.propose-conclusion",
            CaseCommand.ApproveConclusion.class, "case.approve-conclusion",
            CaseCommand.ReturnForRework.class, "case.return-for-rework",
            CaseCommand.ServeReply.class, "case.serve-reply",
            CaseCommand.RequestReview.class, "case.request-review",
            CaseCommand.ConcludeReview.class, "case.conclude-review",
            CaseCommand.ServeReviewOpinion.class, "case.serve-review-opinion",
            CaseCommand.RequestReReview.class, "case.request-re-review",
            CaseCommand.ConcludeReReview.class, "case.conclude-re-review",
            CaseCommand.Reopen.class, "case.reopen",
            CaseCommand.Withdraw.class, "case.withdraw",
            CaseCommand.Import.class, "case.import",
            CaseCommand.RecordContact.class, "case.record-contact",
            CaseCommand.GiveStageReply.class, "case.give-stage-reply",
            CaseCommand.OpenHearing.class, "case.open-hearing",
            CaseCommand.CloseHearing.class, "case.close-hearing",
            CaseCommand.CorrectPetition.class, "case.correct-petition",
            CaseCommand.ChangeProfile.class, "case.change-profile",
            CaseCommand.Terminate.class, "case.terminate",
            CaseCommand.RecordWarning.class, "case.record-warning",
            CaseCommand.RecordBreach.class, "case.record-breach",
            CaseCommand.RecordLapse.class, "case.record-lapse",
            CaseCommand.DesignateBacklog.class, "case.designate-backlog",
            CaseCommand.EnrolInBatch.class, "case.enrol-in-batch",
            CaseCommand.FlagHardCase.class, "case.flag-hard-case",
            CaseCommand.AssignPackageLeader.class, "case.assign-package-leader",
            CaseCommand.ReplacePackageLeader.class, "case.replace-package-leader",
            CaseCommand.RecordPlan.class, "case.record-plan",
            CaseCommand.MarkPlanStepDone.class, "case.mark-plan-step-done",
            CaseCommand.ClaimResolution.class, "case.claim-resolution",
            CaseCommand.ApproveResolution.class, "case.approve-resolution",
            CaseCommand.RejectResolution.class, "case.reject-resolution",
            CaseCommand.ReportRebound.class, "case.report-rebound",
            CaseCommand.Merge.class, "case.merge",
            CaseCommand.RecordMergedCase.class, "case.record-merged-case",
            CaseCommand.RecordRepeatPetition.class, "case.record-repeat-petition",
            CaseCommand.RecordFollowUpVisit.class, "case.record-follow-up-visit",
            CaseCommand.IssueSupervision.class, "case.issue-supervision",
            CaseCommand.RecordSupervisionFeedback.class, "case.record-supervision-feedback",
            CaseCommand.RecordDutyWarning.class, "case.record-duty-warning",
            CaseCommand.RecordDutyBreach.class, "case.record-duty-breach",
            CaseCommand.ReassessEscalation.class, "case.reassess-escalation");

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
