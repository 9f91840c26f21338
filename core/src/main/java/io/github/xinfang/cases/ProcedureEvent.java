package io.github.xinfang.cases;

import io.github.xinfang.text.TextRule;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Events of the statutory procedure (the procedure track, DESIGN.md section 5).
 * A closed set of immutable records; see {@link CaseEvent} for what every one carries.
 *
 * @since 0.4
 */
public sealed interface ProcedureEvent extends CaseEvent {
    /**
     * The case was registered (登记); the routing clock starts at the petition's receipt.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param profile the time-limit profile chosen for the case
     * @param petition the parsed petition
     * @since 0.1
     */
    record Registered(EventId id, Actor actor, Instant recordedAt, String profile, Petition petition) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Registered {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            TextRule.ID.require(profile, "profile", 64);
            Objects.requireNonNull(petition, "petition");
        }
    }

    /**
     * The case was routed to a handling unit (交办/转送).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param unit the handling unit
     * @param receivedOn the day the unit received it
     * @since 0.1
     */
    record Routed(EventId id, Actor actor, Instant recordedAt, UnitId unit, LocalDate receivedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Routed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(receivedOn, "receivedOn");
        }
    }

    /**
     * The handling unit objected (异议); the case is back with the office and a new routing clock runs.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param unit the unit that objected
     * @param reason the reasons
     * @param objectedOn the day of the objection
     * @since 0.1
     */
    record ObjectionRaised(EventId id, Actor actor, Instant recordedAt, UnitId unit, FreeText reason, LocalDate objectedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ObjectionRaised {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(objectedOn, "objectedOn");
        }
    }

    /**
     * The case was transferred to an organ outside the portal (转出).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param organ the receiving organ
     * @param transferredOn the day
     * @since 0.1
     */
    record TransferredOut(EventId id, Actor actor, Instant recordedAt, String organ, LocalDate transferredOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public TransferredOut {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            TextRule.LINE.require(organ, "organ", Integer.MAX_VALUE);   // the command's check bounds the length
            Objects.requireNonNull(transferredOn, "transferredOn");
        }
    }

    /**
     * The claim was sent into a statutory channel (Art. 31(1) to (5)).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param channel the channel
     * @param redirectedOn the day
     * @since 0.1
     */
    record Redirected(EventId id, Actor actor, Instant recordedAt, LegalChannel channel, LocalDate redirectedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Redirected {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(redirectedOn, "redirectedOn");
        }
    }

    /**
     * The petition was declined (不予受理).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason the reason code
     * @param declinedOn the day
     * @since 0.1
     */
    record Declined(EventId id, Actor actor, Instant recordedAt, DeclineReason reason, LocalDate declinedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Declined {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(declinedOn, "declinedOn");
        }
    }

    /**
     * The petitioner was told in writing how the matter is handled (告知).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param servedOn the day
     * @since 0.1
     */
    record PetitionerInformed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public PetitionerInformed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(servedOn, "servedOn");
        }
    }

    /**
     * The handling unit accepted the matter (受理).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param acceptedOn the day
     * @since 0.1
     */
    record Accepted(EventId id, Actor actor, Instant recordedAt, LocalDate acceptedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Accepted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(acceptedOn, "acceptedOn");
        }
    }

    /**
     * The handling limit was extended (延期).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param days the extension in days
     * @param reason why
     * @param approvedOn the day of approval
     * @param petitionerToldOn the day the petitioner was told
     * @since 0.1
     */
    record Extended(EventId id, Actor actor, Instant recordedAt, int days, FreeText reason, LocalDate approvedOn, LocalDate petitionerToldOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Extended {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            if (days < 1) throw new IllegalArgumentException("days must be at least 1");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(approvedOn, "approvedOn");
            Objects.requireNonNull(petitionerToldOn, "petitionerToldOn");
        }
    }

    /**
     * A conclusion was proposed (报结).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param outcome the Art. 32 outcome, or null outside 申诉求决类
     * @param replyText the written reply
     * @param proposedOn the day
     * @since 0.1
     */
    record ConclusionProposed(EventId id, Actor actor, Instant recordedAt, Outcome outcome, FreeText replyText, LocalDate proposedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ConclusionProposed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(replyText, "replyText");
            Objects.requireNonNull(proposedOn, "proposedOn");
        }
    }

    /**
     * The conclusion was approved (办结).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param approvedOn the day
     * @since 0.1
     */
    record ConclusionApproved(EventId id, Actor actor, Instant recordedAt, LocalDate approvedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ConclusionApproved {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(approvedOn, "approvedOn");
        }
    }

    /**
     * The proposal was returned for rework (退回重办).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason why
     * @since 0.1
     */
    record ReturnedForRework(EventId id, Actor actor, Instant recordedAt, FreeText reason) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ReturnedForRework {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The written reply was served (送达).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param servedOn the day
     * @since 0.1
     */
    record ReplyServed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ReplyServed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(servedOn, "servedOn");
        }
    }

    /**
     * Review was requested (复查申请).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param receivedOn the day the request was received
     * @since 0.1
     */
    record ReviewRequested(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ReviewRequested {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(receivedOn, "receivedOn");
        }
    }

    /**
     * The review opinion was given (复查意见).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param opinion the opinion
     * @param concludedOn the day
     * @since 0.1
     */
    record ReviewConcluded(EventId id, Actor actor, Instant recordedAt, FreeText opinion, LocalDate concludedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ReviewConcluded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(opinion, "opinion");
            Objects.requireNonNull(concludedOn, "concludedOn");
        }
    }

    /**
     * The review opinion was served.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param servedOn the day
     * @since 0.1
     */
    record ReviewOpinionServed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ReviewOpinionServed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(servedOn, "servedOn");
        }
    }

    /**
     * Re-review was requested (复核申请).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param receivedOn the day the request was received
     * @since 0.1
     */
    record ReReviewRequested(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ReReviewRequested {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(receivedOn, "receivedOn");
        }
    }

    /**
     * The re-review opinion was given (复核意见); the case is final.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param opinion the opinion
     * @param concludedOn the day
     * @since 0.1
     */
    record ReReviewConcluded(EventId id, Actor actor, Instant recordedAt, FreeText opinion, LocalDate concludedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ReReviewConcluded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(opinion, "opinion");
            Objects.requireNonNull(concludedOn, "concludedOn");
        }
    }

    /**
     * The case was reopened (重新办理).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason why
     * @param reopenedOn the day
     * @since 0.1
     */
    record Reopened(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate reopenedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Reopened {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(reopenedOn, "reopenedOn");
        }
    }

    /**
     * The petitioner withdrew (撤回).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param withdrawnOn the day
     * @since 0.1
     */
    record Withdrawn(EventId id, Actor actor, Instant recordedAt, LocalDate withdrawnOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Withdrawn {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(withdrawnOn, "withdrawnOn");
        }
    }

    /**
     * A case was brought in from an earlier system, with its stage and dated facts.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
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
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            TextRule.ID.require(profile, "profile", 64);
            Objects.requireNonNull(petition, "petition");
            Objects.requireNonNull(stage, "stage");
            facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        }
    }

    /**
     * A contact with the petitioner was recorded.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param kind how
     * @param contactedOn when
     * @since 0.1
     */
    record ContactRecorded(EventId id, Actor actor, Instant recordedAt, ContactKind kind, LocalDate contactedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ContactRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(contactedOn, "contactedOn");
        }
    }

    /**
     * A stage reply was given (阶段性答复).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param text the reply
     * @param repliedOn when
     * @since 0.1
     */
    record StageReplyGiven(EventId id, Actor actor, Instant recordedAt, FreeText text, LocalDate repliedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public StageReplyGiven {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(repliedOn, "repliedOn");
        }
    }

    /**
     * A hearing was opened (听证).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param openedOn when
     * @since 0.1
     */
    record HearingOpened(EventId id, Actor actor, Instant recordedAt, LocalDate openedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public HearingOpened {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(openedOn, "openedOn");
        }
    }

    /**
     * The open hearing was closed.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param closedOn when
     * @since 0.1
     */
    record HearingClosed(EventId id, Actor actor, Instant recordedAt, LocalDate closedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public HearingClosed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(closedOn, "closedOn");
        }
    }

    /**
     * The petition's data or category was corrected (更正/改类).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param petition the corrected petition
     * @param reason why
     * @since 0.1
     */
    record PetitionCorrected(EventId id, Actor actor, Instant recordedAt, Petition petition, FreeText reason) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public PetitionCorrected {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(petition, "petition");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The case's profile was changed.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param profile the new profile
     * @param reason why
     * @since 0.1
     */
    record ProfileChanged(EventId id, Actor actor, Instant recordedAt, String profile, FreeText reason) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public ProfileChanged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            TextRule.ID.require(profile, "profile", 64);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The case was terminated (终结).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param legalBasis the legal basis
     * @param terminatedOn when
     * @since 0.1
     */
    record Terminated(EventId id, Actor actor, Instant recordedAt, FreeText legalBasis, LocalDate terminatedOn) implements ProcedureEvent {
        /** @throws NullPointerException naming a null argument */
        public Terminated {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(legalBasis, "legalBasis");
            Objects.requireNonNull(terminatedOn, "terminatedOn");
        }
    }
}
