package io.github.xinfang.report;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent recount of the metrics from the commands a test applied (never from the library's states): each case
 * is a handful of dated lists, and each metric is counted from them as DESIGN.md section 5 and {@link Figures.Metric}
 * define it. The test's profiles count plain calendar days that never roll to a working day, so a limit's last day is
 * its start plus its length plus any extension.
 */
final class FiguresModel {
    /** The telling clock of the plain profile, its acceptance clock, and the handling clock (claims only), in days. */
    static final int TELLING_DAYS = 10, ACCEPTANCE_DAYS = 5, HANDLING_DAYS = 20;
    /** The profile with an acceptance clock. */
    static final String WITH_ACCEPTANCE = "plain-accept";

    /** One applied command and when it was recorded. */
    record Logged(Instant at, CaseCommand command) {}

    private static final class Run {
        final LocalDate start;
        final int length;
        int extension;
        LocalDate met, stopped;

        Run(LocalDate start, int length) {
            this.start = start;
            this.length = length;
        }

        LocalDate due() {
            return start.plusDays(length + extension);
        }
    }

    private static final class Dated<T> {
        final LocalDate on;
        final T value;
        boolean returned;
        CaseActivity.Satisfaction rating, followUp;

        Dated(LocalDate on, T value) {
            this.on = on;
            this.value = value;
        }
    }

    private static final class Case {
        LocalDate receivedOn;
        Channel channel;
        int headcount;
        boolean first, acceptanceClock;
        Category category;
        String region;
        final List<Dated<String>> units = new ArrayList<>(), leadUnits = new ArrayList<>(), leaders = new ArrayList<>();
        final List<Dated<String>> batches = new ArrayList<>();
        final List<Run> timely = new ArrayList<>(), handling = new ArrayList<>();
        final List<Dated<Channel>> repeats = new ArrayList<>();
        final List<Integer> repeatHeadcounts = new ArrayList<>();
        final List<LocalDate> later = new ArrayList<>();
        final List<Dated<Void>> proposals = new ArrayList<>(), claims = new ArrayList<>(), conclusions = new ArrayList<>();
        Dated<Void> pendingProposal, pendingClaim, current;
        final List<Dated<Resolution.TrackState>> track = new ArrayList<>();
        final List<Resolution.ResolutionKind> kinds = new ArrayList<>();
        Resolution.TrackState state;
        Resolution.ResolutionKind kind;

        Run last(List<Run> runs) {
            return runs.isEmpty() ? null : runs.get(runs.size() - 1);
        }

        void track(LocalDate on, Resolution.TrackState s) {
            state = s;
            track.add(new Dated<>(on, s));
            kinds.add(kind);
        }
    }

    private final Map<CaseId, Case> cases = new LinkedHashMap<>();

    /** Replays the commands recorded up to asOf. */
    FiguresModel(List<Logged> log, Instant asOf) {
        for (Logged l : log) if (!l.at().isAfter(asOf)) apply(l.command());
    }

    private void apply(CaseCommand command) {
        if (command instanceof ProcedureCommand.Register r) {
            Case c = new Case();
            c.receivedOn = r.petition().receivedOn();
            c.channel = r.petition().channel();
            c.headcount = r.petition().headcount();
            c.first = r.petition().firstPetition();
            c.category = r.petition().category();
            c.region = r.petition().regionCode();
            c.acceptanceClock = WITH_ACCEPTANCE.equals(r.profile());
            cases.put(r.caseId(), c);
            return;
        }
        Case c = cases.get(command.caseId());
        if (command instanceof ProcedureCommand.Route x) {
            c.units.add(new Dated<>(x.receivedOn(), x.unit().value()));
            c.timely.add(new Run(x.receivedOn(), c.acceptanceClock ? ACCEPTANCE_DAYS : TELLING_DAYS));
        } else if (command instanceof ProcedureCommand.InformPetitioner x) {
            if (!c.acceptanceClock) meet(c.last(c.timely), x.servedOn());
        } else if (command instanceof ProcedureCommand.Accept x) {
            if (c.acceptanceClock) meet(c.last(c.timely), x.acceptedOn());
            if (c.category == Category.CLAIM) c.handling.add(new Run(x.acceptedOn(), HANDLING_DAYS));
        } else if (command instanceof ProcedureCommand.Extend x) {
            c.last(c.handling).extension = x.days();
        } else if (command instanceof ProcedureCommand.ProposeConclusion x) {
            c.pendingProposal = new Dated<>(x.proposedOn(), null);
            c.proposals.add(c.pendingProposal);
        } else if (command instanceof ProcedureCommand.ReturnForRework) {
            c.pendingProposal.returned = true;
        } else if (command instanceof ProcedureCommand.ApproveConclusion x) {
            meet(c.last(c.handling), x.approvedOn());
            c.current = new Dated<>(x.approvedOn(), null);
            c.conclusions.add(c.current);
        } else if (command instanceof ProcedureCommand.RequestReview x) {
            c.later.add(x.receivedOn());
        } else if (command instanceof ProcedureCommand.Reopen x) {
            c.current = null;
            if (c.category == Category.CLAIM) c.handling.add(new Run(x.reopenedOn(), HANDLING_DAYS));
        } else if (command instanceof ProcedureCommand.Withdraw x) {
            for (Run r : c.timely) if (r.met == null && r.stopped == null) r.stopped = x.withdrawnOn();
            for (Run r : c.handling) if (r.met == null && r.stopped == null) r.stopped = x.withdrawnOn();
        } else if (command instanceof ActivityCommand.RecordRepeatPetition x) {
            c.repeats.add(new Dated<>(x.receivedOn(), x.channel()));
            c.repeatHeadcounts.add(x.headcount());
            c.later.add(x.receivedOn());
        } else if (command instanceof ActivityCommand.RateHandling x) {
            if (c.current != null) c.current.rating = x.satisfaction();
        } else if (command instanceof ActivityCommand.RecordFollowUpVisit x) {
            if (c.current != null) c.current.followUp = x.satisfaction();
        } else if (command instanceof ResolutionCommand.DesignateBacklog x) {
            c.track(x.designatedOn(), Resolution.TrackState.OPEN);
        } else if (command instanceof ResolutionCommand.EnrolInBatch x) {
            c.batches.add(new Dated<>(x.enrolledOn(), x.batch().value()));
            c.track(x.enrolledOn(), c.state == null || c.state == Resolution.TrackState.RESOLVED ? Resolution.TrackState.OPEN : c.state);
        } else if (command instanceof ResolutionCommand.AssignPackageLeader x) {
            c.leadUnits.add(new Dated<>(x.assignedOn(), x.leadUnit().value()));
            c.leaders.add(new Dated<>(x.assignedOn(), x.leader().value()));
            c.track(x.assignedOn(), Resolution.TrackState.IN_RESOLUTION);
        } else if (command instanceof ResolutionCommand.ReplacePackageLeader x) {
            c.leadUnits.add(new Dated<>(x.replacedOn(), x.leadUnit().value()));
            c.leaders.add(new Dated<>(x.replacedOn(), x.leader().value()));
        } else if (command instanceof ResolutionCommand.ClaimResolution x) {
            c.kind = x.kind();
            c.pendingClaim = new Dated<>(x.claimedOn(), null);
            c.claims.add(c.pendingClaim);
            c.track(x.claimedOn(), Resolution.TrackState.CLAIMED);
        } else if (command instanceof ResolutionCommand.ApproveResolution x) {
            c.track(x.approvedOn(), Resolution.TrackState.RESOLVED);
        } else if (command instanceof ResolutionCommand.RejectResolution x) {
            c.pendingClaim.returned = true;
            c.track(x.rejectedOn(), Resolution.TrackState.IN_RESOLUTION);
        } else if (command instanceof ResolutionCommand.ReportRebound x) {
            c.track(x.reportedOn(), Resolution.TrackState.OPEN);
        }
    }

    private static void meet(Run r, LocalDate on) {
        if (r != null && r.met == null && r.stopped == null) r.met = on;
    }

    // ------------------------------------------------------------------ counting

    /** The expected counts: period index → group ("" for the whole) → metric → {numerator, denominator}. */
    Map<Integer, Map<String, Map<Figures.Metric, long[]>>> count(List<Period> periods, LocalDate asOfDate, Figures.Grouping grouping,
                                                                  Figures.Options options) {
        Map<Integer, Map<String, Map<Figures.Metric, long[]>>> out = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            Map<String, Map<Figures.Metric, long[]>> byGroup = new HashMap<>();
            out.put(i, byGroup);
            for (Case c : cases.values()) countCase(c, p, asOfDate, grouping, options, byGroup);
        }
        return out;
    }

    /** The expected channel volumes of the whole in a period: channel → {petitions, persons}. */
    Map<String, long[]> channels(Period p) {
        Map<String, long[]> out = new HashMap<>();
        for (Case c : cases.values()) {
            if (p.contains(c.receivedOn)) bump(out, c.channel.name(), c.headcount);
            for (int i = 0; i < c.repeats.size(); i++) {
                if (p.contains(c.repeats.get(i).on)) bump(out, c.repeats.get(i).value.name(), c.repeatHeadcounts.get(i));
            }
        }
        return out;
    }

    private static void bump(Map<String, long[]> m, String key, int persons) {
        long[] n = m.computeIfAbsent(key, k -> new long[2]);
        n[0]++;
        n[1] += persons;
    }

    private void countCase(Case c, Period p, LocalDate asOfDate, Figures.Grouping g, Figures.Options o,
                           Map<String, Map<Figures.Metric, long[]>> out) {
        for (Run r : c.timely) run(c, r, Figures.Metric.TIMELY_ACCEPTANCE, p, asOfDate, g, out);
        for (Run r : c.handling) run(c, r, Figures.Metric.ON_TIME_CONCLUSION, p, asOfDate, g, out);
        // petitions: the registration, then the repeat petitions
        LocalDate latest = null;
        boolean anyRepeat = false;
        if (p.contains(c.receivedOn)) {
            add(out, groups(c, c.receivedOn, g), Figures.Metric.REPEAT_BY_PETITIONS, !c.first);
            latest = c.receivedOn;
            anyRepeat = !c.first;
        }
        for (Dated<Channel> r : c.repeats) {
            if (!p.contains(r.on)) continue;
            add(out, groups(c, r.on, g), Figures.Metric.REPEAT_BY_PETITIONS, true);
            if (latest == null || r.on.isAfter(latest)) latest = r.on;
            anyRepeat = true;
        }
        if (latest != null) add(out, groups(c, latest, g), Figures.Metric.REPEAT_BY_CASES, anyRepeat);
        // first-contact resolution
        if (c.first && !c.conclusions.isEmpty()) {
            LocalDate on = c.conclusions.get(0).on;
            LocalDate end = on.plusDays(o.firstContactWindowDays());
            if (end.isBefore(asOfDate) && p.contains(on)) {
                boolean again = c.later.stream().anyMatch(d -> d.isAfter(on) && !d.isAfter(end));
                add(out, groups(c, on, g), Figures.Metric.FIRST_CONTACT_RESOLUTION, !again);
            }
        }
        for (Dated<Void> k : c.conclusions) {
            if (!p.contains(k.on)) continue;
            List<String> gs = groups(c, k.on, g);
            add(out, gs, Figures.Metric.RATING_PARTICIPATION, k.rating != null);
            if (k.rating != null) add(out, gs, Figures.Metric.RATING_SATISFACTION, o.satisfied(k.rating));
            add(out, gs, Figures.Metric.FOLLOW_UP_COVERAGE, k.followUp != null);
            if (k.followUp != null) add(out, gs, Figures.Metric.FOLLOW_UP_SATISFACTION, o.satisfied(k.followUp));
        }
        for (Dated<Void> k : c.proposals) if (p.contains(k.on)) add(out, groups(c, k.on, g), Figures.Metric.PROCEDURE_RETURNS, k.returned);
        for (Dated<Void> k : c.claims) if (p.contains(k.on)) add(out, groups(c, k.on, g), Figures.Metric.RESOLUTION_RETURNS, k.returned);
        // resolution: the track on the period's last day
        int end = at(c.track, p.last()), before = at(c.track, p.first().minusDays(1));
        if (end < 0) return;
        Resolution.TrackState s = c.track.get(end).value;
        boolean resolved = s == Resolution.TrackState.RESOLVED;
        boolean claimed = resolved || s == Resolution.TrackState.CLAIMED;
        boolean substantive = resolved && c.kinds.get(end) == Resolution.ResolutionKind.SUBSTANTIVE;
        boolean earlier = resolved && before >= 0 && c.track.get(before).value == Resolution.TrackState.RESOLVED;
        List<String> gs = groups(c, p.last(), g);
        for (String key : earlier ? List.<String>of() : List.of("")) {
            count(out, key, Figures.Metric.RESOLUTION, resolved);
            count(out, key, Figures.Metric.CLAIMED_RESOLUTION, claimed);
            count(out, key, Figures.Metric.SUBSTANTIVE_RESOLUTION, substantive);
        }
        if (earlier && g.kind() != Figures.Grouping.Kind.BATCH) return;
        for (String key : gs) {
            count(out, key, Figures.Metric.RESOLUTION, resolved);
            count(out, key, Figures.Metric.CLAIMED_RESOLUTION, claimed);
            count(out, key, Figures.Metric.SUBSTANTIVE_RESOLUTION, substantive);
        }
    }

    private void run(Case c, Run r, Figures.Metric m, Period p, LocalDate asOfDate, Figures.Grouping g,
                     Map<String, Map<Figures.Metric, long[]>> out) {
        LocalDate due = r.due();
        LocalDate on;
        boolean onTime;
        if (r.met != null) {
            onTime = !r.met.isAfter(due);
            on = onTime ? r.met : due;
        } else if (due.isBefore(asOfDate) && (r.stopped == null || r.stopped.isAfter(due))) {
            onTime = false;
            on = due;
        } else {
            return;
        }
        if (p.contains(on)) add(out, groups(c, on, g), m, onTime);
    }

    /** The index of the last entry dated on or before a day, or -1. */
    private static <T> int at(List<Dated<T>> list, LocalDate day) {
        int found = -1;
        for (int i = 0; i < list.size(); i++) if (!list.get(i).on.isAfter(day)) found = i;
        return found;
    }

    private static List<String> groups(Case c, LocalDate on, Figures.Grouping g) {
        switch (g.kind()) {
            case NONE: return List.of();
            case HANDLING_UNIT: return holder(c.units, on);
            case LEAD_UNIT: return holder(c.leadUnits, on);
            case PACKAGE_LEADER: return holder(c.leaders, on);
            case REGION: return List.of(c.region.substring(0, g.regionDigits()));
            case CATEGORY: return List.of(c.category.name());
            case BATCH: {
                Set<String> in = new LinkedHashSet<>();
                for (Dated<String> b : c.batches) if (!b.on.isAfter(on)) in.add(b.value);
                return new ArrayList<>(in);
            }
            default: throw new AssertionError(g);
        }
    }

    private static List<String> holder(List<Dated<String>> list, LocalDate on) {
        int i = at(list, on);
        return List.of(i < 0 ? Figures.UNATTRIBUTED : list.get(i).value);
    }

    private static void add(Map<String, Map<Figures.Metric, long[]>> out, List<String> groups, Figures.Metric m, boolean numerator) {
        count(out, "", m, numerator);
        for (String g : groups) count(out, g, m, numerator);
    }

    private static void count(Map<String, Map<Figures.Metric, long[]>> out, String group, Figures.Metric m, boolean numerator) {
        long[] n = out.computeIfAbsent(group, k -> new HashMap<>()).computeIfAbsent(m, k -> new long[2]);
        n[1]++;
        if (numerator) n[0]++;
    }
}
