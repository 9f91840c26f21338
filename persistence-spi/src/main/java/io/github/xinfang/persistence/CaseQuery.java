package io.github.xinfang.persistence;

import java.util.List;
import java.util.Objects;

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
 *   <li><b>Q4 (access scope).</b> {@link #needingAttention(AttentionQuery, AccessScope)} returns the rows Q1 returns
 *       that are in the scope, as the class documentation of {@link AccessScope} defines it.</li>
 * </ol>
 *
 * <p><b>Access scopes (since 0.7).</b> The query has a scoped form taking an {@link AccessScope}: it answers exactly
 * the rows (or cases) the unscoped form answers that are {@link AccessScope#contains in the scope}, evaluated inside
 * the query, before the page's limit (a page holds {@code limit} rows in scope if that many exist, and counts count only
 * rows in scope), with the same order and keyset paging. The default methods answer {@link AccessScope#everything()}
 * through the unscoped form and throw {@link UnsupportedOperationException} for any other scope, so an adapter that does
 * not evaluate scopes never leaks a case; the test kit checks adapters that do.
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

    /**
     * Reads one page of the cases needing attention that an actor may read (rules Q1 to Q4).
     *
     * @param query the query
     * @param access the actor's access scope
     * @return the page's rows in scope, in order
     * @throws NullPointerException if query or access is null
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default List<IndexRow> needingAttention(AttentionQuery query, AccessScope access) {
        Objects.requireNonNull(query, "query");
        if (AccessScope.unscoped(access)) return needingAttention(query);
        throw AccessScope.notEvaluated(this);
    }
}
