package io.github.xinfang.ledger;

import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.time.TimeLimits;
import io.github.xinfang.time.TimeLimits.ClockState;
import io.github.xinfang.time.TimeLimits.ObligationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds a case's ledger row from its current state and its clocks at an instant. */
final class LedgerRows {
    private final TimeLimits limits;
    private final OrganisationDirectory directory;
    private final Instant asOf;

    LedgerRows(TimeLimits limits, OrganisationDirectory directory, Instant asOf) {
        this.limits = limits;
        this.directory = directory;
        this.asOf = asOf;
    }

    Ledger.Row row(Ledger.Selection selection, long serial, CaseHistory history) {
        CaseState s = history.state();
        Resolution r = s.resolution();
        List<Resolution.Batch> batches = r == null ? List.of() : r.batches();
        String batch;
        LocalDate target;
        if (selection instanceof Ledger.Selection.OfBatch b) {
            batch = b.batch().value();
            target = batches.stream().filter(x -> x.id().equals(b.batch())).map(Resolution.Batch::targetDate).findFirst().orElse(null);
        } else {
            batch = batches.stream().map(x -> x.id().value()).collect(Collectors.joining(","));
            target = batches.stream().map(Resolution.Batch::targetDate).min(LocalDate::compareTo).orElse(null);
        }
        Resolution.Assignment active = r == null ? null : r.activeAssignment().orElse(null);
        String post = active == null ? null : directory.official(active.leader()).map(OrganisationDirectory.Official::post).orElse(null);
        List<Resolution.PlanStep> steps = r == null ? List.of() : r.currentPlan().map(Resolution.Plan::steps).orElse(List.of());
        CaseActivity a = s.activity();
        Set<CaseActivity.SkippedLevel> skipped = EnumSet.noneOf(CaseActivity.SkippedLevel.class);
        for (CaseActivity.RepeatPetition p : a.repeatPetitions()) {
            if (p.skippedLevel() != CaseActivity.SkippedLevel.NONE) skipped.add(p.skippedLevel());
        }
        CaseActivity.Satisfaction followUp = a.followUps().isEmpty() ? null
                : a.followUps().get(a.followUps().size() - 1).satisfaction();
        List<ObligationStatus> clocks = limits.obligations(s.timing().obligations(), s.profile(), s.petition().category(),
                s.petition().region(), asOf);
        Instant nextDue = null;
        long late = 0;
        LocalDate today = LocalDate.ofInstant(asOf, limits.zone());
        for (ObligationStatus c : clocks) {
            boolean openDuty = !c.source().isWindow() && isOpen(c.state());
            if (openDuty && (nextDue == null || c.dueAt().isBefore(nextDue))) nextDue = c.dueAt();
            if (c.state() == ClockState.OVERDUE) {
                late = Math.max(late, limits.calendar(s.petition().region()).workingDaysBetween(c.dueOn(), today));
            }
        }
        return new Ledger.Row(batch, serial, s.caseId(), s.petition().receivedOn(), s.petition().petitioners(),
                s.petition().region(), s.petition().category(), s.stage(), r == null ? null : r.track(),
                active == null ? null : active.leader(), post, active == null ? null : active.leadUnit(),
                active == null ? List.of() : active.taskForce(), steps, r == null ? null : r.claimKind(),
                lastProgress(s), a.repeatPetitions().size(), skipped, followUp, target, nextDue, clocks, late);
    }

    /** @return the latest date of any fact: of the procedure, the resolution track, a repeat petition, a visit, supervision */
    static LocalDate lastProgress(CaseState s) {
        LocalDate last = s.timing().lastFactOn();
        List<LocalDate> others = new ArrayList<>();
        if (s.resolution() != null) others.add(s.resolution().lastOn());
        for (CaseActivity.RepeatPetition p : s.activity().repeatPetitions()) others.add(p.receivedOn());
        for (CaseActivity.FollowUp f : s.activity().followUps()) others.add(f.visitedOn());
        for (CaseActivity.Supervision v : s.activity().supervisions()) {
            others.add(v.issuedOn());
            others.add(v.feedbackOn());
        }
        for (LocalDate d : others) if (d != null && d.isAfter(last)) last = d;
        return last;
    }

    /** @return whether a clock in this state still runs towards its due instant (windows are left out by the caller) */
    static boolean isOpen(ClockState state) {
        return state == ClockState.RUNNING || state == ClockState.DUE_SOON || state == ClockState.OVERDUE
                || state == ClockState.PAUSED;
    }
}
