package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static io.github.xinfang.persistence.tck.CaseQuerySuite.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of rules Q1 to Q3 of {@link CaseQuery}: the adapter is compared with the in-memory
 * reference store fed the same commits (same rows, same order), and paged while other rows are written.
 * Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Rows are ordered by (next attention instant, case id), case ids compared as Java strings compare
 * ({@link String#compareTo}); for the ids core produces that is byte order, so a SQL adapter orders and
 * compares case ids with a binary collation ({@code COLLATE "C"} on PostgreSQL), not a locale's.
 *
 * <p>Capability hooks: {@link #supportsRegionFilter()} and {@link #supportsUnitFilter()} (declared by
 * {@link StoreFactory}). An adapter that turns one off must refuse queries using that filter with
 * {@link UnsupportedOperationException}; the suite
 * checks that instead of comparing rows, so no test is skipped and none passes without checking something.
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public interface CaseQueryTck<S extends CaseStore & CaseQuery> extends StoreFactory<S> {

    /** Q1: same rows, same order as the reference, with and without filters and keyset positions. */
    @Test
    default void required_Q1_sameRowsSameOrderAsTheReference() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(10, 30), lists().of(querySpecs()).ofSizeBetween(1, 8))
                .checkAssert((commits, specs) -> inFreshStore(this, store -> {
                    InMemoryCaseStore reference = commitAllWithReference(store, commits);
                    List<IndexRow> everything = reference.needingAttention(AttentionQuery.firstPage(FAR, AttentionQuery.MAX_LIMIT));
                    for (QuerySpec spec : specs) {
                        AttentionQuery q = new AttentionQuery(spec.farBefore() ? FAR : spec.before(), null, null,
                                spec.region(), spec.unit(), spec.limit());
                        if (spec.keyset() == 1 && !everything.isEmpty()) {
                            q = q.after(everything.get(spec.rowPick() % everything.size()));
                        } else if (spec.keyset() == 2) {
                            q = new AttentionQuery(q.before(), spec.anyAt(), spec.anyCaseId(), q.regionPrefix(),
                                    q.unitInvolved(), q.limit());
                        }
                        compareWithReference(store, reference, q);
                    }
                }));
    }

    private void compareWithReference(S store, InMemoryCaseStore reference, AttentionQuery q) {
        if (refusedAsUnsupported(store, q)) return;
        List<IndexRow> actual = store.needingAttention(q);
        List<IndexRow> expected = reference.needingAttention(q);
        assertThat(keys(actual)).as("Q1: the cases of %s, in order (rows with a next attention instant strictly"
                + " before 'before', matching the filters, strictly after the keyset (afterAt, afterCaseId), ordered by"
                + " (next attention instant, case id) with case ids in binary order, at most 'limit')", q)
                .isEqualTo(keys(expected));
        assertThat(actual).as("Q1: the rows of %s, every column equal to the committed row", q).isEqualTo(expected);
    }

    /** Checks the capability hooks: an unsupported filter is refused cleanly. @return true if it was refused */
    private boolean refusedAsUnsupported(S store, AttentionQuery q) {
        String missing = q.regionPrefix() != null && !supportsRegionFilter() ? "supportsRegionFilter()"
                : q.unitInvolved() != null && !supportsUnitFilter() ? "supportsUnitFilter()" : null;
        if (missing == null) return false;
        assertThat(thrownBy(() -> store.needingAttention(q))).as("Q1: %s is false, so %s must be refused with"
                + " UnsupportedOperationException, not answered without the filter", missing, q)
                .isInstanceOf(UnsupportedOperationException.class);
        return true;
    }

    /** Q2: keyset paging returns each row that does not change during paging exactly once, whatever else is written. */
    @Test
    default void required_Q2_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages() {
        Gen<List<CaseCommit>> writes = lists().of(StoredRecordGenerators.commits("XF-000000-0000-000000", 0, 1, "tmpl"))
                .ofSizeBetween(0, 12);
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), querySpecs(), writes,
                        lists().of(integers().between(0, 1_000)).ofSizeBetween(12, 12))
                .checkAssert((commits, spec, templates, picks) -> inFreshStore(this, store -> {
                    InMemoryCaseStore reference = commitAllWithReference(store, commits);
                    AttentionQuery first = new AttentionQuery(spec.farBefore() ? FAR : spec.before(), null, null,
                            supportsRegionFilter() ? spec.region() : null, supportsUnitFilter() ? spec.unit() : null,
                            Math.min(spec.limit(), 4));
                    List<IndexRow> atStart = reference.needingAttention(new AttentionQuery(first.before(), null, null,
                            first.regionPrefix(), first.unitInvolved(), AttentionQuery.MAX_LIMIT));
                    List<String> cases = new ArrayList<>(byCase(commits).keySet());
                    Paging paging = new Paging();
                    IndexRow previous = null;
                    AttentionQuery q = first;
                    int written = 0;
                    int maxPages = atStart.size() + templates.size() + 5;
                    for (int pageNo = 0; pageNo < maxPages; pageNo++) {
                        List<IndexRow> page = store.needingAttention(q);
                        assertThat(page.size()).as("Q1: a page holds at most 'limit' rows").isLessThanOrEqualTo(q.limit());
                        for (IndexRow row : page) {
                            if (previous != null && KEY.compare(previous, row) >= 0) {
                                throw new AssertionError("Q2: page " + (pageNo + 1) + " returned case " + row.caseId()
                                        + " at " + row.nextAttentionAt().orElse(null) + ", not strictly after case "
                                        + previous.caseId() + " at " + previous.nextAttentionAt().orElse(null)
                                        + ": page with a keyset (WHERE (next_attention_at, case_id) > (?, ?) ORDER BY"
                                        + " next_attention_at, case_id), not with OFFSET");
                            }
                            previous = row;
                            paging.saw(row);
                        }
                        if (page.isEmpty()) break;
                        q = q.after(page.get(page.size() - 1));
                        // other clients write between pages, before and after the cursor
                        for (int w = 0; w < 2 && written < templates.size(); w++, written++) {
                            int pick = picks.get(written % picks.size());
                            String caseId = pick % 4 == 0 ? "XF-440103-2030-" + String.format("%06d", written)
                                    : cases.get(pick % cases.size());
                            CaseCommit c = rebase(templates.get(written), caseId, version(store, caseId),
                                    nextSequence(store, caseId), "between-" + written);
                            commitValid(store, c);
                            paging.changed(caseId);
                        }
                    }
                    paging.assertEachUnchangedRowOnce(atStart, (caseId, times) -> "Q2: the row of case " + caseId
                            + " did not change while a client paged through " + first + " but appeared " + times
                            + " times across the pages: page with a keyset (WHERE (next_attention_at, case_id) > (?, ?)),"
                            + " never with OFFSET or a cursor position counted in rows");
                }));
    }

    /** Q3: a query started after a commit was acknowledged sees that commit's row. */
    @Test
    default void required_Q3_aQueryAfterACommitSeesItsRow() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(6, 20)).checkAssert(commits -> inFreshStore(this, store -> {
            for (CaseCommit c : commits) {
                commitValid(store, c);
                IndexRow row = c.indexRow();
                if (row.nextAttentionAt().isEmpty()) continue;
                Instant at = row.nextAttentionAt().get();
                AttentionQuery q = new AttentionQuery(at.plusNanos(1), at, "", null, null, 100);
                assertThat(store.needingAttention(q)).as("Q3: a query started after commit %s was acknowledged sees"
                        + " its row (read committed data, refresh or invalidate any cache on commit)",
                        c.idempotencyKey()).contains(row);
            }
        }));
    }
}
