package io.github.xinfang.cases;

import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.cases.Procedure.*;
import io.github.xinfang.directory.UnitId;
import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the statutory procedure (the procedure track, DESIGN.md section 5): registration, routing, acceptance, handling, conclusion, review and re-review, and their corrections.
 * A closed set of immutable records; see {@link CaseCommand} for what every one carries. Free text is a {@link FormText};
 * a record holding one also takes it as a {@code String} (null for a missing text), through {@link FormText#ofNullable}.
 *
 * @since 0.4
 */
public sealed interface ProcedureCommand extends CaseCommand {
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
    record Register(CaseId caseId, IdempotencyKey key, Actor actor, PetitionForm petition, String profile) implements ProcedureCommand {}

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
    record Route(CaseId caseId, IdempotencyKey key, Actor actor, UnitId unit, LocalDate receivedOn) implements ProcedureCommand {}

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
    record RaiseObjection(CaseId caseId, IdempotencyKey key, Actor actor, FormText reason, LocalDate objectedOn) implements ProcedureCommand {
        public RaiseObjection(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate objectedOn) {
            this(caseId, key, actor, FormText.ofNullable(reason), objectedOn);
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
    record TransferOut(CaseId caseId, IdempotencyKey key, Actor actor, String organ, LocalDate transferredOn) implements ProcedureCommand {}

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
    record Redirect(CaseId caseId, IdempotencyKey key, Actor actor, LegalChannel channel, LocalDate redirectedOn) implements ProcedureCommand {}

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
    record Decline(CaseId caseId, IdempotencyKey key, Actor actor, DeclineReason reason, LocalDate declinedOn) implements ProcedureCommand {}

    /**
     * 告知: tells the petitioner in writing how the matter will be handled.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param servedOn the day the petitioner was told
     * @since 0.1
     */
    record InformPetitioner(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate servedOn) implements ProcedureCommand {}

    /**
     * 受理: the handling unit accepts the matter.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param acceptedOn the day of acceptance
     * @since 0.1
     */
    record Accept(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate acceptedOn) implements ProcedureCommand {}

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
    record Extend(CaseId caseId, IdempotencyKey key, Actor actor, int days, FormText reason, LocalDate approvedOn, LocalDate petitionerToldOn) implements ProcedureCommand {
        public Extend(CaseId caseId, IdempotencyKey key, Actor actor, int days, String reason, LocalDate approvedOn, LocalDate petitionerToldOn) {
            this(caseId, key, actor, days, FormText.ofNullable(reason), approvedOn, petitionerToldOn);
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
    record ProposeConclusion(CaseId caseId, IdempotencyKey key, Actor actor, Outcome outcome, FormText replyText, LocalDate proposedOn) implements ProcedureCommand {
        public ProposeConclusion(CaseId caseId, IdempotencyKey key, Actor actor, Outcome outcome, String replyText, LocalDate proposedOn) {
            this(caseId, key, actor, outcome, FormText.ofNullable(replyText), proposedOn);
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
    record ApproveConclusion(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate approvedOn) implements ProcedureCommand {}

    /**
     * 退回重办: returns the proposal for rework; the handling clock keeps running.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param reason why
     * @since 0.1
     */
    record ReturnForRework(CaseId caseId, IdempotencyKey key, Actor actor, FormText reason) implements ProcedureCommand {
        public ReturnForRework(CaseId caseId, IdempotencyKey key, Actor actor, String reason) {
            this(caseId, key, actor, FormText.ofNullable(reason));
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
    record ServeReply(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate servedOn) implements ProcedureCommand {}

    /**
     * 复查申请: the petitioner asks for review (申诉求决类 only).
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param receivedOn the day the request was received
     * @since 0.1
     */
    record RequestReview(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate receivedOn) implements ProcedureCommand {}

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
    record ConcludeReview(CaseId caseId, IdempotencyKey key, Actor actor, FormText opinion, LocalDate concludedOn) implements ProcedureCommand {
        public ConcludeReview(CaseId caseId, IdempotencyKey key, Actor actor, String opinion, LocalDate concludedOn) {
            this(caseId, key, actor, FormText.ofNullable(opinion), concludedOn);
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
    record ServeReviewOpinion(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate servedOn) implements ProcedureCommand {}

    /**
     * 复核申请: the petitioner asks for re-review (申诉求决类 only).
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param receivedOn the day the request was received
     * @since 0.1
     */
    record RequestReReview(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate receivedOn) implements ProcedureCommand {}

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
    record ConcludeReReview(CaseId caseId, IdempotencyKey key, Actor actor, FormText opinion, LocalDate concludedOn) implements ProcedureCommand {
        public ConcludeReReview(CaseId caseId, IdempotencyKey key, Actor actor, String opinion, LocalDate concludedOn) {
            this(caseId, key, actor, FormText.ofNullable(opinion), concludedOn);
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
    record Reopen(CaseId caseId, IdempotencyKey key, Actor actor, FormText reason, LocalDate reopenedOn) implements ProcedureCommand {
        public Reopen(CaseId caseId, IdempotencyKey key, Actor actor, String reason, LocalDate reopenedOn) {
            this(caseId, key, actor, FormText.ofNullable(reason), reopenedOn);
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
    record Withdraw(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate withdrawnOn) implements ProcedureCommand {}

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
                  UnitId handlingUnit, List<ImportedFact> facts) implements ProcedureCommand {}

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
    record RecordContact(CaseId caseId, IdempotencyKey key, Actor actor, ContactKind kind, LocalDate contactedOn) implements ProcedureCommand {}

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
    record GiveStageReply(CaseId caseId, IdempotencyKey key, Actor actor, FormText text, LocalDate repliedOn) implements ProcedureCommand {
        public GiveStageReply(CaseId caseId, IdempotencyKey key, Actor actor, String text, LocalDate repliedOn) {
            this(caseId, key, actor, FormText.ofNullable(text), repliedOn);
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
    record OpenHearing(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate openedOn) implements ProcedureCommand {}

    /**
     * Closes the open hearing.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who issues it
     * @param closedOn when
     * @since 0.1
     */
    record CloseHearing(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate closedOn) implements ProcedureCommand {}

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
    record CorrectPetition(CaseId caseId, IdempotencyKey key, Actor actor, PetitionForm petition, FormText reason) implements ProcedureCommand {
        public CorrectPetition(CaseId caseId, IdempotencyKey key, Actor actor, PetitionForm petition, String reason) {
            this(caseId, key, actor, petition, FormText.ofNullable(reason));
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
    record ChangeProfile(CaseId caseId, IdempotencyKey key, Actor actor, String profile, FormText reason) implements ProcedureCommand {
        public ChangeProfile(CaseId caseId, IdempotencyKey key, Actor actor, String profile, String reason) {
            this(caseId, key, actor, profile, FormText.ofNullable(reason));
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
    record Terminate(CaseId caseId, IdempotencyKey key, Actor actor, FormText legalBasis, LocalDate terminatedOn) implements ProcedureCommand {
        public Terminate(CaseId caseId, IdempotencyKey key, Actor actor, String legalBasis, LocalDate terminatedOn) {
            this(caseId, key, actor, FormText.ofNullable(legalBasis), terminatedOn);
        }
    }
}
