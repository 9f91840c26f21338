package io.github.xinfang.cases;

import io.github.xinfang.directory.UnitId;
import io.github.xinfang.time.ClockId;
import io.github.xinfang.time.ClockLedger;
import io.github.xinfang.time.Duty;
import io.github.xinfang.time.DutyId;
import io.github.xinfang.time.DutyLedger;
import io.github.xinfang.time.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The evolve function of the case aggregate, behind {@link CaseState#evolve}: one event applied to a state, through
 * a mutable draft of it, the resolution track's part by {@link ResolutionEvolution}. Pure and stateless.
 */
final class CaseEvolution {
    private CaseEvolution() {}

    static CaseState evolve(CaseState state, CaseEvent event) {
        Objects.requireNonNull(event, "event");
        if (state == null && event instanceof ProcedureEvent.Imported im) {
            if (event.sequence() != 1) throw new IllegalArgumentException("event: the first event must have sequence 1");
            return imported(im);
        }
        if (state == null) {
            if (!(event instanceof ProcedureEvent.Registered)) {
                throw new IllegalArgumentException("event: a history must start with Registered, got " + event.getClass().getSimpleName());
            }
            if (event.sequence() != 1) throw new IllegalArgumentException("event: the first event must have sequence 1");
            ProcedureEvent.Registered r = (ProcedureEvent.Registered) event;
            return new CaseState(r.caseId(), 1, Stage.REGISTERED, r.profile(), r.petition(), null, null, null, null, null,
                    0, null, null, null, null, null, null, null, r.petition().receivedOn(), r.recordedAt(), 0, 0,
                    null, ClockLedger.empty().apply(Fact.RECEIVED, r.petition().receivedOn(), 0), null, null, null);
        }
        if (!event.caseId().equals(state.caseId())) throw new IllegalArgumentException("event: belongs to another case");
        if (event.sequence() != state.lastSequence() + 1) {
            throw new IllegalArgumentException("event: expected sequence " + (state.lastSequence() + 1) + ", got " + event.sequence());
        }
        Draft d = new Draft(state);
        d.lastSequence = event.sequence();
        d.lastRecordedAt = later(state.lastRecordedAt(), event.recordedAt());
        if (event instanceof ProcedureEvent.Registered || event instanceof ProcedureEvent.Imported) {
            throw new IllegalArgumentException("event: a first event on an existing case");
        } else if (event instanceof ProcedureEvent.Routed e) {
            d.stage = Stage.ROUTED;
            d.handlingUnit = e.unit();
            d.unitReceivedOn = e.receivedOn();
            d.fact(e.receivedOn());
            d.clock(Fact.ROUTED, e.receivedOn());
        } else if (event instanceof ProcedureEvent.ObjectionRaised e) {
            d.stage = Stage.REGISTERED;
            d.handlingUnit = null;
            d.unitReceivedOn = null;
            d.informedOn = null;
            d.objectionCount++;
            d.fact(e.objectedOn());
            d.clock(Fact.OBJECTED, e.objectedOn());
        } else if (event instanceof ProcedureEvent.TransferredOut e) {
            d.stage = Stage.TRANSFERRED_OUT;
            d.fact(e.transferredOn());
            d.clock(Fact.TRANSFERRED_OUT, e.transferredOn());
            d.clock(Fact.ENDED, e.transferredOn());
        } else if (event instanceof ProcedureEvent.Redirected e) {
            d.stage = Stage.REDIRECTED;
            d.fact(e.redirectedOn());
            d.clock(Fact.REDIRECTED, e.redirectedOn());
            d.clock(Fact.ENDED, e.redirectedOn());
        } else if (event instanceof ProcedureEvent.Declined e) {
            d.stage = Stage.DECLINED;
            d.fact(e.declinedOn());
            d.clock(Fact.DECLINED, e.declinedOn());
            d.clock(Fact.ENDED, e.declinedOn());
        } else if (event instanceof ProcedureEvent.PetitionerInformed e) {
            d.informedOn = e.servedOn();
            d.fact(e.servedOn());
            d.clock(Fact.INFORMED, e.servedOn());
        } else if (event instanceof ProcedureEvent.Accepted e) {
            d.stage = Stage.IN_HANDLING;
            d.acceptedOn = e.acceptedOn();
            d.handlingStartedOn = e.acceptedOn();
            d.fact(e.acceptedOn());
            d.clock(Fact.ACCEPTED, e.acceptedOn());
        } else if (event instanceof ProcedureEvent.Extended e) {
            d.extensionDays = e.days();
            d.fact(e.approvedOn());
            d.fact(e.petitionerToldOn());
            d.clocks = d.clocks.apply(Fact.EXTENDED, e.approvedOn(), e.days());
        } else if (event instanceof ProcedureEvent.ConclusionProposed e) {
            d.stage = Stage.PENDING_APPROVAL;
            d.proposer = e.actor();
            d.outcome = e.outcome();
            d.fact(e.proposedOn());
        } else if (event instanceof ProcedureEvent.ConclusionApproved e) {
            d.stage = Stage.CONCLUDED;
            d.proposer = null;
            d.conclusionApprovedOn = e.approvedOn();
            d.fact(e.approvedOn());
            d.clock(Fact.CONCLUSION_APPROVED, e.approvedOn());
        } else if (event instanceof ProcedureEvent.ReturnedForRework) {
            d.stage = Stage.IN_HANDLING;
            d.proposer = null;
            d.outcome = null;
            d.reworkCount++;
        } else if (event instanceof ProcedureEvent.ReplyServed e) {
            d.replyServedOn = e.servedOn();
            d.fact(e.servedOn());
            d.clock(Fact.REPLY_SERVED, e.servedOn());
        } else if (event instanceof ProcedureEvent.ReviewRequested e) {
            d.stage = Stage.UNDER_REVIEW;
            d.reviewRequestedOn = e.receivedOn();
            d.fact(e.receivedOn());
            d.clock(Fact.REVIEW_REQUESTED, e.receivedOn());
        } else if (event instanceof ProcedureEvent.ReviewConcluded e) {
            d.stage = Stage.REVIEWED;
            d.fact(e.concludedOn());
            d.clock(Fact.REVIEW_CONCLUDED, e.concludedOn());
        } else if (event instanceof ProcedureEvent.ReviewOpinionServed e) {
            d.reviewOpinionServedOn = e.servedOn();
            d.fact(e.servedOn());
            d.clock(Fact.REVIEW_OPINION_SERVED, e.servedOn());
        } else if (event instanceof ProcedureEvent.ReReviewRequested e) {
            d.stage = Stage.UNDER_RE_REVIEW;
            d.reReviewRequestedOn = e.receivedOn();
            d.fact(e.receivedOn());
            d.clock(Fact.RE_REVIEW_REQUESTED, e.receivedOn());
        } else if (event instanceof ProcedureEvent.ReReviewConcluded e) {
            d.stage = Stage.FINAL;
            d.fact(e.concludedOn());
            d.clock(Fact.RE_REVIEW_CONCLUDED, e.concludedOn());
        } else if (event instanceof ProcedureEvent.Reopened e) {
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
            d.clock(Fact.REOPENED, e.reopenedOn());
        } else if (event instanceof ProcedureEvent.Withdrawn e) {
            d.stage = Stage.WITHDRAWN;
            d.fact(e.withdrawnOn());
            d.clock(Fact.ENDED, e.withdrawnOn());
        } else if (event instanceof ProcedureEvent.ContactRecorded e) {
            d.fact(e.contactedOn());
            d.clock(e.kind() == ContactKind.PHONE ? Fact.CONTACTED_BY_PHONE : Fact.MET_IN_PERSON, e.contactedOn());
        } else if (event instanceof ProcedureEvent.StageReplyGiven e) {
            d.fact(e.repliedOn());
            d.clock(Fact.STAGE_REPLY_GIVEN, e.repliedOn());
        } else if (event instanceof ProcedureEvent.HearingOpened e) {
            d.fact(e.openedOn());
            d.hearingOpenedOn = e.openedOn();
            d.clock(Fact.HEARING_OPENED, e.openedOn());
        } else if (event instanceof ProcedureEvent.HearingClosed e) {
            d.fact(e.closedOn());
            d.hearingOpenedOn = null;
            d.clock(Fact.HEARING_CLOSED, e.closedOn());
        } else if (event instanceof ProcedureEvent.PetitionCorrected e) {
            LocalDate oldReceipt = d.petition.receivedOn();
            d.petition = e.petition();
            if (!oldReceipt.equals(e.petition().receivedOn())) {
                d.clocks = d.clocks.correctStart(ClockId.ROUTING, 1, e.petition().receivedOn());
            }
        } else if (event instanceof ProcedureEvent.ProfileChanged e) {
            d.profile = e.profile();
        } else if (event instanceof ProcedureEvent.Terminated e) {
            d.stage = Stage.TERMINATED;
            d.fact(e.terminatedOn());
            d.clock(Fact.ENDED, e.terminatedOn());
        } else if (event instanceof SweepEvent.WarningRecorded e) {
            d.clocks = d.clocks.recordSweep(e.clock(), false);
        } else if (event instanceof SweepEvent.BreachRecorded e) {
            d.clocks = d.clocks.recordSweep(e.clock(), true);
        } else if (event instanceof SweepEvent.LapseRecorded e) {
            d.clocks = d.clocks.recordSweep(e.clock(), true);
        } else if (event instanceof ActivityEvent.Merged e) {
            d.stage = Stage.MERGED;
            d.fact(e.mergedOn());
            d.clock(Fact.ENDED, e.mergedOn());
            d.activity = new CaseActivity(d.activity.repeatPetitions(), d.activity.followUps(), d.activity.supervisions(),
                    e.into(), d.activity.mergedCases());
        } else if (event instanceof ActivityEvent.MergedCaseRecorded e) {
            List<CaseId> merged = new ArrayList<>(d.activity.mergedCases());
            merged.add(e.merged());
            d.activity = new CaseActivity(d.activity.repeatPetitions(), d.activity.followUps(), d.activity.supervisions(),
                    d.activity.mergedInto(), merged);
        } else if (event instanceof ActivityEvent.RepeatPetitionRecorded e) {
            List<CaseActivity.RepeatPetition> repeats = new ArrayList<>(d.activity.repeatPetitions());
            repeats.add(new CaseActivity.RepeatPetition(e.receivedOn(), e.channel(), e.headcount(), e.skippedLevel(), e.acceptedAgain()));
            d.activity = new CaseActivity(repeats, d.activity.followUps(), d.activity.supervisions(), d.activity.mergedInto(),
                    d.activity.mergedCases());
        } else if (event instanceof ActivityEvent.FollowUpVisitRecorded e) {
            List<CaseActivity.FollowUp> visits = new ArrayList<>(d.activity.followUps());
            visits.add(new CaseActivity.FollowUp(e.visitedOn(), e.satisfaction()));
            d.activity = new CaseActivity(d.activity.repeatPetitions(), visits, d.activity.supervisions(), d.activity.mergedInto(),
                    d.activity.mergedCases());
        } else if (event instanceof ActivityEvent.SupervisionIssued e) {
            List<CaseActivity.Supervision> sup = new ArrayList<>(d.activity.supervisions());
            if (e.number() != sup.size() + 1) throw new IllegalArgumentException("event: expected supervision " + (sup.size() + 1));
            sup.add(new CaseActivity.Supervision(e.number(), e.kind(), e.actor(), e.addressee(), e.issuedOn(), e.feedbackDueOn(), null));
            d.activity = new CaseActivity(d.activity.repeatPetitions(), d.activity.followUps(), sup, d.activity.mergedInto(),
                    d.activity.mergedCases());
            d.duties = d.duties.start(Duty.dueOn(DutyId.supervision(e.number()), e.issuedOn(), e.feedbackDueOn()));
        } else if (event instanceof ActivityEvent.SupervisionFeedbackRecorded e) {
            List<CaseActivity.Supervision> sup = new ArrayList<>(d.activity.supervisions());
            if (e.number() < 1 || e.number() > sup.size()) throw new IllegalArgumentException("event: no supervision " + e.number());
            CaseActivity.Supervision old = sup.get(e.number() - 1);
            sup.set(e.number() - 1, new CaseActivity.Supervision(old.number(), old.kind(), old.issuer(), old.addressee(), old.issuedOn(),
                    old.feedbackDueOn(), e.givenOn()));
            d.activity = new CaseActivity(d.activity.repeatPetitions(), d.activity.followUps(), sup, d.activity.mergedInto(),
                    d.activity.mergedCases());
            d.duties = d.duties.meet(DutyId.supervision(e.number()), e.givenOn());
        } else if (event instanceof SweepEvent.DutyWarningRecorded e) {
            d.duties = d.duties.recordSweep(e.duty(), false);
        } else if (event instanceof SweepEvent.DutyBreachRecorded e) {
            d.duties = d.duties.recordSweep(e.duty(), true);
        } else if (ResolutionEvolution.handles(event)) {
            d.resolution = ResolutionEvolution.evolve(state.resolution(), event);
            d.duties = ResolutionEvolution.duties(d.duties, state.resolution(), event);
        } else {
            throw new AssertionError("unhandled event type " + event.getClass().getName());
        }
        return d.build();
    }

    /** Builds the state of an imported case from its dated facts. */
    private static CaseState imported(ProcedureEvent.Imported im) {
        LocalDate received = im.petition().receivedOn();
        ClockLedger ledger = ClockLedger.empty().apply(Fact.RECEIVED, received, 0);
        LocalDate unitReceivedOn = null, acceptedOn = null, handlingStartedOn = null, informedOn = null;
        LocalDate approvedOn = null, replyServedOn = null, reviewRequestedOn = null, opinionServedOn = null, reReviewOn = null;
        LocalDate last = received;
        int extension = 0;
        for (ImportedFact f : im.facts()) {
            LocalDate on = f.on();
            if (on.isAfter(last)) last = on;
            int days = f.days() == null ? 0 : f.days();
            ledger = ledger.apply(f.fact(), on, days);
            switch (f.fact()) {
                case ROUTED: unitReceivedOn = on; break;
                case OBJECTED: unitReceivedOn = null; informedOn = null; break;
                case INFORMED: informedOn = on; break;
                case ACCEPTED: acceptedOn = on; handlingStartedOn = on; break;
                case EXTENDED: extension = days; break;
                case CONCLUSION_APPROVED: approvedOn = on; break;
                case REPLY_SERVED: replyServedOn = on; break;
                case REVIEW_REQUESTED: reviewRequestedOn = on; break;
                case REVIEW_OPINION_SERVED: opinionServedOn = on; break;
                case RE_REVIEW_REQUESTED: reReviewOn = on; break;
                case REOPENED:
                    handlingStartedOn = on; extension = 0; approvedOn = null; replyServedOn = null;
                    reviewRequestedOn = null; opinionServedOn = null; reReviewOn = null;
                    break;
                default: break;
            }
        }
        if (im.stage().isTerminal()) ledger = ledger.apply(Fact.ENDED, last, 0);
        return new CaseState(im.caseId(), 1, im.stage(), im.profile(), im.petition(), im.handlingUnit(), unitReceivedOn,
                acceptedOn, handlingStartedOn, informedOn, extension, null, null, approvedOn, replyServedOn, reviewRequestedOn,
                opinionServedOn, reReviewOn, last, im.recordedAt(), 0, 0, null, ledger, null, null, null);
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    /** A mutable copy used by {@link #evolve} only. */
    private static final class Draft {
        final CaseId caseId;
        long lastSequence;
        Stage stage;
        String profile;
        Petition petition;
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
        LocalDate hearingOpenedOn;
        ClockLedger clocks;
        Resolution resolution;
        CaseActivity activity;
        DutyLedger duties;

        Draft(CaseState s) {
            caseId = s.caseId();
            lastSequence = s.lastSequence();
            stage = s.stage();
            profile = s.profile();
            petition = s.petition();
            handlingUnit = s.handlingUnit();
            unitReceivedOn = s.unitReceivedOn();
            acceptedOn = s.acceptedOn();
            handlingStartedOn = s.handlingStartedOn();
            informedOn = s.informedOn();
            extensionDays = s.extensionDays();
            proposer = s.proposer();
            outcome = s.outcome();
            conclusionApprovedOn = s.conclusionApprovedOn();
            replyServedOn = s.replyServedOn();
            reviewRequestedOn = s.reviewRequestedOn();
            reviewOpinionServedOn = s.reviewOpinionServedOn();
            reReviewRequestedOn = s.reReviewRequestedOn();
            lastFactOn = s.lastFactOn();
            lastRecordedAt = s.lastRecordedAt();
            reworkCount = s.reworkCount();
            objectionCount = s.objectionCount();
            hearingOpenedOn = s.hearingOpenedOn();
            clocks = s.clocks();
            resolution = s.resolution();
            activity = s.activity();
            duties = s.duties();
        }

        void clock(Fact f, LocalDate on) {
            clocks = clocks.apply(f, on, 0);
        }

        void fact(LocalDate on) {
            if (on.isAfter(lastFactOn)) lastFactOn = on;
        }

        CaseState build() {
            return new CaseState(caseId, lastSequence, stage, profile, petition, handlingUnit, unitReceivedOn, acceptedOn,
                    handlingStartedOn, informedOn, extensionDays, proposer, outcome, conclusionApprovedOn, replyServedOn,
                    reviewRequestedOn, reviewOpinionServedOn, reReviewRequestedOn, lastFactOn, lastRecordedAt, reworkCount,
                    objectionCount, hearingOpenedOn, clocks, resolution, activity, duties);
        }
    }
}
