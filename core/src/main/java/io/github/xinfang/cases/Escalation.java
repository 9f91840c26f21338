package io.github.xinfang.cases;

import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.TimeLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 提级包案, the one place where events follow from another command's decision: after every accepted command the
 * required rank is recomputed from the escalation policy and, when it rises, the events are followed by
 * {@code RequiredRankRaised} naming the rules that fired (the requirement never falls) and, when the active package
 * leader falls below it and no replacement runs yet, by {@code ReplacementClockStarted}. Also when a days-overdue rule
 * will fire on a case without any event. Immutable and thread-safe.
 */
final class Escalation {
    /** The actor of the events the escalation policy records. */
    static final Actor ESCALATION = Actor.system("escalation");

    private final TimeLimits limits;
    private final OrganisationDirectory directory;
    private final RankLadder ladder;
    private final EscalationPolicy policy;

    Escalation(TimeLimits limits, OrganisationDirectory directory, RankLadder ladder, EscalationPolicy policy) {
        this.limits = limits;
        this.directory = directory;
        this.ladder = ladder;
        this.policy = policy;
    }

    /** The events followed by the rise they cause (and the replacement clock it starts), if any. */

    List<CaseEvent> after(CaseState before, List<CaseEvent> events, Instant at) {
        CaseState after = before;
        for (CaseEvent e : events) after = CaseState.evolve(after, e);
        Resolution r = after.resolution();
        if (r == null) return events;
        EscalationPolicy.Inputs inputs = escalationInputs(after, at);
        RankLadder.RequiredRank current = r.requiredRank();
        RankLadder.RequiredRank raised = current;
        List<String> rules = new ArrayList<>();
        for (EscalationPolicy.Rule rule : policy.firing(inputs)) {
            boolean alreadyImplied = current != null && ladder.meets(current.rank(), current.principal(), rule.requires());
            if (alreadyImplied) continue;
            raised = ladder.join(raised, rule.requires());
            rules.add(rule.name());
        }
        if (rules.isEmpty() || raised.equals(current)) return events;
        List<CaseEvent> all = new ArrayList<>(events);
        long seq = after.lastSequence();
        all.add(new ResolutionEvent.RequiredRankRaised(new EventId(after.caseId(), ++seq), ESCALATION, at, raised, rules));
        Optional<Resolution.Assignment> active = r.activeAssignment();
        if (active.isPresent() && after.timing().obligations().open(DutyId.Kind.REPLACEMENT).isEmpty() && !leaderMeets(active.get().leader(), raised)) {
            all.add(new ResolutionEvent.ReplacementClockStarted(new EventId(after.caseId(), ++seq), ESCALATION, at,
                    after.timing().obligations().count(DutyId.Kind.REPLACEMENT) + 1, LocalDate.ofInstant(at, limits.zone()), limits.replacementLimit()));
        }
        return all;
    }

    /**
     * The instant a days-overdue rule of the escalation policy ({@link EscalationPolicy.Rule#daysOverdueAtLeast})
     * starts to fire on a case without any event: its earliest open duty clock or duty has then been overdue that
     * many days. Rules whose requirement the case's required rank already meets are skipped. The case service puts
     * it into the index row's next attention instant, and the deadline sweep then asks for the rank to be
     * recomputed ({@link ResolutionCommand.ReassessEscalation}). A pure function of the state, the profile, the calendar
     * and the policy.
     *
     * @return the instant, or empty when no such rule can still fire (or the case is not on the resolution track)
     */
    Optional<Instant> nextCheck(CaseState state) {
        Resolution r = state.resolution();
        if (r == null) return Optional.empty();
        Optional<Instant> due = Optional.empty();
        boolean looked = false;
        Instant next = null;
        for (EscalationPolicy.Rule rule : policy.rules()) {
            java.util.OptionalLong days = rule.overdueThreshold();
            if (days.isEmpty()) continue;
            RankLadder.RequiredRank current = r.requiredRank();
            if (current != null && ladder.meets(current.rank(), current.principal(), rule.requires())) continue;
            if (!looked) {
                Petition p = state.petition();
                due = limits.earliestDue(state.timing().obligations(), state.profile(), p.category(), p.region());
                looked = true;
            }
            if (due.isEmpty()) return Optional.empty();
            Instant at = due.get().atZone(limits.zone()).plusDays(days.getAsLong() - 1).toInstant();
            if (next == null || at.isBefore(next)) next = at;
        }
        return Optional.ofNullable(next);
    }

    /** Whether an official's rank in the directory meets a requirement (an unknown official or rank does not). */
    private boolean leaderMeets(OfficialId leader, RankLadder.RequiredRank required) {
        return directory.official(leader).map(o -> ladder.knows(o.rank()) && ladder.meets(o.rank(), o.principal(), required))
                .orElse(false);
    }

    /**
     * The escalation inputs of a case as of an instant: the hard-case flag, its batches' issuing levels, the largest
     * headcount (the petition's or a repeat petition's), its repeat petitions (件次 and 人次), the farthest skipped
     * level, and the most days any of its duty clocks or duties is overdue.
     */
    private EscalationPolicy.Inputs escalationInputs(CaseState s, Instant at) {
        Set<Resolution.IssuingLevel> levels = EnumSet.noneOf(Resolution.IssuingLevel.class);
        for (Resolution.Batch b : s.resolution().batches()) levels.add(b.level());
        CaseActivity act = s.activity();
        long overdue = 0;
        Petition p = s.petition();
        for (TimeLimits.ObligationStatus st : limits.obligations(s.timing().obligations(), s.profile(), p.category(), p.region(), at)) {
            if (st.state() == TimeLimits.ClockState.OVERDUE) overdue = Math.max(overdue, st.daysLate());
        }
        return new EscalationPolicy.Inputs(s.resolution().hardCase(), levels, Math.max(p.headcount(), act.largestRepeatHeadcount()),
                act.repeatPetitions().size(), act.repeatPersons(), act.farthestSkip(), overdue);
    }
}
