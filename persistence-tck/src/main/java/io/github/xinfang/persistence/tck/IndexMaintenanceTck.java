package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance suite of rules M1 and M2 of {@link IndexMaintenance}, for a store that offers index
 * maintenance. Extend it with one factory method returning a fresh, empty store (see {@link StoreTck}).
 *
 * <p>Listing (M1) is paged with random page sizes while other clients create cases between pages; every case
 * that existed for the whole listing must appear exactly once, ascending in {@link String#compareTo} order (a
 * binary collation, {@code COLLATE "C"} on PostgreSQL). Replacing (M2) is compared with the in-memory reference
 * store fed the same commits and replacements: same answers, same index rows, and, if the store also offers
 * {@link CaseQuery} or {@link ResolutionQuery}, the same attention-query results and the same listings and
 * workloads of the leaders, lead units and batches of the old and new row; events, snapshots, idempotency records
 * and (if the store offers {@link ChangeFeed}) the change feed must not move.
 *
 * <p>Capability hooks {@link #supportsRegionFilter()} and {@link #supportsUnitFilter()} matter only for a store
 * that also implements {@link CaseQuery}: a filter it does not support is not used to compare rows.
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public abstract class IndexMaintenanceTck<S extends CaseStore & IndexMaintenance> extends StoreTck<S> {

    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    private static final String TEMPLATE_ID = "XF-000000-0000-000000";

    /** For subclasses. */
    protected IndexMaintenanceTck() {}

    /**
     * Capability hook, as {@link CaseQueryTck#supportsRegionFilter()}; used only if the store implements {@link CaseQuery}.
     *
     * @return true (the default) if region-prefix filters are supported
     */
    protected boolean supportsRegionFilter() {
        return true;
    }

    /**
     * Capability hook, as {@link CaseQueryTck#supportsUnitFilter()}; used only if the store implements {@link CaseQuery}.
     *
     * @return true (the default) if unit filters are supported
     */
    protected boolean supportsUnitFilter() {
        return true;
    }

    // ------------------------------------------------------------------------------------------------- M1

    /** A write another client makes between two pages of a listing. */
    record Write(String newCaseId, int pick, CaseCommit template) {}

    private static Gen<Write> writes() {
        Gen<CaseCommit> templates = StoredRecordGenerators.commits(TEMPLATE_ID, 0, 1, "tmpl");
        return in -> new Write(StoredRecordGenerators.caseIds().generate(in), integers().between(0, 1_000).generate(in),
                templates.generate(in));
    }

    /**
     * M1: pages of an unchanging store are exactly the reference's; paging while new cases are created between
     * pages lists every case that existed for the whole listing exactly once, ascending.
     */
    @Test
    public void required_M1_listsEveryCaseOnceInOrder() {
        theory().forAll(StoredRecordGenerators.commitSequences(12, 30), lists().of(integers().between(1, 6)).ofSizeBetween(1, 8),
                        lists().of(writes()).ofSizeBetween(0, 14), StoredRecordGenerators.caseIds())
                .checkAssert((commits, pageSizes, writes, anyAfter) -> inFreshStore(store -> {
                    InMemoryCaseStore reference = InMemoryCaseStore.create();
                    commitAll(store, commits);
                    commitAll(reference, commits);

                    // An unchanging store: every page is the reference's, from the start and from any id.
                    for (String after : new String[] {anyAfter, commits.get(0).caseId()}) {
                        int limit = pageSizes.get(0);
                        checkQuietPage(store.caseIdsAfter(after, limit), reference.caseIdsAfter(after, limit), after, limit);
                    }
                    String after = null;
                    for (int pageNo = 0; ; pageNo++) {
                        int limit = pageSizes.get(pageNo % pageSizes.size());
                        List<String> expected = reference.caseIdsAfter(after, limit);
                        checkQuietPage(store.caseIdsAfter(after, limit), expected, after, limit);
                        if (expected.isEmpty()) break;
                        after = expected.get(expected.size() - 1);
                    }

                    // Other clients create cases (before and after the cursor) and commit to old ones between pages.
                    Set<String> existing = new TreeSet<>(byCase(commits).keySet());
                    List<String> oldCases = new ArrayList<>(existing);
                    Set<String> stored = new LinkedHashSet<>(existing);
                    Map<String, Integer> seen = new HashMap<>();
                    String previous = null;
                    int written = 0;
                    int maxPages = existing.size() + writes.size() + 5;
                    boolean ended = false;
                    for (int pageNo = 0; pageNo < maxPages && !ended; pageNo++) {
                        int limit = pageSizes.get(pageNo % pageSizes.size());
                        List<String> page = store.caseIdsAfter(previous, limit);
                        if (page == null) throw new AssertionError("M1: caseIdsAfter(" + previous + ", " + limit + ") returned null");
                        if (page.size() > limit) {
                            throw new AssertionError("M1: caseIdsAfter(" + previous + ", " + limit + ") returned " + page.size()
                                    + " ids, more than the limit: " + page);
                        }
                        for (String id : page) {
                            if (previous != null && previous.compareTo(id) >= 0) {
                                throw new AssertionError("M1: page " + (pageNo + 1) + " returned case " + id + ", not strictly"
                                        + " after " + previous + " in String.compareTo order (page " + page + "): page with"
                                        + " WHERE case_id > ? ORDER BY case_id LIMIT ? under a binary collation (COLLATE \"C\""
                                        + " on PostgreSQL), never with OFFSET");
                            }
                            if (!stored.contains(id)) {
                                throw new AssertionError("M1: page " + (pageNo + 1) + " returned case " + id
                                        + ", which was never stored");
                            }
                            previous = id;
                            seen.merge(id, 1, Integer::sum);
                        }
                        ended = page.isEmpty();
                        for (int w = 0; w < 2 && written < writes.size() && !ended; w++, written++) {
                            Write write = writes.get(written);
                            String caseId = write.pick() % 3 == 0 ? oldCases.get(write.pick() % oldCases.size()) : write.newCaseId();
                            commitValid(store, rebase(write.template(), caseId, version(store, caseId),
                                    nextSequence(store, caseId), "between-" + written));
                            stored.add(caseId);
                        }
                    }
                    if (!ended) {
                        throw new AssertionError("M1: the listing did not end after " + maxPages + " pages although only "
                                + stored.size() + " cases exist: caseIdsAfter must return only ids strictly after the one given");
                    }
                    for (String id : existing) {
                        int times = seen.getOrDefault(id, 0);
                        if (times != 1) {
                            throw new AssertionError("M1: case " + id + " existed for the whole listing but appeared " + times
                                    + " times across the pages (cases were created between pages): page with a keyset"
                                    + " (WHERE case_id > ? ORDER BY case_id LIMIT ?), never with OFFSET or a position counted"
                                    + " in rows");
                        }
                    }
                }));
    }

    private static void checkQuietPage(List<String> actual, List<String> expected, String after, int limit) {
        if (!expected.equals(actual)) {
            throw new AssertionError("M1: on a store nobody writes to, caseIdsAfter(" + (after == null ? "null" : "\"" + after
                    + "\"") + ", " + limit + ") returned " + actual + " where " + expected + " was due: the first 'limit'"
                    + " stored case ids strictly after the one given (or from the start for null), ascending in"
                    + " String.compareTo order (a binary collation, COLLATE \"C\" on PostgreSQL); the id given need not"
                    + " be a stored case");
        }
    }

    // ------------------------------------------------------------------------------------------------- M2

    /** One step of the M2 property: a replacement (at the stored version, at another, of an unknown case) or a commit. */
    record Step(int kind, int pick, IndexRow row, CaseCommit template) {}

    private static Gen<Step> steps() {
        Gen<IndexRow> rows = StoredRecordGenerators.indexRows(TEMPLATE_ID, 1);
        Gen<CaseCommit> templates = StoredRecordGenerators.commits(TEMPLATE_ID, 0, 1, "tmpl");
        return in -> new Step(integers().between(0, 5).generate(in), integers().between(0, 1_000).generate(in),
                rows.generate(in), templates.generate(in));
    }

    /** What replaceIndexRow must never change: the case's history, snapshot and idempotency records. */
    private record History(Optional<StoredCase> stored, Map<String, Optional<AppliedCommand>> applied) {
        static History of(CaseStore store, String caseId, List<String> keys) {
            Map<String, Optional<AppliedCommand>> applied = new LinkedHashMap<>();
            for (String k : keys) applied.put(k, store.findApplied(caseId, k));
            return new History(store.load(caseId), applied);
        }
    }

    /**
     * M2: random rows replace a case's index row at the stored version only, as in the reference store: the
     * answer, {@code indexRow} and the attention query (if offered) agree with the reference; a row at another
     * version or of an unknown case changes nothing and answers false; events, snapshot, idempotency records
     * and the change feed never move.
     */
    @Test
    public void required_M2_replacesOnlyAtTheStoredVersion() {
        theory().forAll(StoredRecordGenerators.commitSequences(6, 15), lists().of(steps()).ofSizeBetween(1, 12))
                .checkAssert((commits, steps) -> inFreshStore(store -> {
                    InMemoryCaseStore reference = InMemoryCaseStore.create();
                    commitAll(store, commits);
                    commitAll(reference, commits);
                    Map<String, List<String>> keys = new LinkedHashMap<>();
                    for (CaseCommit c : commits) keys.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(c.idempotencyKey());
                    List<String> cases = new ArrayList<>(keys.keySet());
                    long feedLength = commits.size();
                    int stepNo = 0;
                    for (Step step : steps) {
                        stepNo++;
                        String caseId = step.kind() == 4 ? "unknown-" + step.pick() : cases.get(step.pick() % cases.size());
                        long current = version(reference, caseId);
                        if (step.kind() == 5) {
                            CaseCommit c = rebase(step.template(), caseId, current, nextSequence(reference, caseId), "step-" + stepNo);
                            commitValid(store, c);
                            reference.commit(c);
                            keys.get(caseId).add(c.idempotencyKey());
                            feedLength++;
                            continue;
                        }
                        long rowVersion = step.kind() != 3 ? Math.max(current, 1)
                                : current > 1 && step.pick() % 2 == 0 ? 1 + step.pick() % (current - 1) : current + 1 + step.pick() % 3;
                        IndexRow row = copyRow(step.row(), caseId, rowVersion);
                        List<String> caseKeys = keys.getOrDefault(caseId, List.of());
                        History before = History.of(store, caseId, caseKeys);
                        Optional<IndexRow> oldRow = reference.indexRow(caseId);
                        boolean expected = reference.replaceIndexRow(row);
                        boolean actual = store.replaceIndexRow(row);
                        String what = "replaceIndexRow(row at version " + rowVersion + ") on " + (current == 0
                                ? "the unknown case " + caseId : "case " + caseId + " stored at version " + current);
                        if (actual != expected) {
                            throw new AssertionError("M2: " + what + " returned " + actual + ": " + (expected
                                    ? "a row at the stored version must replace the index row and answer true"
                                    : "a row for another version (or an unknown case) changes nothing and answers false;"
                                    + " replace only WHERE case_id = ? AND version = ? and check the update count"));
                        }
                        Optional<IndexRow> now = store.indexRow(caseId);
                        Optional<IndexRow> due = reference.indexRow(caseId);
                        if (!due.equals(now)) {
                            throw new AssertionError("M2: after " + what + " returned " + actual + ", indexRow(" + caseId
                                    + ") returned " + now.orElse(null) + " where " + due.orElse(null) + " was due: "
                                    + (expected ? "the replaced row comes back whole (every column, units involved and"
                                    + " batches: replace the child rows too, in the same transaction)"
                                    : "a row for another version (or an unknown case) changes nothing"));
                        }
                        History after = History.of(store, caseId, caseKeys);
                        if (!after.stored().equals(before.stored())) {
                            throw new AssertionError("M2: " + what + " changed what load(" + caseId + ") returns (version,"
                                    + " snapshot or events): replaceIndexRow updates the index columns and their child"
                                    + " rows only");
                        }
                        if (!after.applied().equals(before.applied())) {
                            throw new AssertionError("M2: " + what + " changed what findApplied returns for case " + caseId
                                    + ": replaceIndexRow never touches idempotency records");
                        }
                        if (store instanceof ChangeFeed) {
                            List<Change> extra = ((ChangeFeed) store).changesAfter(feedLength, 1);
                            if (!extra.isEmpty()) {
                                throw new AssertionError("M2: after " + what + " the change feed holds position "
                                        + extra.get(0).position() + " although only " + feedLength + " commits were made:"
                                        + " replaceIndexRow never writes to the change feed");
                            }
                        }
                        if (store instanceof CaseQuery) {
                            compareQueries((CaseQuery) store, reference, what, oldRow, due);
                        }
                        if (store instanceof ResolutionQuery) {
                            compareResolutionQueries((ResolutionQuery) store, reference, what, oldRow, due);
                        }
                        if (store instanceof OverdueQuery) {
                            compareOverdueQueries((OverdueQuery) store, reference, what, oldRow, due);
                        }
                    }
                    for (String caseId : cases) {
                        if (!reference.indexRow(caseId).equals(store.indexRow(caseId))) {
                            throw new AssertionError("M2: at the end, indexRow(" + caseId + ") returned "
                                    + store.indexRow(caseId).orElse(null) + " where " + reference.indexRow(caseId).orElse(null)
                                    + " was due (the latest commit's row, or the row replaced at its version since)");
                        }
                    }
                    if (store instanceof ChangeFeed) {
                        List<Change> actualFeed = FeedReading.readAll((ChangeFeed) store, 0, 100);
                        if (!actualFeed.equals(FeedReading.readAll(reference, 0, 100))) {
                            throw new AssertionError("M2: after commits and index-row replacements the change feed differs"
                                    + " from the reference's (one change per commit, none per replacement): " + actualFeed);
                        }
                    }
                }));
    }

    /**
     * M2 as seen through the resolution queries: the listings of the old and new row's leaders, lead units and
     * batches, and the leaders' workloads (at their due instants and far ahead), equal the reference's.
     */
    private static void compareResolutionQueries(ResolutionQuery store, InMemoryCaseStore reference, String what,
                                                 Optional<IndexRow> oldRow, Optional<IndexRow> newRow) {
        for (ResolutionQueryTck.Listing listing : ResolutionQueryTck.Listing.values()) {
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
    private static void compareOverdueQueries(OverdueQuery store, InMemoryCaseStore reference, String what,
                                              Optional<IndexRow> oldRow, Optional<IndexRow> newRow) {
        if (newRow.isEmpty()) return;
        Set<Instant> instants = new TreeSet<>(List.of(FAR));
        for (Optional<IndexRow> row : List.of(oldRow, newRow)) {
            row.ifPresent(r -> r.clockDues().forEach(d -> instants.add(d.dueAt())));
        }
        for (OverdueScope scope : OverdueQueryTck.scopesOf(oldRow.orElse(null), newRow.get())) {
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
    private void compareQueries(CaseQuery store, InMemoryCaseStore reference, String what, Optional<IndexRow> oldRow,
                                Optional<IndexRow> newRow) {
        List<AttentionQuery> queries = new ArrayList<>();
        AttentionQuery all = AttentionQuery.firstPage(FAR, AttentionQuery.MAX_LIMIT);
        queries.add(all);
        Set<String> units = new TreeSet<>();
        oldRow.ifPresent(r -> units.addAll(r.unitsInvolved()));
        newRow.ifPresent(r -> units.addAll(r.unitsInvolved()));
        if (supportsUnitFilter()) for (String unit : units) queries.add(all.involving(unit));
        if (supportsRegionFilter()) {
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
