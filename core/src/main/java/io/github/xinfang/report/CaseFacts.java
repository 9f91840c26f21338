package io.github.xinfang.report;

import io.github.xinfang.cases.ActivityEvent;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.Procedure;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionEvent;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.report.Figures.Dimension;
import io.github.xinfang.report.Figures.Metric;
import io.github.xinfang.time.Fact;
import io.github.xinfang.time.Obligation;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.Profile;
import io.github.xinfang.time.TimeLimits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts of one case that the metrics count, read from its events recorded up to the report's instant, and what
 * they add to a {@link Tally}. One instance per case; not thread-safe. DESIGN.md section 5 gives the definitions, the
 * Javadoc of {@link Metric} says how each is counted.
 */
final class CaseFacts {
    /** A value that changes on legal dates: the holder of a case on a day (its handling unit, lead unit, leader). */
    private static final class Timeline {
        private final List<LocalDate> from = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        void set(LocalDate on, String value) {
            from.add(on);
            values.add(value);
        }

        /** The value set last (in the order recorded) on or before a day, or null. */
        String at(LocalDate day) {
            for (int i = from.size() - 1; i >= 0; i--) if (!from.get(i).isAfter(day)) return values.get(i);
            return null;
        }
    }

    /** One run of a profile clock, as it stood last, with the day it was stopped if it was. */
    private static final class Run {
        Obligation run;
        LocalDate stoppedOn;
    }

    /** A petition received: the registration (index 0 when there is one) or a repeat petition. */
    private record Petitioned(LocalDate on, Channel channel, int headcount, boolean repeat) {}

    /** A conclusion, with the petitioner's last rating and the last follow-up rating recorded on it. */
    private static final class Conclusion {
        final LocalDate on;
        CaseActivity.Satisfaction rating;
        CaseActivity.Satisfaction followUp;

        Conclusion(LocalDate on) {
            this.on = on;
        }
    }

    /** A proposal of conclusion or a claim of resolution, and whether it was returned. */
    private static final class Proposal {
        final LocalDate on;
        boolean returned;

        Proposal(LocalDate on) {
            this.on = on;
        }
    }

    /** The resolution track as a fact of a day set it. */
    private record TrackAt(LocalDate on, Resolution.TrackState track, Resolution.ResolutionKind kind) {}

    private final Figures.Settings settings;
    private CaseState state;
    private final Timeline handlingUnit = new Timeline();
    private final Timeline leadUnit = new Timeline();
    private final Timeline leader = new Timeline();
    private final List<LocalDate> batchEnrolledOn = new ArrayList<>();
    private final List<String> batchIds = new ArrayList<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final List<Petitioned> petitions = new ArrayList<>();
    private boolean registered;
    private final List<Conclusion> conclusions = new ArrayList<>();
    private Conclusion current;
    private final List<LocalDate> laterPetitions = new ArrayList<>();
    private final List<Proposal> proposals = new ArrayList<>();
    private Proposal pendingProposal;
    private final List<Proposal> claims = new ArrayList<>();
    private Proposal pendingClaim;
    private final List<TrackAt> track = new ArrayList<>();

    CaseFacts(Figures.Settings settings) {
        this.settings = settings;
    }

    /**
     * Folds a history, stopping at the first event recorded after the report's instant.
     *
     * @return whether the case existed at the instant
     */
    boolean fold(List<? extends CaseEvent> history) {
        for (CaseEvent e : history) {
            if (e.recordedAt().isAfter(settings.asOf())) break;
            state = CaseState.evolve(state, e);
            observe(e);
            observeRuns();
        }
        return state != null;
    }

    private void observe(CaseEvent event) {
        if (event instanceof ProcedureEvent.Registered) {
            registered = true;
        } else if (event instanceof ProcedureEvent.Imported im) {
            imported(im);
        } else if (event instanceof ProcedureEvent.Routed e) {
            handlingUnit.set(e.receivedOn(), e.unit().value());
        } else if (event instanceof ProcedureEvent.ObjectionRaised e) {
            handlingUnit.set(e.objectedOn(), null);
        } else if (event instanceof ProcedureEvent.ConclusionProposed e) {
            pendingProposal = new Proposal(e.proposedOn());
            proposals.add(pendingProposal);
        } else if (event instanceof ProcedureEvent.ReturnedForRework) {
            if (pendingProposal != null) pendingProposal.returned = true;
            pendingProposal = null;
        } else if (event instanceof ProcedureEvent.ConclusionApproved e) {
            pendingProposal = null;
            concluded(e.approvedOn());
        } else if (event instanceof ProcedureEvent.Reopened) {
            current = null;
        } else if (event instanceof ProcedureEvent.ReviewRequested e) {
            laterPetitions.add(e.receivedOn());
        } else if (event instanceof ProcedureEvent.ReReviewRequested e) {
            laterPetitions.add(e.receivedOn());
        } else if (event instanceof ActivityEvent.RepeatPetitionRecorded e) {
            petitions.add(new Petitioned(e.receivedOn(), e.channel(), e.headcount(), true));
            laterPetitions.add(e.receivedOn());
        } else if (event instanceof ActivityEvent.HandlingRated e) {
            if (current != null) current.rating = e.satisfaction();
        } else if (event instanceof ActivityEvent.FollowUpVisitRecorded e) {
            if (current != null) current.followUp = e.satisfaction();
        } else if (event instanceof ResolutionEvent) {
            resolution((ResolutionEvent) event);
        }
    }

    private void resolution(ResolutionEvent event) {
        if (event instanceof ResolutionEvent.ResolutionClaimed e) {
            pendingClaim = new Proposal(e.claimedOn());
            claims.add(pendingClaim);
        } else if (event instanceof ResolutionEvent.ResolutionRejected) {
            if (pendingClaim != null) pendingClaim.returned = true;
            pendingClaim = null;
        } else if (event instanceof ResolutionEvent.ResolutionApproved) {
            pendingClaim = null;
        } else if (event instanceof ResolutionEvent.PackageLeaderAssigned e) {
            leadUnit.set(e.assignedOn(), e.leadUnit().value());
            leader.set(e.assignedOn(), e.leader().value());
        } else if (event instanceof ResolutionEvent.PackageLeaderReplaced e) {
            leadUnit.set(e.replacedOn(), e.leadUnit().value());
            leader.set(e.replacedOn(), e.leader().value());
        } else if (event instanceof ResolutionEvent.BatchEnrolled e) {
            batchEnrolledOn.add(e.enrolledOn());
            batchIds.add(e.batch().value());
        }
        Resolution r = state.resolution();
        if (r != null) track.add(new TrackAt(r.lastOn(), r.track(), r.claimKind()));
    }

    private void concluded(LocalDate on) {
        current = new Conclusion(on);
        conclusions.add(current);
    }

    /** An imported case: its handling unit from its routing fact, its conclusions and review requests from its facts. */
    private void imported(ProcedureEvent.Imported im) {
        registered = true;
        LocalDate routedOn = im.petition().receivedOn();
        for (Procedure.ImportedFact f : im.facts()) {
            if (f.fact() == Fact.ROUTED) routedOn = f.on();
            else if (f.fact() == Fact.CONCLUSION_APPROVED) concluded(f.on());
            else if (f.fact() == Fact.REOPENED) current = null;
            else if (f.fact() == Fact.REVIEW_REQUESTED || f.fact() == Fact.RE_REVIEW_REQUESTED) laterPetitions.add(f.on());
        }
        if (im.handlingUnit() != null) handlingUnit.set(routedOn, im.handlingUnit().value());
    }

    /** Keeps the latest state of each run of the clocks the procedure metrics read. */
    private void observeRuns() {
        for (ClockId clock : new ClockId[] {ClockId.TELLING, ClockId.ACCEPTANCE, ClockId.HANDLING}) {
            Optional<Obligation> o = state.timing().obligations().of(clock);
            if (o.isEmpty()) continue;
            Run r = runs.computeIfAbsent(clock + ":" + o.get().round(), k -> new Run());
            if (o.get().stopped() && (r.run == null || !r.run.stopped())) r.stoppedOn = state.timing().lastFactOn();
            r.run = o.get();
        }
    }

    // ------------------------------------------------------------------ counting

    /** Adds the case's facts to the tally, for each of its periods. */
    void countInto(Tally tally) {
        Petition petition = state.petition();
        countClocks(tally, petition);
        countPetitions(tally, petition);
        countFirstContact(tally, petition);
        countConclusions(tally);
        for (Proposal p : proposals) add(tally, Metric.PROCEDURE_RETURNS, p.on, p.returned);
        for (Proposal p : claims) add(tally, Metric.RESOLUTION_RETURNS, p.on, p.returned);
        countResolution(tally);
    }

    private void countClocks(Tally tally, Petition petition) {
        TimeLimits limits = settings.limits();
        Optional<Profile> profile = limits.profile(state.profile());
        if (profile.isEmpty()) return;
        Optional<Profile.ClockRule> acceptance = profile.get().rule(ClockId.ACCEPTANCE).filter(x -> x.appliesTo(petition.category()));
        ClockId timely = acceptance.isPresent() ? ClockId.ACCEPTANCE : ClockId.TELLING;
        for (Run r : runs.values()) {
            ClockId clock = (ClockId) r.run.source();
            Metric metric = clock == ClockId.HANDLING ? Metric.ON_TIME_CONCLUSION : clock == timely ? Metric.TIMELY_ACCEPTANCE : null;
            if (metric == null) continue;
            Optional<Profile.ClockRule> rule = profile.get().rule(clock).filter(x -> x.appliesTo(petition.category()));
            if (rule.isEmpty()) continue;
            LocalDate due = TimeLimits.dueDate(r.run, rule.get().limit(), limits.calendar(petition.region())).date();
            LocalDate met = r.run.metOn();
            if (met != null) {
                boolean onTime = !met.isAfter(due);
                add(tally, metric, onTime ? met : due, onTime);
            } else if (r.run.pausedSince() == null && due.isBefore(settings.asOfDate())
                    && (r.stoppedOn == null || r.stoppedOn.isAfter(due))) {
                // still open past its last day, or stopped only after it: late, in the period its last day fell in
                add(tally, metric, due, false);
            }
        }
    }

    private void countPetitions(Tally tally, Petition petition) {
        List<Petitioned> all = new ArrayList<>();
        if (registered) {
            all.add(new Petitioned(petition.receivedOn(), petition.channel(), petition.headcount(), !petition.firstPetition()));
        }
        all.addAll(petitions);
        for (int i = 0; i < tally.periods(); i++) {
            Period period = tally.period(i);
            LocalDate last = null;
            boolean repeat = false;
            for (Petitioned p : all) {
                if (!period.contains(p.on())) continue;
                List<String> groups = groups(p.on());
                tally.add(i, Metric.REPEAT_BY_PETITIONS, groups, p.repeat());
                boolean group = p.headcount() >= Figures.GROUP_VISIT_HEADCOUNT && p.channel() == Channel.VISIT;
                tally.volume(i, Dimension.CHANNEL, p.channel().name(), groups, p.headcount(), group);
                tally.volume(i, Dimension.SUBJECT_AREA, petition.subjectArea(), groups, p.headcount(), group);
                tally.volume(i, Dimension.CATEGORY, petition.category().name(), groups, p.headcount(), group);
                tally.volume(i, Dimension.REGION, petition.region().value(), groups, p.headcount(), group);
                if (last == null || p.on().isAfter(last)) last = p.on();
                repeat |= p.repeat();
            }
            // a case petitioned about in the period counts once, with the unit that held it on its latest petition there
            if (last != null) tally.add(i, Metric.REPEAT_BY_CASES, groups(last), repeat);
        }
    }

    private void countFirstContact(Tally tally, Petition petition) {
        if (!petition.firstPetition() || conclusions.isEmpty()) return;
        LocalDate on = conclusions.get(0).on;
        LocalDate windowEnd = on.plusDays(settings.options().firstContactWindowDays());
        if (!windowEnd.isBefore(settings.asOfDate())) return; // the window has not closed by the report's instant
        boolean again = false;
        for (LocalDate d : laterPetitions) again |= d.isAfter(on) && !d.isAfter(windowEnd);
        add(tally, Metric.FIRST_CONTACT_RESOLUTION, on, !again);
    }

    private void countConclusions(Tally tally) {
        for (Conclusion c : conclusions) {
            boolean rated = c.rating != null;
            add(tally, Metric.RATING_PARTICIPATION, c.on, rated);
            if (rated) add(tally, Metric.RATING_SATISFACTION, c.on, settings.options().satisfied(c.rating));
            boolean visited = c.followUp != null;
            add(tally, Metric.FOLLOW_UP_COVERAGE, c.on, visited);
            if (visited) add(tally, Metric.FOLLOW_UP_SATISFACTION, c.on, settings.options().satisfied(c.followUp));
        }
    }

    /**
     * The resolution metrics: the track as it stood on each period's last day. A case counts if it was on the track on that
     * day and had not been resolved already when the period began; a batch counts every case enrolled in it by that day.
     */
    private void countResolution(Tally tally) {
        if (track.isEmpty()) return;
        for (int i = 0; i < tally.periods(); i++) {
            Period period = tally.period(i);
            TrackAt end = trackAt(period.last());
            if (end == null) continue;
            TrackAt before = trackAt(period.first().minusDays(1));
            boolean resolved = end.track() == Resolution.TrackState.RESOLVED;
            boolean claimed = resolved || end.track() == Resolution.TrackState.CLAIMED;
            boolean substantive = resolved && end.kind() == Resolution.ResolutionKind.SUBSTANTIVE;
            boolean earlier = before != null && before.track() == Resolution.TrackState.RESOLVED && resolved;
            // a batch is crossed off as a whole: its figures count every case enrolled in it, resolved earlier or not
            boolean inGroups = settings.grouping().kind() == Figures.Grouping.Kind.BATCH || !earlier;
            tally.addResolution(i, groups(period.last()), !earlier, inGroups, resolved, claimed, substantive);
        }
    }

    private TrackAt trackAt(LocalDate day) {
        TrackAt at = null;
        for (TrackAt t : track) if (!t.on().isAfter(day)) at = t;
        return at;
    }

    private List<String> batchesOn(LocalDate day) {
        Set<String> in = new LinkedHashSet<>();
        for (int i = 0; i < batchIds.size(); i++) if (!batchEnrolledOn.get(i).isAfter(day)) in.add(batchIds.get(i));
        return new ArrayList<>(in);
    }

    /** Adds one fact of a day to every period holding the day. */
    private void add(Tally tally, Metric metric, LocalDate on, boolean numerator) {
        for (int i = 0; i < tally.periods(); i++) {
            if (tally.period(i).contains(on)) tally.add(i, metric, groups(on), numerator);
        }
    }

    /**
     * The groups a fact of a day belongs to under the report's grouping: the handling unit, lead unit or package leader
     * that held the case that day ({@link Figures#UNATTRIBUTED} if none did), the case's region prefix or category, or the
     * batches it was enrolled in by then.
     */
    private List<String> groups(LocalDate on) {
        Figures.Grouping g = settings.grouping();
        String key;
        switch (g.kind()) {
            case NONE: return List.of();
            case HANDLING_UNIT: key = handlingUnit.at(on); break;
            case LEAD_UNIT: key = leadUnit.at(on); break;
            case PACKAGE_LEADER: key = leader.at(on); break;
            case REGION: key = state.petition().region().value().substring(0, g.regionDigits()); break;
            case CATEGORY: key = state.petition().category().name(); break;
            case BATCH: return batchesOn(on);
            default: throw new AssertionError("unhandled grouping " + g.kind());
        }
        return List.of(key == null ? Figures.UNATTRIBUTED : key);
    }
}
