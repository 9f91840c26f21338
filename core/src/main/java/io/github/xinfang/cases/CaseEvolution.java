package io.github.xinfang.cases;

import io.github.xinfang.cases.Procedure.ImportedFact;
import io.github.xinfang.cases.Procedure.ContactKind;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.Obligation;
import io.github.xinfang.time.Obligations;
import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Fact;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The evolve function of the case aggregate, behind {@link CaseState#evolve}: one event applied to a state, through
 * the state's {@code with…} methods, the resolution track's part by {@link ResolutionEvolution}. Pure and stateless.
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
            LocalDate received = r.petition().receivedOn();
            return new CaseState(r.caseId(), 1, r.profile(), r.petition(), Procedure.at(Stage.REGISTERED),
                    CaseState.Conclusion.NONE, new CaseState.Timing(received, r.recordedAt(),
                            Obligations.empty().apply(Fact.RECEIVED, received, 0)), null, CaseActivity.none());
        }
        if (!event.caseId().equals(state.caseId())) throw new IllegalArgumentException("event: belongs to another case");
        if (event.sequence() != state.lastSequence() + 1) {
            throw new IllegalArgumentException("event: expected sequence " + (state.lastSequence() + 1) + ", got " + event.sequence());
        }
        CaseState s = state.next(event.sequence(), event.recordedAt());
        Procedure p = s.procedure();
        CaseState.Conclusion c = s.conclusion();
        CaseActivity a = s.activity();
        if (event instanceof ProcedureEvent.Registered || event instanceof ProcedureEvent.Imported) {
            throw new IllegalArgumentException("event: a first event on an existing case");
        } else if (event instanceof ProcedureEvent.Routed e) {
            s = s.withProcedure(p.routedTo(e.unit(), e.receivedOn()).withStage(Stage.ROUTED))
                    .withFact(Fact.ROUTED, e.receivedOn());
        } else if (event instanceof ProcedureEvent.ObjectionRaised e) {
            s = s.withProcedure(p.objected().withStage(Stage.REGISTERED))
                    .withFact(Fact.OBJECTED, e.objectedOn());
        } else if (event instanceof ProcedureEvent.TransferredOut e) {
            s = s.withStage(Stage.TRANSFERRED_OUT)
                    .withFact(Fact.TRANSFERRED_OUT, e.transferredOn()).withClock(Fact.ENDED, e.transferredOn());
        } else if (event instanceof ProcedureEvent.Redirected e) {
            s = s.withStage(Stage.REDIRECTED)
                    .withFact(Fact.REDIRECTED, e.redirectedOn()).withClock(Fact.ENDED, e.redirectedOn());
        } else if (event instanceof ProcedureEvent.Declined e) {
            s = s.withStage(Stage.DECLINED)
                    .withFact(Fact.DECLINED, e.declinedOn()).withClock(Fact.ENDED, e.declinedOn());
        } else if (event instanceof ProcedureEvent.PetitionerInformed e) {
            s = s.withProcedure(p.informed(e.servedOn()))
                    .withFact(Fact.INFORMED, e.servedOn());
        } else if (event instanceof ProcedureEvent.Accepted e) {
            s = s.withProcedure(p.accepted(e.acceptedOn()).withStage(Stage.IN_HANDLING))
                    .withFact(Fact.ACCEPTED, e.acceptedOn());
        } else if (event instanceof ProcedureEvent.Extended e) {
            s = s.withProcedure(p.extended(e.days()))
                    .withFactOn(e.approvedOn()).withFactOn(e.petitionerToldOn());
            s = s.withObligations(s.timing().obligations().apply(Fact.EXTENDED, e.approvedOn(), e.days()));
        } else if (event instanceof ProcedureEvent.ConclusionProposed e) {
            s = s.withStage(Stage.PENDING_APPROVAL).withConclusion(c.proposed(e.actor(), e.outcome()))
                    .withFactOn(e.proposedOn());
        } else if (event instanceof ProcedureEvent.ConclusionApproved e) {
            s = s.withStage(Stage.CONCLUDED).withConclusion(c.approved(e.approvedOn()))
                    .withFact(Fact.CONCLUSION_APPROVED, e.approvedOn());
        } else if (event instanceof ProcedureEvent.ReturnedForRework) {
            s = s.withProcedure(p.reworked().withStage(Stage.IN_HANDLING)).withConclusion(c.returned());
        } else if (event instanceof ProcedureEvent.ReplyServed e) {
            s = s.withConclusion(c.replyServed(e.servedOn()))
                    .withFact(Fact.REPLY_SERVED, e.servedOn());
        } else if (event instanceof ProcedureEvent.ReviewRequested e) {
            s = s.withStage(Stage.UNDER_REVIEW).withConclusion(c.reviewRequested(e.receivedOn()))
                    .withFact(Fact.REVIEW_REQUESTED, e.receivedOn());
        } else if (event instanceof ProcedureEvent.ReviewConcluded e) {
            s = s.withStage(Stage.REVIEWED)
                    .withFact(Fact.REVIEW_CONCLUDED, e.concludedOn());
        } else if (event instanceof ProcedureEvent.ReviewOpinionServed e) {
            s = s.withConclusion(c.reviewOpinionServed(e.servedOn()))
                    .withFact(Fact.REVIEW_OPINION_SERVED, e.servedOn());
        } else if (event instanceof ProcedureEvent.ReReviewRequested e) {
            s = s.withStage(Stage.UNDER_RE_REVIEW).withConclusion(c.reReviewRequested(e.receivedOn()))
                    .withFact(Fact.RE_REVIEW_REQUESTED, e.receivedOn());
        } else if (event instanceof ProcedureEvent.ReReviewConcluded e) {
            s = s.withStage(Stage.FINAL)
                    .withFact(Fact.RE_REVIEW_CONCLUDED, e.concludedOn());
        } else if (event instanceof ProcedureEvent.Reopened e) {
            s = s.withProcedure(p.reopened(e.reopenedOn()).withStage(Stage.IN_HANDLING)).withConclusion(CaseState.Conclusion.NONE)
                    .withFact(Fact.REOPENED, e.reopenedOn());
        } else if (event instanceof ProcedureEvent.Withdrawn e) {
            s = s.withStage(Stage.WITHDRAWN)
                    .withFactOn(e.withdrawnOn()).withClock(Fact.ENDED, e.withdrawnOn());
        } else if (event instanceof ProcedureEvent.ContactRecorded e) {
            s = s.withFact(e.kind() == ContactKind.PHONE ? Fact.CONTACTED_BY_PHONE : Fact.MET_IN_PERSON, e.contactedOn());
        } else if (event instanceof ProcedureEvent.StageReplyGiven e) {
            s = s.withFact(Fact.STAGE_REPLY_GIVEN, e.repliedOn());
        } else if (event instanceof ProcedureEvent.HearingOpened e) {
            s = s.withProcedure(p.withHearingOpenedOn(e.openedOn()))
                    .withFact(Fact.HEARING_OPENED, e.openedOn());
        } else if (event instanceof ProcedureEvent.HearingClosed e) {
            s = s.withProcedure(p.withHearingOpenedOn(null))
                    .withFact(Fact.HEARING_CLOSED, e.closedOn());
        } else if (event instanceof ProcedureEvent.PetitionCorrected e) {
            LocalDate oldReceipt = s.petition().receivedOn();
            s = s.withPetition(e.petition());
            if (!oldReceipt.equals(e.petition().receivedOn())) {
                s = s.withObligations(s.timing().obligations().correctStart(ClockId.ROUTING, 1, e.petition().receivedOn()));
            }
        } else if (event instanceof ProcedureEvent.ProfileChanged e) {
            s = s.withProfile(e.profile());
        } else if (event instanceof ProcedureEvent.Terminated e) {
            s = s.withStage(Stage.TERMINATED)
                    .withFactOn(e.terminatedOn()).withClock(Fact.ENDED, e.terminatedOn());
        } else if (event instanceof SweepEvent.WarningRecorded e) {
            s = s.withObligations(s.timing().obligations().recordSweep(e.clock(), false));
        } else if (event instanceof SweepEvent.BreachRecorded e) {
            s = s.withObligations(s.timing().obligations().recordSweep(e.clock(), true));
        } else if (event instanceof SweepEvent.LapseRecorded e) {
            s = s.withObligations(s.timing().obligations().recordSweep(e.clock(), true));
        } else if (event instanceof ActivityEvent.Merged e) {
            s = s.withStage(Stage.MERGED).withActivity(a.withMergedInto(e.into()))
                    .withFactOn(e.mergedOn()).withClock(Fact.ENDED, e.mergedOn());
        } else if (event instanceof ActivityEvent.MergedCaseRecorded e) {
            s = s.withActivity(a.withMergedCase(e.merged()));
        } else if (event instanceof ActivityEvent.RepeatPetitionRecorded e) {
            s = s.withActivity(a.withRepeatPetition(new CaseActivity.RepeatPetition(e.receivedOn(), e.channel(), e.headcount(),
                    e.skippedLevel(), e.acceptedAgain())));
        } else if (event instanceof ActivityEvent.FollowUpVisitRecorded e) {
            s = s.withActivity(a.withFollowUp(new CaseActivity.FollowUp(e.visitedOn(), e.satisfaction())));
        } else if (event instanceof ActivityEvent.SubjectTagsCorrected e) {
            s = s.withPetition(s.petition().withSubjectTags(e.subjectTags()));
        } else if (event instanceof ActivityEvent.HandlingRated) {
            // the state does not hold ratings: the metrics (io.github.xinfang.report) read them from the history
            return s;
        } else if (event instanceof ActivityEvent.SupervisionIssued e) {
            s = s.withActivity(a.withSupervision(new CaseActivity.Supervision(e.number(), e.kind(), e.actor(), e.addressee(),
                    e.issuedOn(), e.feedbackDueOn(), null)));
            s = s.withObligations(s.timing().obligations()
                    .start(Obligation.dueOn(DutyId.supervision(e.number()), e.issuedOn(), e.feedbackDueOn())));
        } else if (event instanceof ActivityEvent.SupervisionFeedbackRecorded e) {
            s = s.withActivity(a.withFeedback(e.number(), e.givenOn()));
            s = s.withObligations(s.timing().obligations().meet(DutyId.supervision(e.number()), e.givenOn()));
        } else if (ResolutionEvolution.handles(event)) {
            s = s.withResolution(ResolutionEvolution.evolve(state.resolution(), event))
                    .withObligations(ResolutionEvolution.duties(s.timing().obligations(), event));
        } else {
            throw new AssertionError("unhandled event type " + event.getClass().getName());
        }
        return s;
    }

    /** Builds the state of an imported case from its dated facts. */
    private static CaseState imported(ProcedureEvent.Imported im) {
        LocalDate received = im.petition().receivedOn();
        Obligations ledger = Obligations.empty().apply(Fact.RECEIVED, received, 0);
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
        Procedure procedure = new Procedure(im.stage(), im.handlingUnit(), unitReceivedOn, acceptedOn,
                handlingStartedOn, informedOn, extension, 0, 0, null);
        CaseState.Conclusion conclusion = new CaseState.Conclusion(null, null, approvedOn, replyServedOn, reviewRequestedOn,
                opinionServedOn, reReviewOn);
        return new CaseState(im.caseId(), 1, im.profile(), im.petition(), procedure, conclusion,
                new CaseState.Timing(last, im.recordedAt(), ledger), null, CaseActivity.none());
    }
}
