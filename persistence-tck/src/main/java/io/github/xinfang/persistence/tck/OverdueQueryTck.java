package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance suite of rules O1 to O6 of {@link OverdueQuery}, for a store that offers the overdue queries.
 * Extend it with one factory method returning a fresh, empty store (see {@link StoreTck}).
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
public abstract class OverdueQueryTck<S extends CaseStore & OverdueQuery> extends StoreTck<S> {

    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    private static final String TEMPLATE_ID = "XF-000000-0000-000000";

    /** For subclasses. */
    protected OverdueQueryTck() {}

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

    private static Gen<Spec> specs() {
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
    private static List<Instant> interestingInstants(Collection<IndexRow> rows) {
        TreeSet<Instant> out = new TreeSet<>(List.of(FAR, Instant.EPOCH));
        for (IndexRow row : rows) {
            for (ClockDue d : row.clockDues()) out.add(d.dueAt());
        }
        return new ArrayList<>(out);
    }

    private static Instant pickInstant(List<Instant> instants, Spec spec) {
        Instant at = instants.get(spec.instantPick() % instants.size());
        return at.minusNanos(spec.nanosBack());
    }

    // ------------------------------------------------------------------------------------------ O1 to O3

    /**
     * O1 to O3: every page of every scope's overdue listing, from the start and from arbitrary positions, and the
     * count, equal the model over the rows written.
     */
    @Test
    public void required_O1_O2_O3_overduePagesAndCountsEqualTheModelOverTheRowsWritten() {
        theory().forAll(StoredRecordGenerators.commitSequences(12, 30), lists().of(specs()).ofSizeBetween(1, 6))
                .checkAssert((commits, specs) -> inFreshStore(store -> {
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

    private static String call(OverdueScope scope, Instant asOf, String after, int limit) {
        return "overdue(" + scope + ", " + asOf + ", " + (after == null ? "null" : "\"" + after + "\"") + ", " + limit + ")";
    }

    /** Compares one page with the model; @return the page that was due */
    private static List<IndexRow> checkPage(OverdueQuery store, Collection<IndexRow> rows, OverdueScope scope, Instant asOf,
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

    private static void checkCount(OverdueQuery store, Collection<IndexRow> rows, OverdueScope scope, Instant asOf, long listed,
                                   String rule) {
        long expected = model(rows, scope, asOf, null, Integer.MAX_VALUE).size();
        long actual = store.countOverdue(scope, asOf);
        if (actual != expected || actual != listed) {
            throw new AssertionError(rule + ": countOverdue(" + scope + ", " + asOf + ") returned " + actual + " where "
                    + expected + " rows are overdue (the listing's pages held " + listed + "): count exactly the rows"
                    + " the listing returns across all its pages (EXISTS a clock with due_at <= ?, each case once)");
        }
    }

    // ------------------------------------------------------------------------------------------ O4

    /** A write another client makes between two pages. */
    record Write(String newCaseId, int pick, CaseCommit template) {}

    private static Gen<Write> writes() {
        Gen<CaseCommit> templates = StoredRecordGenerators.commits(TEMPLATE_ID, 0, 1, "tmpl");
        return in -> new Write(StoredRecordGenerators.caseIds().generate(in), integers().between(0, 1_000).generate(in),
                templates.generate(in));
    }

    /**
     * O4: paging a listing while other clients create overdue cases in the scope and change existing ones between
     * pages: every row that did not change appears exactly once, ascending.
     */
    @Test
    public void required_O4_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages() {
        theory().forAll(StoredRecordGenerators.commitSequences(12, 30), scopes(), integers().between(1, 3),
                        lists().of(writes()).ofSizeBetween(0, 12))
                .checkAssert((commits, scope, limit, writes) -> inFreshStore(store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> latest = latestRows(commits);
                    Instant asOf = FAR;
                    List<IndexRow> atStart = model(latest.values(), scope, asOf, null, Integer.MAX_VALUE);
                    List<String> cases = new ArrayList<>(latest.keySet());
                    Set<String> changed = new HashSet<>();
                    Map<String, Integer> seen = new HashMap<>();
                    String previous = null;
                    String after = null;
                    int written = 0;
                    int maxPages = atStart.size() + writes.size() + 5;
                    boolean ended = false;
                    for (int pageNo = 0; pageNo < maxPages && !ended; pageNo++) {
                        List<IndexRow> page = store.overdue(scope, asOf, after, limit);
                        String call = call(scope, asOf, after, limit);
                        if (page == null) throw new AssertionError("O4: " + call + " returned null");
                        if (page.size() > limit) throw new AssertionError("O4: " + call + " returned more rows than the limit");
                        for (IndexRow row : page) {
                            if (previous != null && previous.compareTo(row.caseId()) >= 0) {
                                throw new AssertionError("O4: page " + (pageNo + 1) + " of overdue(" + scope + ") returned case "
                                        + row.caseId() + ", not strictly after case " + previous + ": page with a keyset"
                                        + " (WHERE case_id > ? ORDER BY case_id LIMIT ?, binary collation), never with OFFSET");
                            }
                            previous = row.caseId();
                            seen.merge(row.caseId(), 1, Integer::sum);
                        }
                        ended = page.isEmpty();
                        if (!ended) after = page.get(page.size() - 1).caseId();
                        for (int w = 0; w < 2 && written < writes.size() && !ended; w++, written++) {
                            Write write = writes.get(written);
                            boolean old = write.pick() % 3 == 0;
                            String caseId = old ? cases.get(write.pick() % cases.size()) : write.newCaseId();
                            IndexRow row = old ? write.template().indexRow() : intoScope(write.template().indexRow(), scope);
                            CaseCommit template = new CaseCommit(TEMPLATE_ID, 0, write.template().events(),
                                    write.template().snapshot(), row, "tmpl", write.template().commandDigest());
                            commitValid(store, rebase(template, caseId, version(store, caseId), nextSequence(store, caseId),
                                    "between-" + written));
                            changed.add(caseId);
                        }
                    }
                    if (!ended) {
                        throw new AssertionError("O4: paging overdue(" + scope + ") did not end after " + maxPages
                                + " pages: return only rows strictly after afterCaseId");
                    }
                    for (IndexRow row : atStart) {
                        if (changed.contains(row.caseId())) continue;
                        int times = seen.getOrDefault(row.caseId(), 0);
                        if (times != 1) {
                            throw new AssertionError("O4: the row of case " + row.caseId() + " did not change while a client"
                                    + " paged through overdue(" + scope + ") with limit " + limit + " but appeared " + times
                                    + " times across the pages: page with a keyset, never with OFFSET");
                        }
                    }
                }));
    }

    /** A row moved into a scope, with a clock due long ago, so it is overdue there. */
    private static IndexRow intoScope(IndexRow row, OverdueScope scope) {
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

    // ------------------------------------------------------------------------------------------ O5

    /**
     * O5: after each acknowledged commit, the overdue listings and counts of the scopes the row is in and of those
     * it left equal the model, at each of its clocks' due instants and one nanosecond before.
     */
    @Test
    public void required_O5_aQueryAfterACommitSeesItsRow() {
        theory().forAll(StoredRecordGenerators.commitSequences(6, 20)).checkAssert(commits -> inFreshStore(store -> {
            Map<String, IndexRow> latest = new LinkedHashMap<>();
            for (CaseCommit c : commits) {
                IndexRow before = latest.get(c.caseId());
                commitValid(store, c);
                IndexRow row = c.indexRow();
                latest.put(c.caseId(), row);
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
            }
        }));
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

    // ------------------------------------------------------------------------------------------ O6

    /** O6: a null scope or instant is refused naming the parameter; a limit below 1 is refused. */
    @Test
    public void required_O6_badArgumentsAreRefused() {
        theory().forAll(StoredRecordGenerators.commitSequences(4, 8), integers().between(-3, 0), scopes())
                .checkAssert((commits, badLimit, scope) -> inFreshStore(store -> {
                    commitAll(store, commits);
                    expect(NullPointerException.class, "scope", "overdue(null, asOf, null, 10)",
                            () -> store.overdue(null, FAR, null, 10));
                    expect(NullPointerException.class, "asOf", "overdue(scope, null, null, 10)",
                            () -> store.overdue(scope, null, null, 10));
                    expect(NullPointerException.class, "scope", "countOverdue(null, asOf)", () -> store.countOverdue(null, FAR));
                    expect(NullPointerException.class, "asOf", "countOverdue(scope, null)", () -> store.countOverdue(scope, null));
                    expect(IllegalArgumentException.class, "limit", "overdue(scope, asOf, null, " + badLimit + ")",
                            () -> store.overdue(scope, FAR, null, badLimit));
                }));
    }

    private static void expect(Class<? extends RuntimeException> type, String naming, String call, Runnable code) {
        Throwable thrown = thrownBy(code);
        if (!type.isInstance(thrown)) {
            throw new AssertionError("O6: " + call + " must throw " + type.getSimpleName() + " (naming '" + naming
                    + "'), but " + (thrown == null ? "returned normally" : "threw " + thrown), thrown);
        }
        if (thrown.getMessage() == null || !thrown.getMessage().contains(naming)) {
            throw new AssertionError("O6: " + call + " threw " + thrown + ", whose message does not name '" + naming + "'",
                    thrown);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Map<String, IndexRow> latestRows(List<CaseCommit> commits) {
        Map<String, IndexRow> latest = new LinkedHashMap<>();
        for (CaseCommit c : commits) latest.put(c.caseId(), c.indexRow());
        return latest;
    }

    private static List<String> caseIds(List<IndexRow> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        for (IndexRow r : rows) ids.add(r.caseId());
        return ids;
    }
}
