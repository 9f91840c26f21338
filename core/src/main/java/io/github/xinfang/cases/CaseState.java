package io.github.xinfang.cases;

import io.github.xinfang.directory.UnitId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The current state of a case on the procedure track: a pure function of its history
 * ({@link #replay}). Immutable; {@code toString} shows no personal data.
 *
 * @param caseId the case
 * @param lastSequence the sequence number of the last event applied
 * @param stage the procedure stage
 * @param profile the time-limit profile
 * @param petition the petition
 * @param handlingUnit the unit handling the case, or null before routing (and after an objection)
 * @param unitReceivedOn the day the handling unit received the matter, or null
 * @param acceptedOn the day of acceptance, or null
 * @param handlingStartedOn the day the current handling clock started (acceptance or reopening), or null
 * @param informedOn the day the petitioner was last told (告知), or null
 * @param extensionDays the extension granted on the current handling clock, 0 if none
 * @param proposer who proposed the pending conclusion, or null
 * @param outcome the outcome of the pending or approved conclusion, or null
 * @param conclusionApprovedOn the day the current conclusion was approved, or null
 * @param replyServedOn the day the written reply was served, or null
 * @param reviewRequestedOn the day review was requested, or null
 * @param reviewOpinionServedOn the day the review opinion was served, or null
 * @param reReviewRequestedOn the day re-review was requested, or null
 * @param lastFactOn the latest date of a legal fact so far
 * @param lastRecordedAt the latest {@code recordedAt} so far
 * @param reworkCount how many proposals were returned for rework
 * @param objectionCount how many objections were raised
 * @since 0.1
 */
public record CaseState(CaseId caseId, long lastSequence, Stage stage, String profile, Petition petition,
                        UnitId handlingUnit, LocalDate unitReceivedOn, LocalDate acceptedOn,
                        LocalDate handlingStartedOn, LocalDate informedOn, int extensionDays, Actor proposer,
                        Outcome outcome, LocalDate conclusionApprovedOn, LocalDate replyServedOn,
                        LocalDate reviewRequestedOn, LocalDate reviewOpinionServedOn, LocalDate reReviewRequestedOn,
                        LocalDate lastFactOn, Instant lastRecordedAt, int reworkCount, int objectionCount) {

    /** @throws NullPointerException naming a required argument that is null */
    public CaseState {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(petition, "petition");
        Objects.requireNonNull(lastFactOn, "lastFactOn");
        Objects.requireNonNull(lastRecordedAt, "lastRecordedAt");
        if (lastSequence < 1) throw new IllegalArgumentException("lastSequence must be at least 1");
    }

    /**
     * Replays a history from the start.
     *
     * @param history the events in sequence order, starting with the case's first event
     * @return the state after them
     * @throws IllegalArgumentException if the history is empty, out of order, or does not start with a first event
     */
    public static CaseState replay(List<? extends CaseEvent> history) {
        Objects.requireNonNull(history, "history");
        CaseState s = null;
        for (CaseEvent e : history) s = evolve(s, e);
        if (s == null) throw new IllegalArgumentException("history must not be empty");
        return s;
    }

    /**
     * Applies one event: the evolve function of the aggregate. Pure; never fails for a history that
     * {@link CaseDecider} produced.
     *
     * @param state the state before, or null when the event starts the case
     * @param event the event
     * @return the state after
     * @throws IllegalArgumentException if the event does not follow the state (wrong case, sequence or kind)
     */
    public static CaseState evolve(CaseState state, CaseEvent event) {
        Objects.requireNonNull(event, "event");
        if (state == null) {
            if (!(event instanceof CaseEvent.Registered)) {
                throw new IllegalArgumentException("event: a history must start with Registered, got " + event.getClass().getSimpleName());
            }
            if (event.sequence() != 1) throw new IllegalArgumentException("event: the first event must have sequence 1");
            CaseEvent.Registered r = (CaseEvent.Registered) event;
            return new CaseState(r.caseId(), 1, Stage.REGISTERED, r.profile(), r.petition(), null, null, null, null, null,
                    0, null, null, null, null, null, null, null, r.petition().receivedOn(), r.recordedAt(), 0, 0);
        }
        if (!event.caseId().equals(state.caseId)) throw new IllegalArgumentException("event: belongs to another case");
        if (event.sequence() != state.lastSequence + 1) {
            throw new IllegalArgumentException("event: expected sequence " + (state.lastSequence + 1) + ", got " + event.sequence());
        }
        Draft d = new Draft(state);
        d.lastSequence = event.sequence();
        d.lastRecordedAt = later(state.lastRecordedAt, event.recordedAt());
        if (event instanceof CaseEvent.Registered) {
            throw new IllegalArgumentException("event: Registered on an existing case");
        } else if (event instanceof CaseEvent.Routed e) {
            d.stage = Stage.ROUTED;
            d.handlingUnit = e.unit();
            d.unitReceivedOn = e.receivedOn();
            d.fact(e.receivedOn());
        } else if (event instanceof CaseEvent.ObjectionRaised e) {
            d.stage = Stage.REGISTERED;
            d.handlingUnit = null;
            d.unitReceivedOn = null;
            d.informedOn = null;
            d.objectionCount++;
            d.fact(e.objectedOn());
        } else if (event instanceof CaseEvent.TransferredOut e) {
            d.stage = Stage.TRANSFERRED_OUT;
            d.fact(e.transferredOn());
        } else if (event instanceof CaseEvent.Redirected e) {
            d.stage = Stage.REDIRECTED;
            d.fact(e.redirectedOn());
        } else if (event instanceof CaseEvent.Declined e) {
            d.stage = Stage.DECLINED;
            d.fact(e.declinedOn());
        } else if (event instanceof CaseEvent.PetitionerInformed e) {
            d.informedOn = e.servedOn();
            d.fact(e.servedOn());
        } else if (event instanceof CaseEvent.Accepted e) {
            d.stage = Stage.IN_HANDLING;
            d.acceptedOn = e.acceptedOn();
            d.handlingStartedOn = e.acceptedOn();
            d.fact(e.acceptedOn());
        } else if (event instanceof CaseEvent.Extended e) {
            d.extensionDays = e.days();
            d.fact(e.approvedOn());
            d.fact(e.petitionerToldOn());
        } else if (event instanceof CaseEvent.ConclusionProposed e) {
            d.stage = Stage.PENDING_APPROVAL;
            d.proposer = e.actor();
            d.outcome = e.outcome();
            d.fact(e.proposedOn());
        } else if (event instanceof CaseEvent.ConclusionApproved e) {
            d.stage = Stage.CONCLUDED;
            d.proposer = null;
            d.conclusionApprovedOn = e.approvedOn();
            d.fact(e.approvedOn());
        } else if (event instanceof CaseEvent.ReturnedForRework) {
            d.stage = Stage.IN_HANDLING;
            d.proposer = null;
            d.outcome = null;
            d.reworkCount++;
        } else if (event instanceof CaseEvent.ReplyServed e) {
            d.replyServedOn = e.servedOn();
            d.fact(e.servedOn());
        } else if (event instanceof CaseEvent.ReviewRequested e) {
            d.stage = Stage.UNDER_REVIEW;
            d.reviewRequestedOn = e.receivedOn();
            d.fact(e.receivedOn());
        } else if (event instanceof CaseEvent.ReviewConcluded e) {
            d.stage = Stage.REVIEWED;
            d.fact(e.concludedOn());
        } else if (event instanceof CaseEvent.ReviewOpinionServed e) {
            d.reviewOpinionServedOn = e.servedOn();
            d.fact(e.servedOn());
        } else if (event instanceof CaseEvent.ReReviewRequested e) {
            d.stage = Stage.UNDER_RE_REVIEW;
            d.reReviewRequestedOn = e.receivedOn();
            d.fact(e.receivedOn());
        } else if (event instanceof CaseEvent.ReReviewConcluded e) {
            d.stage = Stage.FINAL;
            d.fact(e.concludedOn());
        } else if (event instanceof CaseEvent.Reopened e) {
            d.stage = Stage.IN_HANDLING;
            d.handlingStartedOn = e.reopenedOn();
            d.extensionDays = 0;
            d.proposer = null;
            d.outcome = null;
            d.conclusionApprovedOn = null;
            d.replyServedOn = null;
            d.reviewRequestedOn = null;
            d.reviewOpinionServedOn = null;
            d.reReviewRequestedOn = null;
            d.fact(e.reopenedOn());
        } else if (event instanceof CaseEvent.Withdrawn e) {
            d.stage = Stage.WITHDRAWN;
            d.fact(e.withdrawnOn());
        } else {
            throw new AssertionError("unhandled event type " + event.getClass().getName());
        }
        return d.build();
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    @Override
    public String toString() {
        return "CaseState[caseId=" + caseId + ", lastSequence=" + lastSequence + ", stage=" + stage + ", profile=" + profile
                + ", category=" + petition.category() + ", region=" + petition.region() + ", handlingUnit=" + handlingUnit + "]";
    }

    /** A mutable copy used by {@link #evolve} only. */
    private static final class Draft {
        final CaseId caseId;
        long lastSequence;
        Stage stage;
        final String profile;
        final Petition petition;
        UnitId handlingUnit;
        LocalDate unitReceivedOn;
        LocalDate acceptedOn;
        LocalDate handlingStartedOn;
        LocalDate informedOn;
        int extensionDays;
        Actor proposer;
        Outcome outcome;
        LocalDate conclusionApprovedOn;
        LocalDate replyServedOn;
        LocalDate reviewRequestedOn;
        LocalDate reviewOpinionServedOn;
        LocalDate reReviewRequestedOn;
        LocalDate lastFactOn;
        Instant lastRecordedAt;
        int reworkCount;
        int objectionCount;

        Draft(CaseState s) {
            caseId = s.caseId;
            lastSequence = s.lastSequence;
            stage = s.stage;
            profile = s.profile;
            petition = s.petition;
            handlingUnit = s.handlingUnit;
            unitReceivedOn = s.unitReceivedOn;
            acceptedOn = s.acceptedOn;
            handlingStartedOn = s.handlingStartedOn;
            informedOn = s.informedOn;
            extensionDays = s.extensionDays;
            proposer = s.proposer;
            outcome = s.outcome;
            conclusionApprovedOn = s.conclusionApprovedOn;
            replyServedOn = s.replyServedOn;
            reviewRequestedOn = s.reviewRequestedOn;
            reviewOpinionServedOn = s.reviewOpinionServedOn;
            reReviewRequestedOn = s.reReviewRequestedOn;
            lastFactOn = s.lastFactOn;
            lastRecordedAt = s.lastRecordedAt;
            reworkCount = s.reworkCount;
            objectionCount = s.objectionCount;
        }

        void fact(LocalDate on) {
            if (on.isAfter(lastFactOn)) lastFactOn = on;
        }

        CaseState build() {
            return new CaseState(caseId, lastSequence, stage, profile, petition, handlingUnit, unitReceivedOn, acceptedOn,
                    handlingStartedOn, informedOn, extensionDays, proposer, outcome, conclusionApprovedOn, replyServedOn,
                    reviewRequestedOn, reviewOpinionServedOn, reReviewRequestedOn, lastFactOn, lastRecordedAt, reworkCount,
                    objectionCount);
        }
    }
}
