package io.github.xinfang.cases;

import io.github.xinfang.cases.Procedure.*;
import io.github.xinfang.text.TextRule;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Events of the statutory procedure (the procedure track, DESIGN.md section 5).
 * A closed set of immutable records. Every record starts with the three components every event has ({@code id},
 * {@code actor}, {@code recordedAt}: see {@link CaseEvent}); its constructor throws {@link NullPointerException}
 * naming a required component that is null.
 *
 * @since 0.4
 */
public sealed interface ProcedureEvent extends CaseEvent {
    /**
     * The case was registered (登记); the routing clock starts at the petition's receipt.
     *
     * @param profile the time-limit profile chosen for the case
     * @param petition the parsed petition
     * @since 0.1
     */
    record Registered(EventId id, Actor actor, Instant recordedAt, String profile, Petition petition) implements ProcedureEvent {
        public Registered {
            Components.nonNull(Registered.class, id, actor, recordedAt);
            TextRule.ID.require(profile, "profile", 64);
            Objects.requireNonNull(petition, "petition");
        }
    }

    /**
     * The case was routed to a handling unit (交办/转送).
     *
     * @param unit the handling unit
     * @param receivedOn the day the unit received it
     * @since 0.1
     */
    record Routed(EventId id, Actor actor, Instant recordedAt, UnitId unit, LocalDate receivedOn) implements ProcedureEvent {
        public Routed {
            Components.nonNull(Routed.class, id, actor, recordedAt, unit, receivedOn);
        }
    }

    /**
     * The handling unit objected (异议); the case is back with the office and a new routing clock runs.
     *
     * @param unit the unit that objected
     * @param reason the reasons
     * @param objectedOn the day of the objection
     * @since 0.1
     */
    record ObjectionRaised(EventId id, Actor actor, Instant recordedAt, UnitId unit, FreeText reason, LocalDate objectedOn) implements ProcedureEvent {
        public ObjectionRaised {
            Components.nonNull(ObjectionRaised.class, id, actor, recordedAt, unit, reason, objectedOn);
        }
    }

    /**
     * The case was transferred to an organ outside the portal (转出).
     *
     * @param organ the receiving organ
     * @param transferredOn the day
     * @since 0.1
     */
    record TransferredOut(EventId id, Actor actor, Instant recordedAt, String organ, LocalDate transferredOn) implements ProcedureEvent {
        public TransferredOut {
            Components.nonNull(TransferredOut.class, id, actor, recordedAt);
            TextRule.LINE.require(organ, "organ", Integer.MAX_VALUE);   // the command's check bounds the length
            Objects.requireNonNull(transferredOn, "transferredOn");
        }
    }

    /**
     * The claim was sent into a statutory channel (Art. 31(1) to (5)).
     *
     * @param channel the channel
     * @param redirectedOn the day
     * @since 0.1
     */
    record Redirected(EventId id, Actor actor, Instant recordedAt, LegalChannel channel, LocalDate redirectedOn) implements ProcedureEvent {
        public Redirected {
            Components.nonNull(Redirected.class, id, actor, recordedAt, channel, redirectedOn);
        }
    }

    /**
     * The petition was declined (不予受理).
     *
     * @param reason the reason code
     * @param declinedOn the day
     * @since 0.1
     */
    record Declined(EventId id, Actor actor, Instant recordedAt, DeclineReason reason, LocalDate declinedOn) implements ProcedureEvent {
        public Declined {
            Components.nonNull(Declined.class, id, actor, recordedAt, reason, declinedOn);
        }
    }

    /**
     * The petitioner was told in writing how the matter is handled (告知).
     *
     * @param servedOn the day
     * @since 0.1
     */
    record PetitionerInformed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements ProcedureEvent {
        public PetitionerInformed {
            Components.nonNull(PetitionerInformed.class, id, actor, recordedAt, servedOn);
        }
    }

    /**
     * The handling unit accepted the matter (受理).
     *
     * @param acceptedOn the day
     * @since 0.1
     */
    record Accepted(EventId id, Actor actor, Instant recordedAt, LocalDate acceptedOn) implements ProcedureEvent {
        public Accepted {
            Components.nonNull(Accepted.class, id, actor, recordedAt, acceptedOn);
        }
    }

    /**
     * The handling limit was extended (延期).
     *
     * @param days the extension in days
     * @param reason why
     * @param approvedOn the day of approval
     * @param petitionerToldOn the day the petitioner was told
     * @since 0.1
     */
    record Extended(EventId id, Actor actor, Instant recordedAt, int days, FreeText reason, LocalDate approvedOn, LocalDate petitionerToldOn) implements ProcedureEvent {
        public Extended {
            Components.nonNull(Extended.class, id, actor, recordedAt);
            if (days < 1) throw new IllegalArgumentException("days must be at least 1");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(approvedOn, "approvedOn");
            Objects.requireNonNull(petitionerToldOn, "petitionerToldOn");
        }
    }

    /**
     * A conclusion was proposed (报结).
     *
     * @param outcome the Art. 32 outcome, or null outside 申诉求决类
     * @param replyText the written reply
     * @param proposedOn the day
     * @since 0.1
     */
    record ConclusionProposed(EventId id, Actor actor, Instant recordedAt, Outcome outcome, FreeText replyText, LocalDate proposedOn) implements ProcedureEvent {
        public ConclusionProposed {
            Components.nonNull(ConclusionProposed.class, id, actor, recordedAt);
            Objects.requireNonNull(replyText, "replyText");
            Objects.requireNonNull(proposedOn, "proposedOn");
        }
    }

    /**
     * The conclusion was approved (办结).
     *
     * @param approvedOn the day
     * @since 0.1
     */
    record ConclusionApproved(EventId id, Actor actor, Instant recordedAt, LocalDate approvedOn) implements ProcedureEvent {
        public ConclusionApproved {
            Components.nonNull(ConclusionApproved.class, id, actor, recordedAt, approvedOn);
        }
    }

    /**
     * The proposal was returned for rework (退回重办).
     *
     * @param reason why
     * @since 0.1
     */
    record ReturnedForRework(EventId id, Actor actor, Instant recordedAt, FreeText reason) implements ProcedureEvent {
        public ReturnedForRework {
            Components.nonNull(ReturnedForRework.class, id, actor, recordedAt, reason);
        }
    }

    /**
     * The written reply was served (送达).
     *
     * @param servedOn the day
     * @since 0.1
     */
    record ReplyServed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements ProcedureEvent {
        public ReplyServed {
            Components.nonNull(ReplyServed.class, id, actor, recordedAt, servedOn);
        }
    }

    /**
     * Review was requested (复查申请).
     *
     * @param receivedOn the day the request was received
     * @since 0.1
     */
    record ReviewRequested(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn) implements ProcedureEvent {
        public ReviewRequested {
            Components.nonNull(ReviewRequested.class, id, actor, recordedAt, receivedOn);
        }
    }

    /**
     * The review opinion was given (复查意见).
     *
     * @param opinion the opinion
     * @param concludedOn the day
     * @since 0.1
     */
    record ReviewConcluded(EventId id, Actor actor, Instant recordedAt, FreeText opinion, LocalDate concludedOn) implements ProcedureEvent {
        public ReviewConcluded {
            Components.nonNull(ReviewConcluded.class, id, actor, recordedAt, opinion, concludedOn);
        }
    }

    /**
     * The review opinion was served.
     *
     * @param servedOn the day
     * @since 0.1
     */
    record ReviewOpinionServed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements ProcedureEvent {
        public ReviewOpinionServed {
            Components.nonNull(ReviewOpinionServed.class, id, actor, recordedAt, servedOn);
        }
    }

    /**
     * Re-review was requested (复核申请).
     *
     * @param receivedOn the day the request was received
     * @since 0.1
     */
    record ReReviewRequested(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn) implements ProcedureEvent {
        public ReReviewRequested {
            Components.nonNull(ReReviewRequested.class, id, actor, recordedAt, receivedOn);
        }
    }

    /**
     * The re-review opinion was given (复核意见); the case is final.
     *
     * @param opinion the opinion
     * @param concludedOn the day
     * @since 0.1
     */
    record ReReviewConcluded(EventId id, Actor actor, Instant recordedAt, FreeText opinion, LocalDate concludedOn) implements ProcedureEvent {
        public ReReviewConcluded {
            Components.nonNull(ReReviewConcluded.class, id, actor, recordedAt, opinion, concludedOn);
        }
    }

    /**
     * The case was reopened (重新办理).
     *
     * @param reason why
     * @param reopenedOn the day
     * @since 0.1
     */
    record Reopened(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate reopenedOn) implements ProcedureEvent {
        public Reopened {
            Components.nonNull(Reopened.class, id, actor, recordedAt, reason, reopenedOn);
        }
    }

    /**
     * The petitioner withdrew (撤回).
     *
     * @param withdrawnOn the day
     * @since 0.1
     */
    record Withdrawn(EventId id, Actor actor, Instant recordedAt, LocalDate withdrawnOn) implements ProcedureEvent {
        public Withdrawn {
            Components.nonNull(Withdrawn.class, id, actor, recordedAt, withdrawnOn);
        }
    }

    /**
     * A case was brought in from an earlier system, with its stage and dated facts.
     *
     * @param profile the case's profile
     * @param petition the parsed petition
     * @param stage the stage it was in
     * @param handlingUnit the handling unit, or null before routing
     * @param facts the dated facts, in order
     * @since 0.1
     */
    record Imported(EventId id, Actor actor, Instant recordedAt, String profile, Petition petition, Stage stage,
                    UnitId handlingUnit, List<ImportedFact> facts) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument (handlingUnit may be null) */
        public Imported {
            Components.nonNull(Imported.class, id, actor, recordedAt);
            TextRule.ID.require(profile, "profile", 64);
            Objects.requireNonNull(petition, "petition");
            Objects.requireNonNull(stage, "stage");
            facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        }
    }

    /**
     * A contact with the petitioner was recorded.
     *
     * @param kind how
     * @param contactedOn when
     * @since 0.1
     */
    record ContactRecorded(EventId id, Actor actor, Instant recordedAt, ContactKind kind, LocalDate contactedOn) implements ProcedureEvent {
        public ContactRecorded {
            Components.nonNull(ContactRecorded.class, id, actor, recordedAt, kind, contactedOn);
        }
    }

    /**
     * A stage reply was given (阶段性答复).
     *
     * @param text the reply
     * @param repliedOn when
     * @since 0.1
     */
    record StageReplyGiven(EventId id, Actor actor, Instant recordedAt, FreeText text, LocalDate repliedOn) implements ProcedureEvent {
        public StageReplyGiven {
            Components.nonNull(StageReplyGiven.class, id, actor, recordedAt, text, repliedOn);
        }
    }

    /**
     * A hearing was opened (听证).
     *
     * @param openedOn when
     * @since 0.1
     */
    record HearingOpened(EventId id, Actor actor, Instant recordedAt, LocalDate openedOn) implements ProcedureEvent {
        public HearingOpened {
            Components.nonNull(HearingOpened.class, id, actor, recordedAt, openedOn);
        }
    }

    /**
     * The open hearing was closed.
     *
     * @param closedOn when
     * @since 0.1
     */
    record HearingClosed(EventId id, Actor actor, Instant recordedAt, LocalDate closedOn) implements ProcedureEvent {
        public HearingClosed {
            Components.nonNull(HearingClosed.class, id, actor, recordedAt, closedOn);
        }
    }

    /**
     * The petition's data or category was corrected (更正/改类).
     *
     * @param petition the corrected petition
     * @param reason why
     * @since 0.1
     */
    record PetitionCorrected(EventId id, Actor actor, Instant recordedAt, Petition petition, FreeText reason) implements ProcedureEvent {
        public PetitionCorrected {
            Components.nonNull(PetitionCorrected.class, id, actor, recordedAt, petition, reason);
        }
    }

    /**
     * The case's profile was changed.
     *
     * @param profile the new profile
     * @param reason why
     * @since 0.1
     */
    record ProfileChanged(EventId id, Actor actor, Instant recordedAt, String profile, FreeText reason) implements ProcedureEvent {
        public ProfileChanged {
            Components.nonNull(ProfileChanged.class, id, actor, recordedAt);
            TextRule.ID.require(profile, "profile", 64);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The case was terminated (终结).
     *
     * @param legalBasis the legal basis
     * @param terminatedOn when
     * @since 0.1
     */
    record Terminated(EventId id, Actor actor, Instant recordedAt, FreeText legalBasis, LocalDate terminatedOn) implements ProcedureEvent {
        public Terminated {
            Components.nonNull(Terminated.class, id, actor, recordedAt, legalBasis, terminatedOn);
        }
    }
}
