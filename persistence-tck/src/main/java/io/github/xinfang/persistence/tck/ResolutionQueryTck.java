package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ResolutionQuery;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static io.github.xinfang.persistence.tck.ResolutionQuerySuite.*;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of rules R1 to R7 of {@link ResolutionQuery}, for a store that offers the resolution
 * track's queries. Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Random index rows are committed, and every answer is compared with a brute force over the rows written
 * (each case's latest row): the listings by active leader, lead unit and batch page by page from the start and
 * from arbitrary positions, and the workload at instants that often equal a row's earliest due instant (a case
 * due exactly then is overdue). Listings are also paged while other clients write between pages. Case ids
 * compare as Java strings do ({@link String#compareTo}); the generated ids mix upper and lower case, so a SQL
 * adapter orders them with a binary collation ({@code COLLATE "C"} on PostgreSQL).
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public interface ResolutionQueryTck<S extends CaseStore & ResolutionQuery> extends StoreFactory<S> {

    // ------------------------------------------------------------------------------------------ R1 to R3

    /** R1: the rows of an active leader, page by page, equal a brute force over the rows written. */
    @Test
    default void required_R1_byActiveLeaderPagesEqualABruteForceOverTheRowsWritten() {
        checkListing(Listing.LEADER);
    }

    /** R2: the rows of a lead unit, page by page, equal a brute force over the rows written. */
    @Test
    default void required_R2_byLeadUnitPagesEqualABruteForceOverTheRowsWritten() {
        checkListing(Listing.UNIT);
    }

    /** R3: the rows of a batch, page by page, equal a brute force over the rows written. */
    @Test
    default void required_R3_byBatchPagesEqualABruteForceOverTheRowsWritten() {
        checkListing(Listing.BATCH);
    }

    private void checkListing(Listing listing) {
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), lists().of(listingSpecs(listing)).ofSizeBetween(1, 6),
                        caseTwins(), StoredRecordGenerators.commits(TEMPLATE_ID, 0, 1, "tmpl"))
                .checkAssert((commits, specs, twins, template) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> latest = latestRows(commits);
                    // cases whose ids differ only in case, holding the first query's key
                    int twinNo = 0;
                    for (String twin : twins) {
                        IndexRow row = listing.withKey(template.indexRow().toBuilder(), template.indexRow(), specs.get(0).key())
                                .build();
                        CaseCommit c = rebase(new CaseCommit(TEMPLATE_ID, 0, template.events(), template.snapshot(), row, "tmpl",
                                template.commandDigest()), twin, version(store, twin), nextSequence(store, twin), "twin-" + twinNo++);
                        commitValid(store, c);
                        latest.put(twin, c.indexRow());
                    }
                    List<String> ids = new ArrayList<>(new TreeSet<>(latest.keySet()));
                    for (ListingSpec spec : specs) {
                        // one page from an arbitrary position: a stored case id, or any id at all
                        String start = spec.afterKind() == 1 ? ids.get(spec.afterPick() % ids.size())
                                : spec.afterKind() == 2 ? spec.anyId() : null;
                        checkPage(store, listing, latest.values(), spec.key(), start, spec.limit());
                        // every page from the start
                        String after = null;
                        for (int pageNo = 0; pageNo <= latest.size() + 1; pageNo++) {
                            List<IndexRow> expected = checkPage(store, listing, latest.values(), spec.key(), after, spec.limit());
                            if (expected.isEmpty()) break;
                            after = expected.get(expected.size() - 1).caseId();
                        }
                    }
                }));
    }

    /** Compares one page with the brute force; @return the page that was due */
    private List<IndexRow> checkPage(S store, Listing listing, Collection<IndexRow> rows, String key, String after, int limit) {
        List<IndexRow> expected = bruteForce(listing, rows, key, after, limit);
        List<IndexRow> actual = listing.page(store, key, after, limit);
        String call = listing.call(key, after, limit);
        if (actual == null) throw new AssertionError(listing.rule + ": " + call + " returned null");
        if (actual.equals(expected)) return expected;
        for (IndexRow row : actual) {
            if (!listing.matches(row, key)) {
                throw new AssertionError(listing.rule + ": " + call + " returned case " + row.caseId() + " whose "
                        + listing.column + " is " + listing.keysOf(row) + ", not \"" + key + "\": a case leaves the index of"
                        + " its old " + listing.column + " when a commit changes it (update the index on every commit, and"
                        + " delete and re-insert child rows)");
            }
        }
        for (int i = 1; i < actual.size(); i++) {
            if (actual.get(i - 1).caseId().compareTo(actual.get(i).caseId()) >= 0) {
                throw new AssertionError(listing.rule + ": " + call + " returned " + caseIds(actual) + ", not ascending"
                        + " in String.compareTo order: ORDER BY case_id under a binary collation (COLLATE \"C\" on"
                        + " PostgreSQL)");
            }
        }
        throw new AssertionError(listing.rule + ": " + call + " returned " + caseIds(actual) + " where "
                + caseIds(expected) + " was due (rows whose " + listing.column + (listing == Listing.BATCH ? " contain"
                : " equals") + " \"" + key + "\", ascending by case id in binary order, strictly after afterCaseId,"
                + " at most 'limit'; each row whole, every column equal to the committed row): " + actual);
    }

    // ------------------------------------------------------------------------------------------ R4

    /**
     * R4: a leader's workload equals a brute force over the rows written, at random instants and at every row's
     * earliest due instant exactly (due then: overdue) and one nanosecond before it (not yet overdue).
     */
    @Test
    default void required_R4_workloadCountsActiveAndOverdueCasesAsABruteForce() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30),
                        lists().of(StoredRecordGenerators.attentionInstants()).ofSizeBetween(1, 4))
                .checkAssert((commits, instants) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> latest = latestRows(commits);
                    Set<String> leaders = new TreeSet<>();
                    for (IndexRow row : latest.values()) row.activeLeader().ifPresent(leaders::add);
                    leaders.add("off-nobody");
                    for (String leader : leaders) {
                        TreeSet<Instant> asOfs = new TreeSet<>(instants);
                        asOfs.add(FAR);
                        for (IndexRow row : latest.values()) {
                            if (!row.activeLeader().map(leader::equals).orElse(false)) continue;
                            row.earliestDueAt().ifPresent(at -> {
                                asOfs.add(at);
                                asOfs.add(at.minusNanos(1));
                            });
                        }
                        for (Instant asOf : asOfs) checkWorkload(store, latest.values(), leader, asOf, "R4");
                    }
                }));
    }

    // ------------------------------------------------------------------------------------------ R5

    /**
     * R5: paging a listing while other clients create cases that join it (before and after the cursor) and
     * change existing ones between pages: every row that did not change appears exactly once, ascending.
     */
    @Test
    default void required_R5_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages() {
        Gen<PagingSpec> specs = integers().between(0, 2).zip(integers().between(0, 1_000), integers().between(1, 3),
                (listingNo, keyPick, limit) -> new PagingSpec(Listing.values()[listingNo], keyPick, limit));
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), specs, lists().of(writes()).ofSizeBetween(0, 12))
                .checkAssert((commits, spec, writes) -> inFreshStore(this, store -> {
                    Listing listing = spec.listing();
                    int keyPick = spec.keyPick();
                    int limit = spec.limit();
                    commitAll(store, commits);
                    Map<String, IndexRow> latest = latestRows(commits);
                    List<String> keys = new ArrayList<>();
                    for (IndexRow row : latest.values()) keys.addAll(listing.keysOf(row));
                    // a key some rows hold; if none does, the listing starts empty and fills between pages
                    String key = keys.isEmpty() ? listing.fallbackKey : keys.get(keyPick % keys.size());
                    List<IndexRow> atStart = bruteForce(listing, latest.values(), key, null, Integer.MAX_VALUE);
                    List<String> cases = new ArrayList<>(latest.keySet());
                    Paging paging = new Paging();
                    paging.walkByCaseId("R5", listing.method + "(\"" + key + "\")", limit,
                            atStart.size() + writes.size() + 5, after -> listing.page(store, key, after, limit),
                            after -> listing.call(key, after, limit), (call, row) -> {
                                if (!listing.matches(row, key)) {
                                    throw new AssertionError(listing.rule + ": " + call + " returned case " + row.caseId()
                                            + " whose " + listing.column + " is " + listing.keysOf(row) + ", not \""
                                            + key + "\"");
                                }
                            }, writes.size(), n -> writes.get(n).commit(store, cases,
                                    row -> listing.withKey(row.toBuilder(), row, key).build(), n));
                    paging.assertEachUnchangedRowOnce(atStart, (caseId, times) -> "R5: the row of case " + caseId
                            + " did not change while a client paged through " + listing.method + "(\"" + key
                            + "\") with limit " + limit + " but appeared " + times + " times across the pages (other"
                            + " cases were written between pages): page with a keyset (WHERE case_id > ? ORDER BY case_id"
                            + " LIMIT ?), never with OFFSET or a cursor position counted in rows");
                }));
    }

    // ------------------------------------------------------------------------------------------ R6

    /**
     * R6: after each acknowledged commit, the listings of the row's leader, lead unit and batches hold its row, those
     * of the keys it left no longer hold the case, and its leader's workload counts it.
     */
    @Test
    default void required_R6_aQueryAfterACommitSeesItsRow() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(6, 20)).checkAssert(commits -> inFreshStore(this, store ->
                commitEach(store, commits, (c, before, latest) -> {
                    IndexRow row = c.indexRow();
                    for (Listing listing : Listing.values()) {
                        Set<String> left = new TreeSet<>(before == null ? List.of() : listing.keysOf(before));
                        left.removeAll(listing.keysOf(row));
                        for (String key : listing.keysOf(row)) {
                            List<IndexRow> page = listing.page(store, key, null, latest.size() + 1);
                            if (page == null || !page.contains(row)) {
                                throw new AssertionError("R6: after commit " + c.idempotencyKey() + " was acknowledged, "
                                        + listing.call(key, null, latest.size() + 1) + " returned " + page + " without the"
                                        + " committed row " + row + " (read committed data; refresh or invalidate any cache on"
                                        + " commit)");
                            }
                        }
                        for (String key : left) {
                            List<IndexRow> page = listing.page(store, key, null, latest.size() + 1);
                            for (IndexRow r : page) {
                                if (r.caseId().equals(c.caseId())) {
                                    throw new AssertionError("R6: after commit " + c.idempotencyKey() + " moved case "
                                            + c.caseId() + " away from " + listing.column + " \"" + key + "\", "
                                            + listing.call(key, null, latest.size() + 1) + " still returned it: " + r);
                                }
                            }
                        }
                    }
                    for (String leader : leadersOf(before, row)) {
                        checkWorkload(store, latest.values(), leader, FAR, "R6");
                        row.earliestDueAt().ifPresent(at -> checkWorkload(store, latest.values(), leader, at, "R6"));
                    }
                })));
    }

    // ------------------------------------------------------------------------------------------ R7

    /** R7: null keys and instants are refused naming the parameter; a limit below 1 is refused. */
    @Test
    default void required_R7_badArgumentsAreRefused() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(4, 8), integers().between(-3, 0))
                .checkAssert((commits, badLimit) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    expectRefusal("R7", NullPointerException.class, "leader", "byActiveLeader(null, null, 10)",
                            () -> store.byActiveLeader(null, null, 10));
                    expectRefusal("R7", NullPointerException.class, "unit", "byLeadUnit(null, null, 10)",
                            () -> store.byLeadUnit(null, null, 10));
                    expectRefusal("R7", NullPointerException.class, "batch", "byBatch(null, null, 10)", () -> store.byBatch(null, null, 10));
                    expectRefusal("R7", NullPointerException.class, "leader", "workload(null, asOf)", () -> store.workload(null, FAR));
                    expectRefusal("R7", NullPointerException.class, "asOf", "workload(leader, null)", () -> store.workload("off-0001", null));
                    expectRefusal("R7", IllegalArgumentException.class, "limit", "byActiveLeader(leader, null, " + badLimit + ")",
                            () -> store.byActiveLeader("off-0001", null, badLimit));
                    expectRefusal("R7", IllegalArgumentException.class, "limit", "byLeadUnit(unit, null, " + badLimit + ")",
                            () -> store.byLeadUnit("unit-gz-xfj", null, badLimit));
                    expectRefusal("R7", IllegalArgumentException.class, "limit", "byBatch(batch, null, " + badLimit + ")",
                            () -> store.byBatch("2024-Q1", null, badLimit));
                }));
    }
}
