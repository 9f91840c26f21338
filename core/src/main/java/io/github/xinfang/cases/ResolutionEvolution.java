package io.github.xinfang.cases;

import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.time.Fact;
import io.github.xinfang.time.Obligation;
import io.github.xinfang.time.Obligations;
import io.github.xinfang.time.Obligation.DutyId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The evolve function of the resolution track's part of the state; pure. Used by {@link CaseState#evolve} only. */
final class ResolutionEvolution {
    private ResolutionEvolution() {}

    static boolean handles(CaseEvent e) {
        return e instanceof ResolutionEvent.BacklogDesignated || e instanceof ResolutionEvent.BatchEnrolled
                || e instanceof ResolutionEvent.HardCaseFlagged || e instanceof ResolutionEvent.PackageLeaderAssigned
                || e instanceof ResolutionEvent.PackageLeaderReplaced || e instanceof ResolutionEvent.PlanRecorded
                || e instanceof ResolutionEvent.PlanStepDone || e instanceof ResolutionEvent.ResolutionClaimed
                || e instanceof ResolutionEvent.ResolutionApproved || e instanceof ResolutionEvent.ResolutionRejected
                || e instanceof ResolutionEvent.ReboundReported || e instanceof ResolutionEvent.RequiredRankRaised
                || e instanceof ResolutionEvent.ReplacementClockStarted;
    }

    /**
     * The duties a resolution-track event starts, meets or stops, as the clock table's duty rows say
     * ({@code docs/clocks.md}): enrolment starts the batch's target; a plan stops the old version's open steps and
     * starts its own; a step done meets its duty; a replacement meets the replacement duty; approval meets the batch
     * targets and stops the plan steps and the replacement duty.
     */
    static Obligations duties(Obligations ledger, CaseEvent event) {
        if (event instanceof ResolutionEvent.BatchEnrolled e) {
            return ledger.start(Obligation.dueOn(DutyId.batchTarget(e.batch().value()), e.enrolledOn(), e.targetDate()));
        } else if (event instanceof ResolutionEvent.PackageLeaderReplaced e) {
            return ledger.apply(Fact.PACKAGE_LEADER_REPLACED, e.replacedOn(), 0);
        } else if (event instanceof ResolutionEvent.PlanRecorded e) {
            Obligations out = ledger.apply(Fact.PLAN_RECORDED, e.recordedOn(), 0);
            for (int i = 0; i < e.steps().size(); i++) {
                out = out.start(Obligation.dueOn(DutyId.planStep(e.version(), i + 1), e.recordedOn(), e.steps().get(i).dueOn()));
            }
            return out;
        } else if (event instanceof ResolutionEvent.PlanStepDone e) {
            return ledger.meet(DutyId.planStep(e.version(), e.step()), e.doneOn());
        } else if (event instanceof ResolutionEvent.ResolutionApproved e) {
            return ledger.apply(Fact.RESOLUTION_APPROVED, e.approvedOn(), 0);
        } else if (event instanceof ResolutionEvent.ReplacementClockStarted e) {
            return ledger.start(Obligation.within(DutyId.replacement(e.round()), e.startedOn(), e.limit()));
        }
        return ledger;
    }

    /** A mutable copy. */
    private static final class Draft {
        Resolution.TrackState track;
        Resolution.BacklogSource source;
        boolean hardCase;
        List<Resolution.Batch> batches;
        RankLadder.RequiredRank requiredRank;
        List<String> requiredRankRules;
        List<Resolution.Assignment> assignments;
        Resolution.ResolutionKind claimKind;
        Actor claimant;
        int returnedClaims;
        List<Resolution.Plan> plans;
        LocalDate lastOn;

        Draft(Resolution r) {
            track = r.track();
            source = r.source();
            hardCase = r.hardCase();
            batches = new ArrayList<>(r.batches());
            requiredRank = r.requiredRank();
            requiredRankRules = r.requiredRankRules();
            assignments = new ArrayList<>(r.assignments());
            claimKind = r.claimKind();
            claimant = r.claimant();
            returnedClaims = r.returnedClaims();
            plans = new ArrayList<>(r.plans());
            lastOn = r.lastOn();
        }

        void on(LocalDate d) {
            if (d.isAfter(lastOn)) lastOn = d;
        }

        void endActive(LocalDate on, Resolution.AssignmentEnd why) {
            int last = assignments.size() - 1;
            if (last < 0 || !assignments.get(last).isActive()) throw new IllegalArgumentException("event: no active assignment to end");
            assignments.set(last, assignments.get(last).end(on, why));
        }

        void reopenTrack() {
            track = Resolution.TrackState.OPEN;
            claimKind = null;
            claimant = null;
        }

        Resolution build() {
            return new Resolution(track, source, hardCase, batches, requiredRank, requiredRankRules, assignments, claimKind,
                    claimant, returnedClaims, plans, lastOn);
        }
    }

    static Resolution evolve(Resolution r, CaseEvent event) {
        if (r == null) {
            if (event instanceof ResolutionEvent.BacklogDesignated e) {
                return new Resolution(Resolution.TrackState.OPEN, e.source(), false, List.of(), null, List.of(), List.of(), null, null, 0,
                        List.of(), e.designatedOn());
            }
            if (event instanceof ResolutionEvent.BatchEnrolled e) {
                return new Resolution(Resolution.TrackState.OPEN, Resolution.BacklogSource.BATCH, false, List.of(batch(e)), null, List.of(), List.of(),
                        null, null, 0, List.of(), e.enrolledOn());
            }
            throw new IllegalArgumentException("event: " + event.getClass().getSimpleName() + " on a case not on the resolution track");
        }
        Draft d = new Draft(r);
        if (event instanceof ResolutionEvent.BacklogDesignated e) {
            d.reopenTrack();
            d.source = e.source();
            d.on(e.designatedOn());
        } else if (event instanceof ResolutionEvent.BatchEnrolled e) {
            if (d.track == Resolution.TrackState.RESOLVED) d.reopenTrack();
            d.batches.add(batch(e));
            d.on(e.enrolledOn());
        } else if (event instanceof ResolutionEvent.HardCaseFlagged e) {
            d.hardCase = true;
            d.on(e.flaggedOn());
        } else if (event instanceof ResolutionEvent.PackageLeaderAssigned e) {
            d.track = Resolution.TrackState.IN_RESOLUTION;
            d.assignments.add(new Resolution.Assignment(e.leader(), e.leadUnit(), e.taskForce(), e.coUnits(), e.assignedOn(), null, null));
            d.on(e.assignedOn());
        } else if (event instanceof ResolutionEvent.PackageLeaderReplaced e) {
            d.endActive(e.replacedOn(), Resolution.AssignmentEnd.of(e.reason()));
            d.assignments.add(new Resolution.Assignment(e.leader(), e.leadUnit(), e.taskForce(), e.coUnits(), e.replacedOn(), null, null));
            d.on(e.replacedOn());
        } else if (event instanceof ResolutionEvent.PlanRecorded e) {
            d.plans.add(new Resolution.Plan(e.version(), e.recordedOn(), e.steps()));
            d.on(e.recordedOn());
        } else if (event instanceof ResolutionEvent.PlanStepDone e) {
            int pi = e.version() - 1;
            if (pi < 0 || pi >= d.plans.size()) throw new IllegalArgumentException("event: no plan version " + e.version());
            Resolution.Plan plan = d.plans.get(pi);
            if (e.step() < 1 || e.step() > plan.steps().size()) throw new IllegalArgumentException("event: no step " + e.step());
            List<Resolution.PlanStep> steps = new ArrayList<>(plan.steps());
            Resolution.PlanStep st = steps.get(e.step() - 1);
            steps.set(e.step() - 1, new Resolution.PlanStep(st.description(), st.dueOn(), e.doneOn()));
            d.plans.set(pi, new Resolution.Plan(plan.version(), plan.recordedOn(), steps));
            d.on(e.doneOn());
        } else if (event instanceof ResolutionEvent.ResolutionClaimed e) {
            d.track = Resolution.TrackState.CLAIMED;
            d.claimKind = e.kind();
            d.claimant = e.actor();
            d.on(e.claimedOn());
        } else if (event instanceof ResolutionEvent.ResolutionApproved e) {
            d.track = Resolution.TrackState.RESOLVED;
            d.endActive(e.approvedOn(), Resolution.AssignmentEnd.RESOLUTION_APPROVED);
            d.on(e.approvedOn());
        } else if (event instanceof ResolutionEvent.ResolutionRejected e) {
            d.track = Resolution.TrackState.IN_RESOLUTION;
            d.claimKind = null;
            d.claimant = null;
            d.returnedClaims++;
            d.on(e.rejectedOn());
        } else if (event instanceof ResolutionEvent.ReboundReported e) {
            d.reopenTrack();
            d.on(e.reportedOn());
        } else if (event instanceof ResolutionEvent.RequiredRankRaised e) {
            d.requiredRank = e.rank();
            d.requiredRankRules = e.rules();
        } else if (event instanceof ResolutionEvent.ReplacementClockStarted) {
            if (r.activeAssignment().isEmpty()) throw new IllegalArgumentException("event: no active assignment to replace");
        } else {
            throw new AssertionError("unhandled event type " + event.getClass().getName());
        }
        return d.build();
    }

    private static Resolution.Batch batch(ResolutionEvent.BatchEnrolled e) {
        return new Resolution.Batch(e.batch(), e.level(), e.batchName(), e.targetDate(), e.enrolledOn());
    }
}
