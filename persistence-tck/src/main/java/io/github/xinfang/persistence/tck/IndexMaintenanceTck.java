package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static io.github.xinfang.persistence.tck.IndexMaintenanceSuite.*;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of rules M1 and M2 of {@link IndexMaintenance}, for a store that offers index
 * maintenance. Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Listing (M1) is paged with random page sizes while other clients create cases between pages; every case
 * that existed for the whole listing must appear exactly once, ascending in {@link String#compareTo} order (a
 * binary collation, {@code COLLATE "C"} on PostgreSQL). Replacing (M2) is compared with the in-memory reference
 * store fed the same commits and replacements: same answers, same index rows, and, if the store also offers
 * {@link CaseQuery} or {@link ResolutionQuery}, the same attention-query results and the same listings and
 * workloads of the leaders, lead units and batches of the old and new row; events, snapshots, idempotency records
 * and (if the store offers {@link ChangeFeed}) the change feed must not move.
 *
 * <p>Capability hooks {@link #supportsRegionFilter()} and {@link #supportsUnitFilter()} (declared by
 * {@link StoreFactory}) matter only for a store that also implements {@link CaseQuery}: a filter it does not
 * support is not used to compare rows.
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public interface IndexMaintenanceTck<S extends CaseStore & IndexMaintenance> extends StoreFactory<S> {

    // ------------------------------------------------------------------------------------------------- M1

    /**
     * M1: pages of an unchanging store are exactly the reference's; paging while new cases are created between
     * pages lists every case that existed for the whole listing exactly once, ascending.
     */
    @Test
    default void required_M1_listsEveryCaseOnceInOrder() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), lists().of(integers().between(1, 6)).ofSizeBetween(1, 8),
                        lists().of(writes()).ofSizeBetween(0, 14), StoredRecordGenerators.caseIds())
                .checkAssert((commits, pageSizes, writes, anyAfter) -> inFreshStore(this, store -> {
                    InMemoryCaseStore reference = commitAllWithReference(store, commits);

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

    // ------------------------------------------------------------------------------------------------- M2

    /**
     * M2: random rows replace a case's index row at the stored version only, as in the reference store: the
     * answer, {@code indexRow} and the attention query (if offered) agree with the reference; a row at another
     * version or of an unknown case changes nothing and answers false; events, snapshot, idempotency records
     * and the change feed never move.
     */
    @Test
    default void required_M2_replacesOnlyAtTheStoredVersion() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(6, 15), lists().of(steps()).ofSizeBetween(1, 12))
                .checkAssert((commits, steps) -> inFreshStore(this, store -> {
                    InMemoryCaseStore reference = commitAllWithReference(store, commits);
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
                            compareQueries(this, (CaseQuery) store, reference, what, oldRow, due);
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
}
