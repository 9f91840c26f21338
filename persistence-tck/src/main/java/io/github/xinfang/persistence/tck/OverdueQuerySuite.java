package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.github.xinfang.persistence.tck.StoreSuite.FAR;
import static io.github.xinfang.persistence.tck.StoreSuite.caseIds;
import static org.quicktheories.generators.SourceDSL.integers;

/** The scopes, the model and the page and count checks {@link OverdueQueryTck} uses. */
final class OverdueQuerySuite {

    private OverdueQuerySuite() {}

    /** Scopes of the three kinds, over the units, regions and leaders the generated rows use (and some none uses). */
    static Gen<OverdueScope> scopes() {
        Gen<Integer> kinds = integers().between(0, 2);
        Gen<String> units = StoredRecordGenerators.unitIds();
        Gen<String> prefixes = StoredRecordGenerators.regionPrefixes();
        Gen<String> leaders = StoredRecordGenerators.officialIds();
        return in -> {
            int kind = kinds.generate(in);
            return kind == 0 ? OverdueScope.handlingUnit(units.generate(in))
                    : kind == 1 ? OverdueScope.regionPrefix(prefixes.generate(in))
                    : OverdueScope.activeLeader(leaders.generate(in));
        };
    }

    /** The knobs of one query: scope, instant pick, page size, where the first page starts. */
    record Spec(OverdueScope scope, int instantPick, int nanosBack, int limit, int afterKind, int afterPick, String anyId) {}

    static Gen<Spec> specs() {
        Gen<OverdueScope> scopes = scopes();
        return in -> new Spec(scopes.generate(in), integers().between(0, 1_000).generate(in),
                integers().between(0, 1).generate(in), integers().between(1, 5).generate(in),
                integers().between(0, 2).generate(in), integers().between(0, 1_000).generate(in),
                StoredRecordGenerators.caseIds().generate(in));
    }

    /** The model: rows in scope, overdue at asOf, after a case id, ascending, at most limit. */
    static List<IndexRow> model(Collection<IndexRow> rows, OverdueScope scope, Instant asOf, String after, int limit) {
        TreeMap<String, IndexRow> matching = new TreeMap<>();
        for (IndexRow row : rows) {
            if (!scope.contains(row) || (after != null && row.caseId().compareTo(after) <= 0)) continue;
            boolean late = false;
            for (ClockDue d : row.clockDues()) late |= !d.dueAt().isAfter(asOf);
            if (late) matching.put(row.caseId(), row);
        }
        List<IndexRow> page = new ArrayList<>(matching.values());
        return page.size() > limit ? List.copyOf(page.subList(0, limit)) : page;
    }

    /** Every due instant of the rows, each also one nanosecond earlier, and one far instant. */
    static List<Instant> interestingInstants(Collection<IndexRow> rows) {
        TreeSet<Instant> out = new TreeSet<>(List.of(FAR, Instant.EPOCH));
        for (IndexRow row : rows) {
            for (ClockDue d : row.clockDues()) out.add(d.dueAt());
        }
        return new ArrayList<>(out);
    }

    static Instant pickInstant(List<Instant> instants, Spec spec) {
        Instant at = instants.get(spec.instantPick() % instants.size());
        return at.minusNanos(spec.nanosBack());
    }

    static String call(OverdueScope scope, Instant asOf, String after, int limit) {
        return "overdue(" + scope + ", " + asOf + ", " + (after == null ? "null" : "\"" + after + "\"") + ", " + limit + ")";
    }

    /** Compares one page with the model; @return the page that was due */
    static List<IndexRow> checkPage(OverdueQuery store, Collection<IndexRow> rows, OverdueScope scope, Instant asOf,
                                            String after, int limit, String rule) {
        List<IndexRow> expected = model(rows, scope, asOf, after, limit);
        List<IndexRow> actual = store.overdue(scope, asOf, after, limit);
        String call = call(scope, asOf, after, limit);
        if (actual == null) throw new AssertionError(rule + ": " + call + " returned null");
        if (actual.equals(expected)) return expected;
        for (IndexRow row : actual) {
            if (!scope.contains(row)) {
                throw new AssertionError("O2: " + call + " returned case " + row.caseId() + " which is not in the scope"
                        + " (handling unit " + row.handlingUnit().orElse(null) + ", region " + row.regionCode()
                        + ", active leader " + row.activeLeader().orElse(null) + "): move a case out of its old scope's"
                        + " index when a commit changes it");
            }
            if (row.lateClocks(asOf).isEmpty()) {
                throw new AssertionError("O1: " + call + " returned case " + row.caseId() + " none of whose clock dues "
                        + row.clockDues() + " is at or before " + asOf + " (due_at <= ?, not <): a case is overdue by its"
                        + " current clock dues (delete and re-insert the child rows on every commit)");
            }
        }
        throw new AssertionError(rule + ": " + call + " returned " + caseIds(actual) + " where " + caseIds(expected)
                + " was due (rows in the scope with a clock due at or before asOf, due_at <= ?, ascending by case id in binary order,"
                + " strictly after afterCaseId, at most 'limit'; each row whole, every column and every clock due equal to"
                + " the committed row): " + actual);
    }

    static void checkCount(OverdueQuery store, Collection<IndexRow> rows, OverdueScope scope, Instant asOf, long listed,
                                   String rule) {
        long expected = model(rows, scope, asOf, null, Integer.MAX_VALUE).size();
        long actual = store.countOverdue(scope, asOf);
        if (actual != expected || actual != listed) {
            throw new AssertionError(rule + ": countOverdue(" + scope + ", " + asOf + ") returned " + actual + " where "
                    + expected + " rows are overdue (the listing's pages held " + listed + "): count exactly the rows"
                    + " the listing returns across all its pages (EXISTS a clock with due_at <= ?, each case once)");
        }
    }

    /** A row moved into a scope, with a clock due long ago, so it is overdue there. */
    static IndexRow intoScope(IndexRow row, OverdueScope scope) {
        IndexRow.Builder b = row.toBuilder();
        if (scope instanceof OverdueScope.HandlingUnit u) b.handlingUnit(u.unit());
        else if (scope instanceof OverdueScope.ActiveLeader l) b.activeLeader(l.leader());
        else if (scope instanceof OverdueScope.RegionPrefix p) {
            b.regionCode(p.prefix() + "000000".substring(p.prefix().length()));
        }
        List<ClockDue> dues = new ArrayList<>();
        for (ClockDue d : row.clockDues()) if (!d.clock().equals("HANDLING")) dues.add(d);
        dues.add(new ClockDue("HANDLING", Instant.parse("2024-01-01T00:00:00Z")));
        return b.clockDues(dues).build();
    }

    /** The scopes an old and a new row are in: their handling units, leaders, and two prefixes of their regions. */
    static Set<OverdueScope> scopesOf(IndexRow before, IndexRow now) {
        Set<OverdueScope> scopes = new java.util.LinkedHashSet<>();
        for (IndexRow r : before == null ? List.of(now) : List.of(before, now)) {
            r.handlingUnit().ifPresent(u -> scopes.add(OverdueScope.handlingUnit(u)));
            r.activeLeader().ifPresent(l -> scopes.add(OverdueScope.activeLeader(l)));
            scopes.add(OverdueScope.regionPrefix(r.regionCode()));
            scopes.add(OverdueScope.regionPrefix(r.regionCode().substring(0, 2)));
        }
        return scopes;
    }
}
