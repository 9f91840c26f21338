package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ClusterQuery;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ReportQuery;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoredCase;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of the access scope (rules Q4, O7, R8, P6 and C6): every scoped query of every query port the
 * store offers ({@link CaseQuery}, {@link OverdueQuery}, {@link ResolutionQuery}, {@link ReportQuery},
 * {@link ClusterQuery}) answers exactly the rows its unscoped rule answers that are {@link AccessScope#contains in the
 * scope}, page by page (a page holds {@code limit} rows in scope when that many exist: the store evaluates the scope
 * before its limit), and its counts count exactly those. A store that offers none of the query ports has nothing to
 * check here. Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Random index rows name a few units and officials as access parties and accused parties
 * ({@link StoredRecordGenerators#indexRows}); random scopes draw their prefixes, units and officials from the same sets, so
 * that scopes include, exclude and miss rows in every combination, and now and then are {@link AccessScope#everything()}
 * or {@link AccessScope#nothing()}. The expected answers are brute forces over each case's latest row.
 *
 * @param <S> the adapter's type
 * @since 0.7
 */
public interface AccessScopeTck<S extends CaseStore> extends StoreFactory<S> {

    /**
     * Q4, O7, R8, P6, C6: for random scopes, every scoped listing of every query port, read page by page, equals the model
     * (the rule's rows, in its order, that are in the scope), and every scoped count equals the listing's size.
     */
    @Test
    default void required_Q4_O7_R8_P6_C6_scopedQueriesAnswerExactlyTheRowsInTheScope() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), lists().of(scopes()).ofSizeBetween(1, 4),
                        integers().between(1, 4))
                .checkAssert((commits, scopes, limit) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> latest = latestRows(commits);
                    for (AccessScope scope : scopes) checkEveryPort(store, latest, scope, limit);
                }));
    }

    /**
     * Q4, O7: an accusation is never listed, nor counted, for an accused unit or official, even when the scope covers its
     * region and names the accused as a handling party.
     */
    @Test
    default void required_Q4_O7_anAccusedPartyNeverSeesTheAccusation() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(6, 16), integers().between(1, 3))
                .checkAssert((commits, limit) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> latest = latestRows(commits);
                    for (IndexRow row : latest.values()) {
                        if (row.accusedUnits().isEmpty() && row.accusedOfficials().isEmpty()) continue;
                        Set<String> units = new HashSet<>(row.accusedUnits());
                        units.addAll(row.accessUnits());
                        Set<String> officials = new HashSet<>(row.accusedOfficials());
                        officials.addAll(row.accessOfficials());
                        AccessScope accused = new AccessScope(Set.of(""), units, officials, Set.copyOf(row.accusedUnits()),
                                Set.copyOf(row.accusedOfficials()));
                        assertThat(accused.contains(row)).isFalse();
                        checkEveryPort(store, latest, accused, limit);
                    }
                }));
    }

    // ------------------------------------------------------------------------------------------ the checks

    private void checkEveryPort(S store, Map<String, IndexRow> latest, AccessScope scope, int limit) {
        Predicate<IndexRow> in = scope::contains;
        List<IndexRow> rows = new ArrayList<>(latest.values());
        rows.sort(Comparator.comparing(IndexRow::caseId));
        if (store instanceof CaseQuery q) {
            List<IndexRow> expected = new ArrayList<>(rows.stream()
                    .filter(r -> r.nextAttentionAt().isPresent() && r.nextAttentionAt().get().isBefore(FAR)).filter(in).toList());
            expected.sort(Comparator.comparing((IndexRow r) -> r.nextAttentionAt().get()).thenComparing(IndexRow::caseId));
            List<IndexRow> actual = new ArrayList<>();
            AttentionQuery query = AttentionQuery.firstPage(FAR, limit);
            for (int page = 0; page <= rows.size() + 1; page++) {
                List<IndexRow> got = q.needingAttention(query, scope);
                checkPageSize("Q4", "needingAttention", got, limit, scope);
                actual.addAll(got);
                if (got.size() < limit) break;
                query = query.after(got.get(got.size() - 1));
            }
            assertSame("Q4", "needingAttention(before " + FAR + ")", scope, expected, actual);
        }
        if (store instanceof OverdueQuery q) {
            for (OverdueScope whose : overdueScopes(rows)) {
                List<IndexRow> expected = rows.stream().filter(r -> whose.contains(r) && !r.lateClocks(FAR).isEmpty())
                        .filter(in).toList();
                List<IndexRow> actual = pages(rows.size(), limit, scope, "O7", "overdue(" + whose + ")",
                        after -> q.overdue(whose, FAR, after, limit, scope));
                assertSame("O7", "overdue(" + whose + ")", scope, expected, actual);
                assertThat(q.countOverdue(whose, FAR, scope))
                        .as("O7: countOverdue(%s) in scope %s counts the rows in scope", whose, scope)
                        .isEqualTo(expected.size());
            }
        }
        if (store instanceof ResolutionQuery q) {
            for (String leader : distinct(rows, r -> r.activeLeader().stream().toList())) {
                listing(rows, r -> r.activeLeader().map(leader::equals).orElse(false), scope, limit, "R8",
                        "byActiveLeader(" + leader + ")", (after, n) -> q.byActiveLeader(leader, after, n, scope));
            }
            for (String unit : distinct(rows, r -> r.leadUnit().stream().toList())) {
                listing(rows, r -> r.leadUnit().map(unit::equals).orElse(false), scope, limit, "R8",
                        "byLeadUnit(" + unit + ")", (after, n) -> q.byLeadUnit(unit, after, n, scope));
            }
            for (String leader : distinct(rows, r -> r.activeLeader().stream().toList())) {
                for (Instant asOf : List.of(FAR, Instant.parse("2024-03-05T00:00:00Z"))) {
                    List<IndexRow> mine = rows.stream().filter(r -> r.activeLeader().map(leader::equals).orElse(false))
                            .filter(in).toList();
                    long overdue = mine.stream().filter(r -> r.earliestDueAt().map(at -> !at.isAfter(asOf)).orElse(false)).count();
                    LeaderWorkload w = q.workload(leader, asOf, scope);
                    assertThat(List.of(w.activeCases(), w.overdueCases()))
                            .as("R8: workload(%s, %s) in scope %s counts the active and overdue rows in the scope", leader, asOf, scope)
                            .containsExactly((long) mine.size(), overdue);
                }
            }
            for (String batch : distinct(rows, IndexRow::batches)) {
                listing(rows, r -> r.batches().contains(batch), scope, limit, "R8", "byBatch(" + batch + ")",
                        (after, n) -> q.byBatch(batch, after, n, scope));
            }
        }
        if (store instanceof ReportQuery q) {
            List<String> unscoped = new ArrayList<>();
            for (StoredCase c : q.touching("", Instant.EPOCH, null, Integer.MAX_VALUE)) unscoped.add(c.caseId());
            List<String> expected = unscoped.stream().filter(id -> scope.contains(latest.get(id))).toList();
            List<String> actual = new ArrayList<>();
            String after = null;
            for (int page = 0; page <= rows.size() + 1; page++) {
                List<StoredCase> got = q.touching("", Instant.EPOCH, after, limit, scope);
                assertThat(got.size()).as("P6: a page of touching holds at most the limit").isLessThanOrEqualTo(limit);
                for (StoredCase c : got) actual.add(c.caseId());
                if (got.size() < limit) break;
                after = got.get(got.size() - 1).caseId();
            }
            assertThat(actual).as("P6: touching(\"\", EPOCH) in scope %s lists the cases P1 lists that are in the scope, page by"
                    + " page with limit %d", scope, limit).isEqualTo(expected);
        }
        if (store instanceof ClusterQuery q) {
            LocalDate since = LocalDate.of(2000, 1, 1);
            listing(rows, r -> !r.subjectTags().isEmpty() && r.lastPetitionOn().map(d -> !d.isBefore(since)).orElse(false),
                    scope, limit, "C6", "taggedSince(\"\", " + since + ")", (after, n) -> q.taggedSince("", since, after, n, scope));
        }
    }

    private static void listing(List<IndexRow> rows, Predicate<IndexRow> rule, AccessScope scope, int limit, String id,
                                String call, BiFunction<String, Integer, List<IndexRow>> page) {
        List<IndexRow> expected = rows.stream().filter(rule).filter(scope::contains).toList();
        List<IndexRow> actual = pages(rows.size(), limit, scope, id, call, after -> page.apply(after, limit));
        assertSame(id, call, scope, expected, actual);
    }

    private static List<IndexRow> pages(int rows, int limit, AccessScope scope, String id, String call,
                                        Function<String, List<IndexRow>> page) {
        List<IndexRow> actual = new ArrayList<>();
        String after = null;
        for (int n = 0; n <= rows + 1; n++) {
            List<IndexRow> got = page.apply(after);
            checkPageSize(id, call, got, limit, scope);
            actual.addAll(got);
            if (got.size() < limit) break;
            after = got.get(got.size() - 1).caseId();
        }
        return actual;
    }

    private static void checkPageSize(String id, String call, List<IndexRow> got, int limit, AccessScope scope) {
        assertThat(got.size()).as("%s: a page of %s in scope %s holds at most the limit %d", id, call, scope, limit)
                .isLessThanOrEqualTo(limit);
    }

    private static void assertSame(String id, String call, AccessScope scope, List<IndexRow> expected, List<IndexRow> actual) {
        assertThat(actual).as("%s: %s in scope %s, read page by page, answers exactly the rows of its rule that are in the"
                + " scope, in order (evaluate the scope inside the query, before the limit)", id, call, scope)
                .isEqualTo(expected);
    }

    private static List<String> distinct(List<IndexRow> rows, Function<IndexRow, List<String>> values) {
        Set<String> seen = new java.util.TreeSet<>();
        for (IndexRow r : rows) seen.addAll(values.apply(r));
        return List.copyOf(seen);
    }

    private static List<OverdueScope> overdueScopes(List<IndexRow> rows) {
        List<OverdueScope> scopes = new ArrayList<>();
        for (String unit : distinct(rows, r -> r.handlingUnit().stream().toList())) scopes.add(OverdueScope.handlingUnit(unit));
        for (String leader : distinct(rows, r -> r.activeLeader().stream().toList())) scopes.add(OverdueScope.activeLeader(leader));
        for (String region : distinct(rows, r -> List.of(r.regionCode().substring(0, 2)))) scopes.add(OverdueScope.regionPrefix(region));
        return scopes;
    }

    /** @return random scopes over the units, officials and regions the generated rows use, some everything or nothing */
    private static Gen<AccessScope> scopes() {
        Gen<List<String>> prefixes = lists().of(StoredRecordGenerators.regionPrefixes()).ofSizeBetween(0, 2);
        Gen<List<String>> units = lists().of(StoredRecordGenerators.unitIds()).ofSizeBetween(0, 2);
        Gen<List<String>> officials = lists().of(StoredRecordGenerators.officialIds()).ofSizeBetween(0, 2);
        return in -> {
            int kind = integers().between(0, 9).generate(in);
            if (kind == 0) return AccessScope.everything();
            if (kind == 1) return AccessScope.nothing();
            Set<String> p = new HashSet<>(prefixes.generate(in));
            if (kind == 2) p.add("");
            return new AccessScope(p, Set.copyOf(units.generate(in)), Set.copyOf(officials.generate(in)),
                    Set.copyOf(units.generate(in)), Set.copyOf(officials.generate(in)));
        };
    }
}
