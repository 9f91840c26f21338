package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.github.xinfang.persistence.tck.StoreSuite.FAR;
import static io.github.xinfang.persistence.tck.StoreSuite.TEMPLATE_ID;
import static org.quicktheories.generators.SourceDSL.integers;

/** The random steps of rule M2 and the comparisons {@link IndexMaintenanceTck} makes through the other ports. */
final class IndexMaintenanceSuite {

    private IndexMaintenanceSuite() {}

    static void checkQuietPage(List<String> actual, List<String> expected, String after, int limit) {
        if (!expected.equals(actual)) {
            throw new AssertionError("M1: on a store nobody writes to, caseIdsAfter(" + (after == null ? "null" : "\"" + after
                    + "\"") + ", " + limit + ") returned " + actual + " where " + expected + " was due: the first 'limit'"
                    + " stored case ids strictly after the one given (or from the start for null), ascending in"
                    + " String.compareTo order (a binary collation, COLLATE \"C\" on PostgreSQL); the id given need not"
                    + " be a stored case");
        }
    }

    /** One step of the M2 property: a replacement (at the stored version, at another, of an unknown case) or a commit. */
    record Step(int kind, int pick, IndexRow row, CaseCommit template) {}

    static Gen<Step> steps() {
        Gen<IndexRow> rows = StoredRecordGenerators.indexRows(TEMPLATE_ID, 1);
        Gen<CaseCommit> templates = StoredRecordGenerators.commits(TEMPLATE_ID, 0, 1, "tmpl");
        return in -> new Step(integers().between(0, 5).generate(in), integers().between(0, 1_000).generate(in),
                rows.generate(in), templates.generate(in));
    }

    /** What replaceIndexRow must never change: the case's history, snapshot and idempotency records. */
    record History(Optional<StoredCase> stored, Map<String, Optional<AppliedCommand>> applied) {
        static History of(CaseStore store, String caseId, List<String> keys) {
            Map<String, Optional<AppliedCommand>> applied = new LinkedHashMap<>();
            for (String k : keys) applied.put(k, store.findApplied(caseId, k));
            return new History(store.load(caseId), applied);
        }
    }

    /**
     * M2 as seen through the resolution queries: the listings of the old and new row's leaders, lead units and
     * batches, and the leaders' workloads (at their due instants and far ahead), equal the reference's.
     */
    static void compareResolutionQueries(ResolutionQuery store, InMemoryCaseStore reference, String what,
                                                 Optional<IndexRow> oldRow, Optional<IndexRow> newRow) {
        for (Listing listing : Listing.values()) {
            Set<String> keys = new TreeSet<>();
            oldRow.ifPresent(r -> keys.addAll(listing.keysOf(r)));
            newRow.ifPresent(r -> keys.addAll(listing.keysOf(r)));
            for (String key : keys) {
                List<IndexRow> actual = listing.page(store, key, null, AttentionQuery.MAX_LIMIT);
                List<IndexRow> expected = listing.page(reference, key, null, AttentionQuery.MAX_LIMIT);
                if (!expected.equals(actual)) {
                    throw new AssertionError("M2: after " + what + ", " + listing.call(key, null, AttentionQuery.MAX_LIMIT)
                            + " returned " + actual + " where " + expected + " was due: the resolution queries must see the"
                            + " replaced row (its active leader, lead unit, batches and earliest due instant), and only it");
                }
            }
        }
        Set<String> leaders = new TreeSet<>();
        Set<Instant> instants = new TreeSet<>(List.of(FAR));
        for (Optional<IndexRow> row : List.of(oldRow, newRow)) {
            row.flatMap(IndexRow::activeLeader).ifPresent(leaders::add);
            row.flatMap(IndexRow::earliestDueAt).ifPresent(instants::add);
        }
        for (String leader : leaders) {
            for (Instant asOf : instants) {
                LeaderWorkload actual = store.workload(leader, asOf);
                LeaderWorkload expected = reference.workload(leader, asOf);
                if (!expected.equals(actual)) {
                    throw new AssertionError("M2: after " + what + ", workload(\"" + leader + "\", " + asOf + ") returned "
                            + actual + " where " + expected + " was due: the workload must count the replaced row (its"
                            + " active leader and earliest due instant), and only it");
                }
            }
        }
    }

    /**
     * M2 as seen through the overdue queries: the listings and counts of the old and new row's scopes, at their clocks'
     * due instants and far ahead, equal the reference's.
     */
    static void compareOverdueQueries(OverdueQuery store, InMemoryCaseStore reference, String what,
                                              Optional<IndexRow> oldRow, Optional<IndexRow> newRow) {
        if (newRow.isEmpty()) return;
        Set<Instant> instants = new TreeSet<>(List.of(FAR));
        for (Optional<IndexRow> row : List.of(oldRow, newRow)) {
            row.ifPresent(r -> r.clockDues().forEach(d -> instants.add(d.dueAt())));
        }
        for (OverdueScope scope : OverdueQuerySuite.scopesOf(oldRow.orElse(null), newRow.get())) {
            for (Instant asOf : instants) {
                List<IndexRow> actual = store.overdue(scope, asOf, null, AttentionQuery.MAX_LIMIT);
                List<IndexRow> expected = reference.overdue(scope, asOf, null, AttentionQuery.MAX_LIMIT);
                if (!expected.equals(actual) || store.countOverdue(scope, asOf) != expected.size()) {
                    throw new AssertionError("M2: after " + what + ", overdue(" + scope + ", " + asOf + ") returned " + actual
                            + " (count " + store.countOverdue(scope, asOf) + ") where " + expected + " was due: the overdue"
                            + " queries must see the replaced row (its scope and clock dues), and only it");
                }
            }
        }
    }

    /** M2 as seen through the attention query: the store's results equal the reference's. */
    static void compareQueries(StoreFactory<?> kit, CaseQuery store, InMemoryCaseStore reference, String what, Optional<IndexRow> oldRow,
                                Optional<IndexRow> newRow) {
        List<AttentionQuery> queries = new ArrayList<>();
        AttentionQuery all = AttentionQuery.firstPage(FAR, AttentionQuery.MAX_LIMIT);
        queries.add(all);
        Set<String> units = new TreeSet<>();
        oldRow.ifPresent(r -> units.addAll(r.unitsInvolved()));
        newRow.ifPresent(r -> units.addAll(r.unitsInvolved()));
        if (kit.supportsUnitFilter()) for (String unit : units) queries.add(all.involving(unit));
        if (kit.supportsRegionFilter()) {
            oldRow.ifPresent(r -> queries.add(all.inRegion(r.regionCode())));
            newRow.ifPresent(r -> queries.add(all.inRegion(r.regionCode().substring(0, Math.min(4, r.regionCode().length())))));
        }
        for (AttentionQuery q : queries) {
            List<IndexRow> actual = store.needingAttention(q);
            List<IndexRow> expected = reference.needingAttention(q);
            if (!expected.equals(actual)) {
                throw new AssertionError("M2: after " + what + ", needingAttention(" + q + ") returned " + actual + " where "
                        + expected + " was due: the attention query must see the replaced row (its next attention"
                        + " instant, region and units involved), and only it");
            }
        }
    }
}
