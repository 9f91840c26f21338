package io.github.xinfang.persistence;

import java.util.List;

/**
 * Queries over index rows, answered from indexes (never a scan of all cases). An optional port: a store
 * that offers it implements this interface too. Thread-safe.
 *
 * <ol>
 *   <li><b>Q1 (attention).</b> {@link #needingAttention} returns the rows whose next attention instant is
 *       strictly before {@code before}, matching the filters, ordered by (next attention instant, case id; case
 *       ids compare as {@link String#compareTo}, i.e. binary order: on PostgreSQL use {@code COLLATE "C"}),
 *       strictly after the keyset position, at most {@code limit}. Rows without a next attention instant
 *       never appear.</li>
 *   <li><b>Q2 (keyset paging).</b> A row that does not change while a client pages through a query appears
 *       exactly once across the pages, whatever other rows are written between pages.</li>
 *   <li><b>Q3 (freshness).</b> A query started after a commit was acknowledged sees that commit's row.</li>
 * </ol>
 *
 * @since 0.1
 */
public interface CaseQuery {

    /**
     * Reads one page of the cases needing attention (rules Q1 to Q3).
     *
     * @param query the query
     * @return the page's rows, in order
     * @throws StoreException on an infrastructure failure
     */
    List<IndexRow> needingAttention(AttentionQuery query);
}
