package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static io.github.xinfang.persistence.tck.OverdueQuerySuite.*;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of rules O1 to O6 of {@link OverdueQuery}, for a store that offers the overdue queries.
 * Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Random index rows with random clock dues ({@link StoredRecordGenerators#clockDues()}) are committed, and every
 * answer is compared with a simple model: a brute force over each case's latest row (in scope, one clock due at or
 * before {@code asOf}, ascending by case id after the keyset position, at most the limit; the count is the size of
 * the whole listing). Instants are drawn so that they often equal a clock's due instant exactly (due then: late) or
 * fall one nanosecond before it (not yet late). Listings are also paged while other clients write between pages.
 *
 * @param <S> the adapter's type
 * @since 0.4
 */
public interface OverdueQueryTck<S extends CaseStore & OverdueQuery> extends StoreFactory<S> {

    // ------------------------------------------------------------------------------------------ O1 to O3

    /**
     * O1 to O3: every page of every scope's overdue listing, from the start and from arbitrary positions, and the
     * count, equal the model over the rows written.
     */
    @Test
    default void required_O1_O2_O3_overduePagesAndCountsEqualTheModelOverTheRowsWritten() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), lists().of(specs()).ofSizeBetween(1, 6))
                .checkAssert((commits, specs) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> latest = latestRows(commits);
                    List<Instant> instants = interestingInstants(latest.values());
                    List<String> ids = new ArrayList<>(new TreeSet<>(latest.keySet()));
                    for (Spec spec : specs) {
                        Instant asOf = pickInstant(instants, spec);
                        String start = spec.afterKind() == 1 ? ids.get(spec.afterPick() % ids.size())
                                : spec.afterKind() == 2 ? spec.anyId() : null;
                        checkPage(store, latest.values(), spec.scope(), asOf, start, spec.limit(), "O1");
                        String after = null;
                        int total = 0;
                        for (int pageNo = 0; pageNo <= latest.size() + 1; pageNo++) {
                            List<IndexRow> page = checkPage(store, latest.values(), spec.scope(), asOf, after, spec.limit(), "O1");
                            total += page.size();
                            if (page.isEmpty()) break;
                            after = page.get(page.size() - 1).caseId();
                        }
                        checkCount(store, latest.values(), spec.scope(), asOf, total, "O3");
                    }
                }));
    }

    // ------------------------------------------------------------------------------------------ O4

    /**
     * O4: paging a listing while other clients create overdue cases in the scope and change existing ones between
     * pages: every row that did not change appears exactly once, ascending.
     */
    @Test
    default void required_O4_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), scopes(), integers().between(1, 3),
                        lists().of(writes()).ofSizeBetween(0, 12))
                .checkAssert((commits, scope, limit, writes) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> latest = latestRows(commits);
                    Instant asOf = FAR;
                    List<IndexRow> atStart = model(latest.values(), scope, asOf, null, Integer.MAX_VALUE);
                    List<String> cases = new ArrayList<>(latest.keySet());
                    Paging paging = new Paging();
                    paging.walkByCaseId("O4", "overdue(" + scope + ")", limit, atStart.size() + writes.size() + 5,
                            after -> store.overdue(scope, asOf, after, limit), after -> call(scope, asOf, after, limit),
                            (call, row) -> { }, writes.size(),
                            n -> writes.get(n).commit(store, cases, row -> intoScope(row, scope), n));
                    paging.assertEachUnchangedRowOnce(atStart, (caseId, times) -> "O4: the row of case " + caseId
                            + " did not change while a client paged through overdue(" + scope + ") with limit " + limit
                            + " but appeared " + times + " times across the pages: page with a keyset, never with OFFSET");
                }));
    }

    // ------------------------------------------------------------------------------------------ O5

    /**
     * O5: after each acknowledged commit, the overdue listings and counts of the scopes the row is in and of those
     * it left equal the model, at each of its clocks' due instants and one nanosecond before.
     */
    @Test
    default void required_O5_aQueryAfterACommitSeesItsRow() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(6, 20)).checkAssert(commits -> inFreshStore(this, store ->
                commitEach(store, commits, (c, before, latest) -> {
                    IndexRow row = c.indexRow();
                    Set<Instant> instants = new TreeSet<>(List.of(FAR));
                    for (IndexRow r : before == null ? List.of(row) : List.of(before, row)) {
                        for (ClockDue d : r.clockDues()) {
                            instants.add(d.dueAt());
                            instants.add(d.dueAt().minusNanos(1));
                        }
                    }
                    for (OverdueScope scope : scopesOf(before, row)) {
                        for (Instant asOf : instants) {
                            checkPage(store, latest.values(), scope, asOf, null, latest.size() + 1, "O5");
                            checkCount(store, latest.values(), scope, asOf, model(latest.values(), scope, asOf, null,
                                    Integer.MAX_VALUE).size(), "O5");
                        }
                    }
                })));
    }

    // ------------------------------------------------------------------------------------------ O6

    /** O6: a null scope or instant is refused naming the parameter; a limit below 1 is refused. */
    @Test
    default void required_O6_badArgumentsAreRefused() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(4, 8), integers().between(-3, 0), scopes())
                .checkAssert((commits, badLimit, scope) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    expectRefusal("O6", NullPointerException.class, "scope", "overdue(null, asOf, null, 10)",
                            () -> store.overdue(null, FAR, null, 10));
                    expectRefusal("O6", NullPointerException.class, "asOf", "overdue(scope, null, null, 10)",
                            () -> store.overdue(scope, null, null, 10));
                    expectRefusal("O6", NullPointerException.class, "scope", "countOverdue(null, asOf)", () -> store.countOverdue(null, FAR));
                    expectRefusal("O6", NullPointerException.class, "asOf", "countOverdue(scope, null)", () -> store.countOverdue(scope, null));
                    expectRefusal("O6", IllegalArgumentException.class, "limit", "overdue(scope, asOf, null, " + badLimit + ")",
                            () -> store.overdue(scope, FAR, null, badLimit));
                }));
    }
}
