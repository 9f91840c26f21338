package io.github.xinfang.service;

import io.github.xinfang.cases.CaseDecider;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.time.TimeLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/** The index row of a case: the columns the queries read, as a pure function of its state. Stateless. */
final class IndexRows {
    private IndexRows() {}

    /**
     * Computes a case's index row: its columns and the next instant it needs attention (a pure function of
     * the state, its profile and the work calendar).
     *
     * @param s the case's state
     * @param version the version the row describes
     * @param limits the time limits the due dates are counted with
     * @param decider the decider that knows when escalation is next checked
     * @param directory the organisation directory the access columns name officials' units from
     * @return the row
     */
    static IndexRow of(CaseState s, long version, TimeLimits limits, CaseDecider decider, OrganisationDirectory directory) {
        List<String> units = new ArrayList<>();
        if (s.handlingUnit() != null) units.add(s.handlingUnit().value());
        IndexRow.Builder row = IndexRow.builder(s.caseId().value());
        Resolution r = s.resolution();
        if (r != null) {
            row.trackState(r.track().name());
            List<String> batches = new ArrayList<>();
            for (Resolution.Batch b : r.batches()) batches.add(b.id().value());
            row.batches(batches);
            r.activeAssignment().ifPresent(a -> {
                row.activeLeader(a.leader().value()).leadUnit(a.leadUnit().value());
                units.add(a.leadUnit().value());
                for (UnitId co : a.coUnits()) units.add(co.value());
            });
        }
        // one computation gives the clock dues and the earliest of them, so the two columns always agree
        SortedMap<String, Instant> dues = limits.dueInstants(s.timing().obligations(), s.profile(), s.petition().category(),
                s.petition().region());
        List<ClockDue> clockDues = new ArrayList<>(dues.size());
        Instant earliest = null;
        for (Map.Entry<String, Instant> d : dues.entrySet()) {
            clockDues.add(new ClockDue(d.getKey(), d.getValue()));
            if (earliest == null || d.getValue().isBefore(earliest)) earliest = d.getValue();
        }
        Instant next = limits.nextAttention(s.timing().obligations(), s.profile(), s.petition().category(), s.petition().region())
                .orElse(null);
        Optional<Instant> escalation = decider.nextEscalationCheck(s);
        if (escalation.isPresent() && (next == null || escalation.get().isBefore(next))) next = escalation.get();
        row
                .version(version)
                .stage(s.stage().name())
                .regionCode(s.petition().region().value())
                .handlingUnit(s.handlingUnit() == null ? null : s.handlingUnit().value())
                .unitsInvolved(units)
                .nextAttentionAt(next)
                .earliestDueAt(earliest)
                .clockDues(clockDues)
                .subjectTags(s.petition().subjectTags())
                .lastPetitionOn(lastPetitionOn(s));
        accessColumns(s, row, directory);
        return row.build();
    }

    /**
     * The access columns: who handles the case (the units and officials {@code AccessPolicy.standard} lets read it
     * besides the offices over its region) and whom it accuses, exactly the facts {@code AccessPolicies.Standard.mayRead}
     * reads, so that the compiled scope and the per-case check agree.
     */
    private static void accessColumns(CaseState s, IndexRow.Builder row, OrganisationDirectory directory) {
        Set<String> units = new TreeSet<>();
        Set<String> officials = new TreeSet<>();
        if (s.handlingUnit() != null) units.add(s.handlingUnit().value());
        Resolution r = s.resolution();
        if (r != null && r.activeAssignment().isPresent()) {
            Resolution.Assignment a = r.activeAssignment().get();
            units.add(a.leadUnit().value());
            for (UnitId co : a.coUnits()) units.add(co.value());
            List<OfficialId> people = new ArrayList<>();
            people.add(a.leader());
            people.addAll(a.taskForce());
            for (OfficialId o : people) {
                officials.add(o.value());
                directory.official(o).ifPresent(of -> units.add(of.unit().value()));
            }
        }
        for (CaseActivity.Supervision sup : s.activity().supervisions()) units.add(sup.addressee().value());
        Set<String> accusedUnits = new TreeSet<>();
        Set<String> accusedOfficials = new TreeSet<>();
        for (Petition.AccusedParty p : s.petition().accused()) {
            if (p instanceof Petition.AccusedParty.AccusedUnit u) accusedUnits.add(u.unit().value());
            if (p instanceof Petition.AccusedParty.AccusedOfficial o) {
                accusedOfficials.add(o.official().value());
                directory.official(o.official()).ifPresent(of -> accusedUnits.add(of.unit().value()));
            }
        }
        row.accessUnits(units).accessOfficials(officials).accusedUnits(accusedUnits).accusedOfficials(accusedOfficials);
    }

    /** @return the day of the case's latest petition: its registration's, or its latest repeat petition's */
    static java.time.LocalDate lastPetitionOn(CaseState s) {
        java.time.LocalDate last = s.petition().receivedOn();
        for (io.github.xinfang.cases.CaseActivity.RepeatPetition p : s.activity().repeatPetitions()) {
            if (p.receivedOn().isAfter(last)) last = p.receivedOn();
        }
        return last;
    }
}
