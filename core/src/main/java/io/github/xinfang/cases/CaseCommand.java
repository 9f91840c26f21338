package io.github.xinfang.cases;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;

import io.github.xinfang.time.ClockId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a portal asks the case service to do (one row of the lifecycle table each). A closed set.
 *
 * <p>Every command names its case by a caller-supplied id, carries an idempotency key and an actor. Command
 * records only copy their arguments: the case service checks every field and answers a bad one with a
 * {@code VALIDATION} rejection naming it, never an exception. Raw form input (dates, free text) travels as
 * plain values; {@code toString} of a command never shows free text (reasons, opinions, replies) or
 * petition data.
 *
 * @since 0.1
 */
public sealed interface CaseCommand {
    /** @return the case the command is for */
    CaseId caseId();

    /** @return the command's idempotency key, unique per case */
    IdempotencyKey key();

    /** @return who issues the command */
    Actor actor();

    /**
     * 登记: registers a petition as a new case under a caller-supplied id; chooses the profile (null: the default).
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param petition the petition as the form gives it
     * @param profile the time-limit profile's id, or null for the default
     * @since 0.1
     */
    record Register(CaseId caseId, IdempotencyKey key, Actor actor, PetitionForm petition, String profile) implements CaseCommand {}

    /**
     * 交办/转送: routes the case to a unit that can handle it.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param unit the handling unit
     * @param receivedOn the day the unit received the matter
     * @since 0.1
     */
    record Route(CaseId caseId, IdempotencyKey key, Actor actor, UnitId unit, LocalDate receivedOn) implements CaseCommand {}

    /**
     * 异议: the handling unit objects that the matter is outside its remit; the case goes back to the office.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param reason the reasons
     * @param objectedOn the day of the objection
     * @since 0.1
     */
    record RaiseObjection(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate objectedOn) implements CaseCommand {
        @Override
        public String toString() {
            return "RaiseObjection[" + "caseId=" + caseId
                    + ", key=" + key
                    + ", actor=" + actor
                    + ", reason=" + (reason == null ? "null" : "(" + reason.length() + " chars)")
                    + ", objectedOn=" + objectedOn + "]";
        }
    }

    /**
     * 转出: transfers the case to an organ outside this portal.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param organ the receiving organ's name
     * @param transferredOn the day of the transfer
     * @since 0.1
     */
    record TransferOut(CaseId caseId, IdempotencyKey key, Actor actor, String organ, LocalDate transferredOn) implements CaseCommand {}

    /**
     * 导入法定途径: sends a claim into a statutory channel (Art. 31(1) to (5)).
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param channel the statutory channel
     * @param redirectedOn the day of the decision
     * @since 0.1
     */
    record Redirect(CaseId caseId, IdempotencyKey key, Actor actor, LegalChannel channel, LocalDate redirectedOn) implements CaseCommand {}

    /**
     * 不予受理: declines the petition with a reason code.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param reason why
     * @param declinedOn the day of the decision
     * @since 0.1
     */
    record Decline(CaseId caseId, IdempotencyKey key, Actor actor, DeclineReason reason, LocalDate declinedOn) implements CaseCommand {}

    /**
     * 告知: tells the petitioner in writing how the matter will be handled.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param servedOn the day the petitioner was told
     * @since 0.1
     */
    record InformPetitioner(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate servedOn) implements CaseCommand {}

    /**
     * 受理: the handling unit accepts the matter.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param acceptedOn the day of acceptance
     * @since 0.1
     */
    record Accept(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate acceptedOn) implements CaseCommand {}

    /**
     * 延期: extends the handling limit once; the actor is the approver, an official of the handling unit.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param days the extension in days, at most the profile's maximum
     * @param reason why
     * @param approvedOn the day it was approved
     * @param petitionerToldOn the day the petitioner was told
     * @since 0.1
     */
    record Extend(CaseId caseId, IdempotencyKey key, Actor actor, int days, String reason, LocalDate approvedOn, LocalDate petitionerToldOn) implements CaseCommand {
        @Override
        public String toString() {
            return "Extend[" + "caseId=" + caseId
                    + ", key=" + key
                    + ", actor=" + actor
                    + ", days=" + days
                    + ", reason=" + (reason == null ? "null" : "(" + reason.length() + " chars)")
                    + ", approvedOn=" + approvedOn
                    + ", petitionerToldOn=" + petitionerToldOn + "]";
        }
    }

    /**
     * 报结: proposes a conclusion with the written reply; an Art. 32 outcome for 申诉求决类 only.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param outcome the Art. 32 outcome (申诉求决类), or null for the other categories
     * @param replyText the written reply or response
     * @param proposedOn the day of the proposal
     * @since 0.1
     */
    record ProposeConclusion(CaseId caseId, IdempotencyKey key, Actor actor, Outcome outcome, String replyText, LocalDate proposedOn) implements CaseCommand {
        @Override
        public String toString() {
            return "ProposeConclusion[" + "caseId=" + caseId
                    + ", key=" + key
                    + ", actor=" + actor
                    + ", outcome=" + outcome
                    + ", replyText=" + (replyText == null ? "null" : "(" + replyText.length() + " chars)")
                    + ", proposedOn=" + proposedOn + "]";
        }
    }

    /**
     * 审核通过/办结: approves the proposed conclusion; the approver is not the proposer.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param approvedOn the day of approval
     * @since 0.1
     */
    record ApproveConclusion(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate approvedOn) implements CaseCommand {}

    /**
     * 退回重办: returns the proposal for rework; the handling clock keeps running.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param reason why
     * @since 0.1
     */
    record ReturnForRework(CaseId caseId, IdempotencyKey key, Actor actor, String reason) implements CaseCommand {
        @Override
        public String toString() {
            return "ReturnForRework[" + "caseId=" + caseId
                    + ", key=" + key
                    + ", actor=" + actor
                    + ", reason=" + (reason == null ? "null" : "(" + reason.length() + " chars)") + "]";
        }
    }

    /**
     * 送达书面答复: the written reply was served on the petitioner.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param servedOn the day it was served
     * @since 0.1
     */
    record ServeReply(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate servedOn) implements CaseCommand {}

    /**
     * 复查申请: the petitioner asks for review (申诉求决类 only).
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param receivedOn the day the request was received
     * @since 0.1
     */
    record RequestReview(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate receivedOn) implements CaseCommand {}

    /**
     * 复查意见: the review body gives its opinion.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param opinion the opinion
     * @param concludedOn the day of the opinion
     * @since 0.1
     */
    record ConcludeReview(CaseId caseId, IdempotencyKey key, Actor actor, String opinion, LocalDate concludedOn) implements CaseCommand {
        @Override
        public String toString() {
            return "ConcludeReview[" + "caseId=" + caseId
                    + ", key=" + key
                    + ", actor=" + actor
                    + ", opinion=" + (opinion == null ? "null" : "(" + opinion.length() + " chars)")
                    + ", concludedOn=" + concludedOn + "]";
        }
    }

    /**
     * 送达复查意见: the review opinion was served on the petitioner.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param servedOn the day it was served
     * @since 0.1
     */
    record ServeReviewOpinion(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate servedOn) implements CaseCommand {}

    /**
     * 复核申请: the petitioner asks for re-review (申诉求决类 only).
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param receivedOn the day the request was received
     * @since 0.1
     */
    record RequestReReview(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate receivedOn) implements CaseCommand {}

    /**
     * 复核意见: the re-review body gives its opinion; the same facts are not accepted again.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param opinion the opinion
     * @param concludedOn the day of the opinion
     * @since 0.1
     */
    record ConcludeReReview(CaseId caseId, IdempotencyKey key, Actor actor, String opinion, LocalDate concludedOn) implements CaseCommand {
        @Override
        public String toString() {
            return "ConcludeReReview[" + "caseId=" + caseId
                    + ", key=" + key
                    + ", actor=" + actor
                    + ", opinion=" + (opinion == null ? "null" : "(" + opinion.length() + " chars)")
                    + ", concludedOn=" + concludedOn + "]";
        }
    }

    /**
     * 重新办理: reopens a concluded or reviewed case; a new handling clock with a fresh extension allowance.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param reason why
     * @param reopenedOn the day of reopening
     * @since 0.1
     */
    record Reopen(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate reopenedOn) implements CaseCommand {
        @Override
        public String toString() {
            return "Reopen[" + "caseId=" + caseId
                    + ", key=" + key
                    + ", actor=" + actor
                    + ", reason=" + (reason == null ? "null" : "(" + reason.length() + " chars)")
                    + ", reopenedOn=" + reopenedOn + "]";
        }
    }

    /**
     * 撤回: the petitioner withdraws the petition.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param withdrawnOn the day of the withdrawal
     * @since 0.1
     */
    record Withdraw(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate withdrawnOn) implements CaseCommand {}

    /**
     * 历史数据导入: brings in a case from an earlier system, with its stage and dated facts in order.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param petition the petition as the form gives it
     * @param profile the time-limit profile's id, or null for the default
     * @param stage the stage the case is in
     * @param handlingUnit the handling unit, required once the case was routed
     * @param facts the dated facts, in order of their dates
     * @since 0.1
     */
    record Import(CaseId caseId, IdempotencyKey key, Actor actor, PetitionForm petition, String profile, Stage stage,
                  UnitId handlingUnit, List<ImportedFact> facts) implements CaseCommand {}

    /**
     * 电话联系/见面/走访/约访: records a contact with the petitioner.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param kind how
     * @param contactedOn when
     * @since 0.1
     */
    record RecordContact(CaseId caseId, IdempotencyKey key, Actor actor, ContactKind kind, LocalDate contactedOn)
            implements CaseCommand {}

    /**
     * 阶段性答复: gives the petitioner a reply on progress.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param text the reply
     * @param repliedOn when
     * @since 0.1
     */
    record GiveStageReply(CaseId caseId, IdempotencyKey key, Actor actor, String text, LocalDate repliedOn) implements CaseCommand {
        @Override
        public String toString() {
            return "GiveStageReply[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", text="
                    + (text == null ? "null" : "(" + text.length() + " chars)") + ", repliedOn=" + repliedOn + "]";
        }
    }

    /**
     * 听证: opens a hearing; pauses the re-review clock while open.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param openedOn when
     * @since 0.1
     */
    record OpenHearing(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate openedOn) implements CaseCommand {}

    /**
     * Closes the open hearing.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param closedOn when
     * @since 0.1
     */
    record CloseHearing(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate closedOn) implements CaseCommand {}

    /**
     * 更正/改类: corrects the petition's data or its category, with a reason; clocks are recomputed.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param petition the corrected petition
     * @param reason why
     * @since 0.1
     */
    record CorrectPetition(CaseId caseId, IdempotencyKey key, Actor actor, PetitionForm petition, String reason)
            implements CaseCommand {
        @Override
        public String toString() {
            return "CorrectPetition[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", petition=" + petition
                    + ", reason=" + (reason == null ? "null" : "(" + reason.length() + " chars)") + "]";
        }
    }

    /**
     * Changes the case's time-limit profile, with a reason; clocks are recomputed.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param profile the new profile's id
     * @param reason why
     * @since 0.1
     */
    record ChangeProfile(CaseId caseId, IdempotencyKey key, Actor actor, String profile, String reason) implements CaseCommand {
        @Override
        public String toString() {
            return "ChangeProfile[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", profile=" + profile
                    + ", reason=" + (reason == null ? "null" : "(" + reason.length() + " chars)") + "]";
        }
    }

    /**
     * 终结: terminates the case where the profile's region provides for it.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param legalBasis the legal basis
     * @param terminatedOn when
     * @since 0.1
     */
    record Terminate(CaseId caseId, IdempotencyKey key, Actor actor, String legalBasis, LocalDate terminatedOn)
            implements CaseCommand {
        @Override
        public String toString() {
            return "Terminate[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", legalBasis="
                    + (legalBasis == null ? "null" : "(" + legalBasis.length() + " chars)") + ", terminatedOn=" + terminatedOn + "]";
        }
    }

    /**
     * 预警: records that a duty clock is due soon. Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, clock, round and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the clock
     * @param round the clock's run
     * @param dueAt its due instant
     * @since 0.1
     */
    record RecordWarning(CaseId caseId, IdempotencyKey key, Actor actor, ClockId clock, int round, Instant dueAt)
            implements CaseCommand {}

    /**
     * 超期: records that a duty clock is overdue. Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, clock, round and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the clock
     * @param round the clock's run
     * @param dueAt its due instant
     * @since 0.1
     */
    record RecordBreach(CaseId caseId, IdempotencyKey key, Actor actor, ClockId clock, int round, Instant dueAt)
            implements CaseCommand {}

    /**
     * Records that a window lapsed unused (never a breach). Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, clock, round and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the window
     * @param round the window's run
     * @param dueAt its end
     * @since 0.1
     */
    record RecordLapse(CaseId caseId, IdempotencyKey key, Actor actor, ClockId clock, int round, Instant dueAt)
            implements CaseCommand {}

    // ---------------------------------------------------------------- resolution track (积案化解)

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
    record DesignateBacklog(CaseId caseId, IdempotencyKey key, Actor actor, BacklogSource source, LocalDate designatedOn)
            implements CaseCommand {}

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
    record EnrolInBatch(CaseId caseId, IdempotencyKey key, Actor actor, BatchId batch, IssuingLevel level, String batchName,
                        LocalDate targetDate, LocalDate enrolledOn) implements CaseCommand {}

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
    record FlagHardCase(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate flaggedOn) implements CaseCommand {
        @Override
        public String toString() {
            return "FlagHardCase[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", reason="
                    + (reason == null ? "null" : "(" + reason.length() + " chars)") + ", flaggedOn=" + flaggedOn + "]";
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
                               List<OfficialId> taskForce, List<UnitId> coUnits, LocalDate assignedOn) implements CaseCommand {}

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
                                List<OfficialId> taskForce, List<UnitId> coUnits, ReplacementReason reason,
                                LocalDate replacedOn) implements CaseCommand {}

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
    record RecordPlan(CaseId caseId, IdempotencyKey key, Actor actor, List<PlanStepForm> steps, LocalDate recordedOn)
            implements CaseCommand {}

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
    record MarkPlanStepDone(CaseId caseId, IdempotencyKey key, Actor actor, int step, LocalDate doneOn) implements CaseCommand {}

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
    record ClaimResolution(CaseId caseId, IdempotencyKey key, Actor actor, ResolutionKind kind, String evidence,
                           LocalDate claimedOn) implements CaseCommand {
        @Override
        public String toString() {
            return "ClaimResolution[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", kind=" + kind
                    + ", evidence=" + (evidence == null ? "null" : "(" + evidence.length() + " chars)") + ", claimedOn=" + claimedOn + "]";
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
    record ApproveResolution(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate approvedOn) implements CaseCommand {}

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
    record RejectResolution(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate rejectedOn)
            implements CaseCommand {
        @Override
        public String toString() {
            return "RejectResolution[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", reason="
                    + (reason == null ? "null" : "(" + reason.length() + " chars)") + ", rejectedOn=" + rejectedOn + "]";
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
    record ReportRebound(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate reportedOn)
            implements CaseCommand {
        @Override
        public String toString() {
            return "ReportRebound[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", reason="
                    + (reason == null ? "null" : "(" + reason.length() + " chars)") + ", reportedOn=" + reportedOn + "]";
        }
    }

    // ------------------------------------------------------------------ rows that feed the resolution work (since 0.2)

    /**
     * 并案: merges this case into another open case on the same matter. Writes only this case; the case service
     * then records the link on the surviving case ({@link RecordMergedCase}, keyed by the merge event).
     *
     * @param caseId the case that is merged away
     * @param key the idempotency key
     * @param actor who issues it
     * @param into the surviving case
     * @param reason why (free text, masked)
     * @param mergedOn the day
     * @since 0.2
     */
    record Merge(CaseId caseId, IdempotencyKey key, Actor actor, CaseId into, String reason, LocalDate mergedOn)
            implements CaseCommand {
        @Override
        public String toString() {
            return "Merge[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", into=" + into + ", reason="
                    + (reason == null ? "null" : "(" + reason.length() + " chars)") + ", mergedOn=" + mergedOn + "]";
        }
    }

    /**
     * 并入: records on the surviving case that another case was merged into it. Issued by the case service after
     * a {@link Merge}; refused from any other actor than the system.
     *
     * @param caseId the surviving case
     * @param key the idempotency key (derived from the merged case and its merge event)
     * @param actor the system
     * @param merged the case merged into this one
     * @param mergedOn the day of the merge
     * @since 0.2
     */
    record RecordMergedCase(CaseId caseId, IdempotencyKey key, Actor actor, CaseId merged, LocalDate mergedOn)
            implements CaseCommand {}

    /**
     * 重复信访: records that the petitioner petitioned again on the same matter; counted per case (件) and per
     * petition (件次); in FINAL or TERMINATED it is recorded as not accepted again. An input to escalation.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who records it
     * @param receivedOn the day the repeat petition was received
     * @param channel how it came
     * @param headcount how many people stood behind it, at least 1
     * @param skippedLevel how far it went past the proper level (越级/进京)
     * @since 0.2
     */
    record RecordRepeatPetition(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate receivedOn,
                                io.github.xinfang.petition.Channel channel, int headcount, SkippedLevel skippedLevel)
            implements CaseCommand {}

    /**
     * 回访: records a follow-up visit after the case was concluded, with the petitioner's rating.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who visited
     * @param satisfaction 满意, 基本满意 or 不满意
     * @param visitedOn the day
     * @since 0.2
     */
    record RecordFollowUpVisit(CaseId caseId, IdempotencyKey key, Actor actor, Satisfaction satisfaction, LocalDate visitedOn)
            implements CaseCommand {}

    /**
     * 督办/提醒函/问责建议函/挂牌督办: issues supervision to a unit, with a feedback due date (a duty clock). The
     * actor is the issuer; the addressee is never an accused unit.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor the issuer
     * @param kind the kind of supervision
     * @param addressee the unit that must give written feedback
     * @param issuedOn the day it was issued
     * @param feedbackDueOn the last day for the feedback, not before issuedOn
     * @since 0.2
     */
    record IssueSupervision(CaseId caseId, IdempotencyKey key, Actor actor, SupervisionKind kind, UnitId addressee,
                            LocalDate issuedOn, LocalDate feedbackDueOn) implements CaseCommand {}

    /**
     * 书面反馈: records the written feedback on a supervision; meets its feedback clock.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who gives the feedback
     * @param supervision the supervision's number on the case
     * @param feedback the feedback (free text, masked)
     * @param givenOn the day
     * @since 0.2
     */
    record RecordSupervisionFeedback(CaseId caseId, IdempotencyKey key, Actor actor, int supervision, String feedback,
                                     LocalDate givenOn) implements CaseCommand {
        @Override
        public String toString() {
            return "RecordSupervisionFeedback[caseId=" + caseId + ", key=" + key + ", actor=" + actor + ", supervision="
                    + supervision + ", feedback=" + (feedback == null ? "null" : "(" + feedback.length() + " chars)")
                    + ", givenOn=" + givenOn + "]";
        }
    }

    /**
     * 预警: records that a duty (replacement, plan step, batch target, supervision feedback) is due soon. Issued
     * by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, duty and due instant)
     * @param actor the sweep
     * @param duty the duty
     * @param dueAt the due instant the sweep saw
     * @since 0.2
     */
    record RecordDutyWarning(CaseId caseId, IdempotencyKey key, Actor actor, io.github.xinfang.time.DutyId duty, Instant dueAt)
            implements CaseCommand {}

    /**
     * 超期: records that a duty is overdue. Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, duty and due instant)
     * @param actor the sweep
     * @param duty the duty
     * @param dueAt the due instant the sweep saw
     * @since 0.2
     */
    record RecordDutyBreach(CaseId caseId, IdempotencyKey key, Actor actor, io.github.xinfang.time.DutyId duty, Instant dueAt)
            implements CaseCommand {}

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
    record ReassessEscalation(CaseId caseId, IdempotencyKey key, Actor actor) implements CaseCommand {}
}
