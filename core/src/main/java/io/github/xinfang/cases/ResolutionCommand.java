package io.github.xinfang.cases;

import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the resolution track (积案化解): backlog designation, batches, package leaders (领导包案), plans and the review of a claimed resolution.
 * A closed set of immutable records; see {@link CaseCommand} for what every one carries. Free text is a {@link FormText};
 * a record holding one also takes it as a {@code String} (null for a missing text), through {@link FormText#ofNullable}.
 *
 * @since 0.4
 */
public sealed interface ResolutionCommand extends CaseCommand {
    /**
     * 列为积案: puts the case on the resolution track (or back on it after a resolution).
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param source where the backlog case came from
     * @param designatedOn the day of the designation
     * @since 0.2
     */
    record DesignateBacklog(CaseId caseId, IdempotencyKey key, Actor actor, Resolution.BacklogSource source, LocalDate designatedOn)
            implements ResolutionCommand {}

    /**
     * 纳入上级交办批次: enrols the case in a batch handed down by a higher level; a case may be in several.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param batch the batch
     * @param level the issuing level
     * @param batchName the batch's name
     * @param targetDate the day the batch is to be cleared
     * @param enrolledOn the day of enrolment
     * @since 0.2
     */
    record EnrolInBatch(CaseId caseId, IdempotencyKey key, Actor actor, Resolution.BatchId batch, Resolution.IssuingLevel level, String batchName,
                        LocalDate targetDate, LocalDate enrolledOn) implements ResolutionCommand {}

    /**
     * 钉子案/骨头案: flags the case a hard case, an input to escalation.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param reason why
     * @param flaggedOn the day
     * @since 0.2
     */
    record FlagHardCase(CaseId caseId, IdempotencyKey key, Actor actor, FormText reason, LocalDate flaggedOn) implements ResolutionCommand {
        public FlagHardCase(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate flaggedOn) {
            this(caseId, key, actor, FormText.ofNullable(reason), flaggedOn);
        }
    }

    /**
     * 领导包案: assigns a package leader, a lead unit, a task force and optional co-units.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param leader the package leader
     * @param leadUnit the lead unit (主办单位)
     * @param taskForce the task force (工作专班), at least one official
     * @param coUnits the co-units (协办单位), possibly none
     * @param assignedOn the day
     * @since 0.2
     */
    record AssignPackageLeader(CaseId caseId, IdempotencyKey key, Actor actor, OfficialId leader, UnitId leadUnit,
                               List<OfficialId> taskForce, List<UnitId> coUnits, LocalDate assignedOn) implements ResolutionCommand {}

    /**
     * Replaces the package leader: ends the active assignment and starts a new one in one event.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param leader the new package leader
     * @param leadUnit the lead unit
     * @param taskForce the task force, at least one official
     * @param coUnits the co-units, possibly none
     * @param reason why the leader is replaced
     * @param replacedOn the day
     * @since 0.2
     */
    record ReplacePackageLeader(CaseId caseId, IdempotencyKey key, Actor actor, OfficialId leader, UnitId leadUnit,
                                List<OfficialId> taskForce, List<UnitId> coUnits, Resolution.ReplacementReason reason,
                                LocalDate replacedOn) implements ResolutionCommand {}

    /**
     * 化解方案: records a plan; a new version supersedes the old, both kept.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param steps the steps, at least one
     * @param recordedOn the day
     * @since 0.2
     */
    record RecordPlan(CaseId caseId, IdempotencyKey key, Actor actor, List<ResolutionCommand.PlanStepForm> steps, LocalDate recordedOn)
            implements ResolutionCommand {}

    /**
     * Marks a step of the plan in force done.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param step the step's number in the plan in force, from 1
     * @param doneOn the day it was done
     * @since 0.2
     */
    record MarkPlanStepDone(CaseId caseId, IdempotencyKey key, Actor actor, int step, LocalDate doneOn) implements ResolutionCommand {}

    /**
     * 申请化解: claims the case resolved, with the kind and an evidence summary.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param kind 实体化解 or 程序化解
     * @param evidence the evidence summary
     * @param claimedOn the day
     * @since 0.2
     */
    record ClaimResolution(CaseId caseId, IdempotencyKey key, Actor actor, Resolution.ResolutionKind kind, FormText evidence,
                           LocalDate claimedOn) implements ResolutionCommand {
        public ClaimResolution(CaseId caseId, IdempotencyKey key, Actor actor, Resolution.ResolutionKind kind, String evidence, LocalDate claimedOn) {
            this(caseId, key, actor, kind, FormText.ofNullable(evidence), claimedOn);
        }
    }

    /**
     * 审核销号: approves the claimed resolution; the approver is not the claimant; ends the active assignment.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param approvedOn the day
     * @since 0.2
     */
    record ApproveResolution(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate approvedOn) implements ResolutionCommand {}

    /**
     * 退回: returns the claimed resolution; counted.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param reason why
     * @param rejectedOn the day
     * @since 0.2
     */
    record RejectResolution(CaseId caseId, IdempotencyKey key, Actor actor, FormText reason, LocalDate rejectedOn)
            implements ResolutionCommand {
        public RejectResolution(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate rejectedOn) {
            this(caseId, key, actor, FormText.ofNullable(reason), rejectedOn);
        }
    }

    /**
     * 反弹: a resolved case flared up again (found at 回头看); the track returns to OPEN.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param reason why
     * @param reportedOn the day
     * @since 0.2
     */
    record ReportRebound(CaseId caseId, IdempotencyKey key, Actor actor, FormText reason, LocalDate reportedOn)
            implements ResolutionCommand {
        public ReportRebound(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate reportedOn) {
            this(caseId, key, actor, FormText.ofNullable(reason), reportedOn);
        }
    }

    /**
     * 提级包案 by time: asks for the required rank to be recomputed now, because a days-overdue rule of the
     * escalation policy may have started to fire without any event. Issued by the deadline sweep only, when the
     * case's index row says a threshold was crossed; refused ({@code ILLEGAL_TRANSITION}) when no rule newly
     * fires, so it records something only when the rank rises.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from the case and the instant the threshold was crossed)
     * @param actor the sweep
     * @since 0.2
     */
    record ReassessEscalation(CaseId caseId, IdempotencyKey key, Actor actor) implements ResolutionCommand {}

    /**
     * One step of a resolution plan as the portal's form gives it; checked by the case service. Immutable;
     * {@code toString} does not show the description (a {@link FormText}).
     *
     * @param description what is to be done
     * @param dueOn the day it is due
     * @since 0.2
     */
    record PlanStepForm(FormText description, LocalDate dueOn) {
        /** The same, with the {@code description} as a string ({@link FormText#ofNullable}). */
        public PlanStepForm(String description, LocalDate dueOn) {
            this(FormText.ofNullable(description), dueOn);
        }
    }
}
