package io.github.xinfang.cases;

import io.github.xinfang.text.TextRule;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;

import io.github.xinfang.time.ClockId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What happened to a case: one entry of its history. A closed set; immutable records.
 *
 * <p>Every event has an id (case id and sequence), the actor, {@code recordedAt} from the service's clock,
 * and, where a time limit counts from it, the caller-supplied date of the legal fact. Events are never
 * rewritten. Their {@code toString} shows no personal data (petition data and free text mask themselves).
 *
 * @since 0.1
 */
public sealed interface CaseEvent {
    /** @return the event's id: its case and sequence number */
    EventId id();

    /** @return who caused it */
    Actor actor();

    /** @return when it was recorded (from the service's clock) */
    Instant recordedAt();

    /** @return the case the event belongs to */
    default CaseId caseId() {
        return id().caseId();
    }

    /** @return the event's sequence number within its case */
    default long sequence() {
        return id().sequence();
    }

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
    record Registered(EventId id, Actor actor, Instant recordedAt, String profile, Petition petition) implements CaseEvent {
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
    record Routed(EventId id, Actor actor, Instant recordedAt, UnitId unit, LocalDate receivedOn) implements CaseEvent {
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
    record ObjectionRaised(EventId id, Actor actor, Instant recordedAt, UnitId unit, FreeText reason, LocalDate objectedOn) implements CaseEvent {
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
    record TransferredOut(EventId id, Actor actor, Instant recordedAt, String organ, LocalDate transferredOn) implements CaseEvent {
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
    record Redirected(EventId id, Actor actor, Instant recordedAt, LegalChannel channel, LocalDate redirectedOn) implements CaseEvent {
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
    record Declined(EventId id, Actor actor, Instant recordedAt, DeclineReason reason, LocalDate declinedOn) implements CaseEvent {
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
    record PetitionerInformed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements CaseEvent {
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
    record Accepted(EventId id, Actor actor, Instant recordedAt, LocalDate acceptedOn) implements CaseEvent {
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
    record Extended(EventId id, Actor actor, Instant recordedAt, int days, FreeText reason, LocalDate approvedOn, LocalDate petitionerToldOn) implements CaseEvent {
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
    record ConclusionProposed(EventId id, Actor actor, Instant recordedAt, Outcome outcome, FreeText replyText, LocalDate proposedOn) implements CaseEvent {
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
    record ConclusionApproved(EventId id, Actor actor, Instant recordedAt, LocalDate approvedOn) implements CaseEvent {
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
    record ReturnedForRework(EventId id, Actor actor, Instant recordedAt, FreeText reason) implements CaseEvent {
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
    record ReplyServed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements CaseEvent {
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
    record ReviewRequested(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn) implements CaseEvent {
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
    record ReviewConcluded(EventId id, Actor actor, Instant recordedAt, FreeText opinion, LocalDate concludedOn) implements CaseEvent {
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
    record ReviewOpinionServed(EventId id, Actor actor, Instant recordedAt, LocalDate servedOn) implements CaseEvent {
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
    record ReReviewRequested(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn) implements CaseEvent {
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
    record ReReviewConcluded(EventId id, Actor actor, Instant recordedAt, FreeText opinion, LocalDate concludedOn) implements CaseEvent {
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
    record Reopened(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate reopenedOn) implements CaseEvent {
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
    record Withdrawn(EventId id, Actor actor, Instant recordedAt, LocalDate withdrawnOn) implements CaseEvent {
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
                    UnitId handlingUnit, List<ImportedFact> facts) implements CaseEvent {
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
    record ContactRecorded(EventId id, Actor actor, Instant recordedAt, ContactKind kind, LocalDate contactedOn) implements CaseEvent {
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
    record StageReplyGiven(EventId id, Actor actor, Instant recordedAt, FreeText text, LocalDate repliedOn) implements CaseEvent {
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
    record HearingOpened(EventId id, Actor actor, Instant recordedAt, LocalDate openedOn) implements CaseEvent {
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
    record HearingClosed(EventId id, Actor actor, Instant recordedAt, LocalDate closedOn) implements CaseEvent {
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
    record PetitionCorrected(EventId id, Actor actor, Instant recordedAt, Petition petition, FreeText reason) implements CaseEvent {
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
    record ProfileChanged(EventId id, Actor actor, Instant recordedAt, String profile, FreeText reason) implements CaseEvent {
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
    record Terminated(EventId id, Actor actor, Instant recordedAt, FreeText legalBasis, LocalDate terminatedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public Terminated {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(legalBasis, "legalBasis");
            Objects.requireNonNull(terminatedOn, "terminatedOn");
        }
    }

    /**
     * The sweep recorded that a duty clock is due soon (预警).
     *
     * @param id the event's id
     * @param actor the sweep
     * @param recordedAt when it was recorded
     * @param clock the clock
     * @param round its run
     * @param dueAt its due instant
     * @since 0.1
     */
    record WarningRecorded(EventId id, Actor actor, Instant recordedAt, ClockId clock, int round, Instant dueAt) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public WarningRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(dueAt, "dueAt");
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        }
    }

    /**
     * The sweep recorded that a duty clock is overdue (超期).
     *
     * @param id the event's id
     * @param actor the sweep
     * @param recordedAt when it was recorded
     * @param clock the clock
     * @param round its run
     * @param dueAt its due instant
     * @since 0.1
     */
    record BreachRecorded(EventId id, Actor actor, Instant recordedAt, ClockId clock, int round, Instant dueAt) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public BreachRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(dueAt, "dueAt");
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        }
    }

    /**
     * The sweep recorded that a window lapsed unused.
     *
     * @param id the event's id
     * @param actor the sweep
     * @param recordedAt when it was recorded
     * @param clock the window
     * @param round its run
     * @param dueAt its end
     * @since 0.1
     */
    record LapseRecorded(EventId id, Actor actor, Instant recordedAt, ClockId clock, int round, Instant dueAt) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public LapseRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(dueAt, "dueAt");
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        }
    }

    // ---------------------------------------------------------------- resolution track (积案化解)

    /**
     * The case was designated backlog (列为积案) and is on the resolution track.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param source where it came from
     * @param designatedOn the day
     * @since 0.2
     */
    record BacklogDesignated(EventId id, Actor actor, Instant recordedAt, BacklogSource source, LocalDate designatedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public BacklogDesignated {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(designatedOn, "designatedOn");

        }
    }

    /**
     * The case was enrolled in a batch handed down by a higher level (纳入上级交办批次).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param batch the batch
     * @param level the issuing level
     * @param batchName the batch's name
     * @param targetDate the day the batch is to be cleared
     * @param enrolledOn the day of enrolment
     * @since 0.2
     */
    record BatchEnrolled(EventId id, Actor actor, Instant recordedAt, BatchId batch, IssuingLevel level, String batchName, LocalDate targetDate, LocalDate enrolledOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public BatchEnrolled {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(level, "level");
            TextRule.LINE.require(batchName, "batchName", Integer.MAX_VALUE);   // the command's check bounds the length
            Objects.requireNonNull(targetDate, "targetDate");
            Objects.requireNonNull(enrolledOn, "enrolledOn");

        }
    }

    /**
     * The case was flagged a hard case (钉子案/骨头案).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason why
     * @param flaggedOn the day
     * @since 0.2
     */
    record HardCaseFlagged(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate flaggedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public HardCaseFlagged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(flaggedOn, "flaggedOn");

        }
    }

    /**
     * A package leader was assigned (领导包案); the track is IN_RESOLUTION.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param leader the package leader
     * @param leadUnit the lead unit
     * @param taskForce the task force
     * @param coUnits the co-units
     * @param assignedOn the day
     * @since 0.2
     */
    record PackageLeaderAssigned(EventId id, Actor actor, Instant recordedAt, OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits, LocalDate assignedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public PackageLeaderAssigned {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(leader, "leader");
            Objects.requireNonNull(leadUnit, "leadUnit");
            Objects.requireNonNull(taskForce, "taskForce");
            Objects.requireNonNull(coUnits, "coUnits");
            Objects.requireNonNull(assignedOn, "assignedOn");
            taskForce = List.copyOf(taskForce);
            coUnits = List.copyOf(coUnits);
        }
    }

    /**
     * The package leader was replaced: the active assignment ended and the new one started, in this one event.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param leader the new package leader
     * @param leadUnit the lead unit
     * @param taskForce the task force
     * @param coUnits the co-units
     * @param reason why
     * @param replacedOn the day
     * @since 0.2
     */
    record PackageLeaderReplaced(EventId id, Actor actor, Instant recordedAt, OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits, ReplacementReason reason, LocalDate replacedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public PackageLeaderReplaced {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(leader, "leader");
            Objects.requireNonNull(leadUnit, "leadUnit");
            Objects.requireNonNull(taskForce, "taskForce");
            Objects.requireNonNull(coUnits, "coUnits");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(replacedOn, "replacedOn");
            taskForce = List.copyOf(taskForce);
            coUnits = List.copyOf(coUnits);
        }
    }

    /**
     * A plan version was recorded (化解方案); it supersedes the one before, which is kept.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param version the plan's version, from 1
     * @param steps the steps
     * @param recordedOn the day
     * @since 0.2
     */
    record PlanRecorded(EventId id, Actor actor, Instant recordedAt, int version, List<Resolution.PlanStep> steps, LocalDate recordedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public PlanRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(steps, "steps");
            Objects.requireNonNull(recordedOn, "recordedOn");
            steps = List.copyOf(steps);
        }
    }

    /**
     * A step of a plan was done.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param version the plan's version
     * @param step the step's number, from 1
     * @param doneOn the day
     * @since 0.2
     */
    record PlanStepDone(EventId id, Actor actor, Instant recordedAt, int version, int step, LocalDate doneOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public PlanStepDone {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(doneOn, "doneOn");

        }
    }

    /**
     * A resolution was claimed (申请化解); the track is CLAIMED.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param kind 实体化解 or 程序化解
     * @param evidence the evidence summary
     * @param claimedOn the day
     * @since 0.2
     */
    record ResolutionClaimed(EventId id, Actor actor, Instant recordedAt, ResolutionKind kind, FreeText evidence, LocalDate claimedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public ResolutionClaimed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(claimedOn, "claimedOn");

        }
    }

    /**
     * The claimed resolution was approved (审核销号); the active assignment ended; the track is RESOLVED.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param approvedOn the day
     * @since 0.2
     */
    record ResolutionApproved(EventId id, Actor actor, Instant recordedAt, LocalDate approvedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public ResolutionApproved {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(approvedOn, "approvedOn");

        }
    }

    /**
     * The claimed resolution was returned (退回); the track is IN_RESOLUTION again.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason why
     * @param rejectedOn the day
     * @since 0.2
     */
    record ResolutionRejected(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate rejectedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public ResolutionRejected {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rejectedOn, "rejectedOn");

        }
    }

    /**
     * A resolved case flared up again (反弹); the track is OPEN and a leader must be assigned again.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason why
     * @param reportedOn the day
     * @since 0.2
     */
    record ReboundReported(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate reportedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public ReboundReported {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(reportedOn, "reportedOn");

        }
    }

    /**
     * 提级包案: the required rank of the package leader rose; recorded by the case service with the event that changed an escalation input.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param rank the new required rank
     * @param rules the names of the rules that fired
     * @since 0.2
     */
    record RequiredRankRaised(EventId id, Actor actor, Instant recordedAt, RequiredRank rank, List<String> rules) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public RequiredRankRaised {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(rank, "rank");
            Objects.requireNonNull(rules, "rules");
            rules = List.copyOf(rules);
        }
    }

    /**
     * The case was merged into another (并案); it is terminal now.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param into the surviving case
     * @param reason why
     * @param mergedOn the day
     * @since 0.2
     */
    record Merged(EventId id, Actor actor, Instant recordedAt, CaseId into, FreeText reason, LocalDate mergedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public Merged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(into, "into");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(mergedOn, "mergedOn");
        }
    }

    /**
     * Another case was merged into this one (并入); recorded by the case service after the merge.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param merged the case merged into this one
     * @param mergedOn the day of the merge
     * @since 0.2
     */
    record MergedCaseRecorded(EventId id, Actor actor, Instant recordedAt, CaseId merged, LocalDate mergedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public MergedCaseRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(merged, "merged");
            Objects.requireNonNull(mergedOn, "mergedOn");
        }
    }

    /**
     * The petitioner petitioned again on the same matter (重复信访).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param receivedOn the day it was received
     * @param channel how it came
     * @param headcount how many people stood behind it
     * @param skippedLevel how far it went past the proper level
     * @param acceptedAgain false when the case was FINAL or TERMINATED
     * @since 0.2
     */
    record RepeatPetitionRecorded(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn, io.github.xinfang.petition.Channel channel, int headcount, SkippedLevel skippedLevel, boolean acceptedAgain) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public RepeatPetitionRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(receivedOn, "receivedOn");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(skippedLevel, "skippedLevel");
        }
    }

    /**
     * A follow-up visit took place (回访).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param satisfaction the petitioner's rating
     * @param visitedOn the day
     * @since 0.2
     */
    record FollowUpVisitRecorded(EventId id, Actor actor, Instant recordedAt, Satisfaction satisfaction, LocalDate visitedOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public FollowUpVisitRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(satisfaction, "satisfaction");
            Objects.requireNonNull(visitedOn, "visitedOn");
        }
    }

    /**
     * Supervision was issued (督办/提醒函/问责建议函/挂牌督办); its feedback clock starts.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param number its number on the case, from 1
     * @param kind the kind
     * @param addressee the unit that must give feedback
     * @param issuedOn the day it was issued
     * @param feedbackDueOn the last day for the feedback
     * @since 0.2
     */
    record SupervisionIssued(EventId id, Actor actor, Instant recordedAt, int number, SupervisionKind kind, UnitId addressee, LocalDate issuedOn, LocalDate feedbackDueOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public SupervisionIssued {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(addressee, "addressee");
            Objects.requireNonNull(issuedOn, "issuedOn");
            Objects.requireNonNull(feedbackDueOn, "feedbackDueOn");
        }
    }

    /**
     * Written feedback on a supervision was given (书面反馈); its clock is met.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param number the supervision's number
     * @param feedback the feedback
     * @param givenOn the day
     * @since 0.2
     */
    record SupervisionFeedbackRecorded(EventId id, Actor actor, Instant recordedAt, int number, FreeText feedback, LocalDate givenOn) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public SupervisionFeedbackRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(givenOn, "givenOn");
        }
    }

    /**
     * The active package leader is below a raised required rank: the clock to replace them starts (提级包案).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param round the replacement round, from 1
     * @param startedOn the day it starts
     * @param limit the limit counted from that day
     * @since 0.2
     */
    record ReplacementClockStarted(EventId id, Actor actor, Instant recordedAt, int round, LocalDate startedOn, io.github.xinfang.calendar.TimeLimit limit) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public ReplacementClockStarted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(startedOn, "startedOn");
            Objects.requireNonNull(limit, "limit");
        }
    }

    /**
     * The deadline sweep recorded that a duty is due soon (预警).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param duty the duty
     * @param dueAt its due instant
     * @since 0.2
     */
    record DutyWarningRecorded(EventId id, Actor actor, Instant recordedAt, io.github.xinfang.time.DutyId duty, Instant dueAt) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public DutyWarningRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(duty, "duty");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * The deadline sweep recorded that a duty is overdue (超期).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param duty the duty
     * @param dueAt its due instant
     * @since 0.2
     */
    record DutyBreachRecorded(EventId id, Actor actor, Instant recordedAt, io.github.xinfang.time.DutyId duty, Instant dueAt) implements CaseEvent {
        /** @throws NullPointerException naming a null argument */
        public DutyBreachRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(duty, "duty");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }
}
