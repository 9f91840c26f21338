package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.List;

/**
 * Overdue cases (超期) over index rows, answered from the {@link IndexRow#clockDues() clock dues} column and its
 * indexes (never a scan of all cases, never a load of a case): a handling unit's, a region's or a package leader's
 * cases with a late duty clock, one keyset page at a time, and how many there are for page totals. An optional port
 * (since 0.4): a store that offers it implements this interface too; it has no default methods, because an answer
 * from other ports would mean loading cases one by one.
 *
 * <p>A row is <em>overdue at</em> {@code asOf} when one of its clock dues is at or before {@code asOf}
 * ({@code due_at <= ?}: a clock due exactly at {@code asOf} is late then). For rows core computes this is the same as
 * {@code earliestDueAt <= asOf} (rule R4 of {@link ResolutionQuery}); a row written before the column existed holds
 * no clock dues and is not overdue here until it is recomputed.
 *
 * <ol>
 *   <li><b>O1 (listing).</b> {@link #overdue} returns the rows in the scope that are overdue at {@code asOf},
 *       ordered by case id ({@link String#compareTo}, binary order: on PostgreSQL use {@code COLLATE "C"}),
 *       strictly after {@code afterCaseId} ({@code null}: from the start; the id need not be a stored case), at
 *       most {@code limit}. Each row is whole: every column as committed, all its clock dues (late or not).</li>
 *   <li><b>O2 (scopes).</b> {@link OverdueScope.HandlingUnit}: the handling unit equals the unit;
 *       {@link OverdueScope.RegionPrefix}: the region code starts with the prefix; {@link OverdueScope.ActiveLeader}:
 *       the active package leader equals the leader.</li>
 *   <li><b>O3 (count).</b> {@link #countOverdue} returns the number of rows O1 lists across all its pages for the
 *       same scope and instant.</li>
 *   <li><b>O4 (keyset paging).</b> A row that does not change while a client pages through a listing, and is overdue
 *       at every {@code asOf} asked, appears exactly once across the pages, whatever other rows are written between
 *       pages.</li>
 *   <li><b>O5 (freshness).</b> A query started after a commit (or an index-row replacement of
 *       {@link IndexMaintenance}) was acknowledged sees that row.</li>
 *   <li><b>O6 (arguments).</b> A null {@code scope} or {@code asOf} throws {@link NullPointerException} naming the
 *       parameter; a {@code limit} below 1 throws {@link IllegalArgumentException}. Nothing is read.</li>
 *   <li><b>O7 (access scope).</b> The scoped forms list and count the rows O1 and O3 do that are in the access
 *       scope.</li>
 * </ol>
 *
 * <p><b>Access scopes (since 0.7).</b> Each query has a scoped form taking an {@link AccessScope}: it answers exactly
 * the rows (or cases) the unscoped form answers that are {@link AccessScope#contains in the scope}, evaluated inside
 * the query, before the page's limit (a page holds {@code limit} rows in scope if that many exist, and counts count only
 * rows in scope), with the same order and keyset paging. The default methods answer {@link AccessScope#everything()}
 * through the unscoped form and throw {@link UnsupportedOperationException} for any other scope, so an adapter that does
 * not evaluate scopes never leaks a case; the test kit checks adapters that do.
 *
 * <p>Thread-safe.
 *
 * @since 0.4
 */
public interface OverdueQuery {

    /**
     * Reads one page of the overdue cases of a scope (rules O1, O2, O4 to O6).
     *
     * @param scope whose cases
     * @param asOf the instant the cases are overdue at
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the page's rows, ascending by case id
     * @throws NullPointerException if scope or asOf is null
     * @throws IllegalArgumentException if limit is below 1
     * @throws StoreException on an infrastructure failure
     */
    List<IndexRow> overdue(OverdueScope scope, Instant asOf, String afterCaseId, int limit);

    /**
     * Counts the overdue cases of a scope (rules O2, O3, O5, O6).
     *
     * @param scope whose cases
     * @param asOf the instant the cases are overdue at
     * @return how many rows {@link #overdue} lists across all pages
     * @throws NullPointerException if scope or asOf is null
     * @throws StoreException on an infrastructure failure
     */
    long countOverdue(OverdueScope scope, Instant asOf);

    /**
     * Reads one page of the overdue cases of a scope that an actor may read (rules O1, O2, O4 to O7).
     *
     * @param scope whose cases
     * @param asOf the instant the cases are overdue at
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @param access the actor's access scope
     * @return the page's rows in the access scope, ascending by case id
     * @throws NullPointerException if scope, asOf or access is null
     * @throws IllegalArgumentException if limit is below 1
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default List<IndexRow> overdue(OverdueScope scope, Instant asOf, String afterCaseId, int limit, AccessScope access) {
        if (AccessScope.unscoped(access)) return overdue(scope, asOf, afterCaseId, limit);
        throw AccessScope.notEvaluated(this);
    }

    /**
     * Counts the overdue cases of a scope that an actor may read (rules O2, O3, O5 to O7).
     *
     * @param scope whose cases
     * @param asOf the instant the cases are overdue at
     * @param access the actor's access scope
     * @return how many rows the scoped {@link #overdue} lists across all pages
     * @throws NullPointerException if scope, asOf or access is null
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default long countOverdue(OverdueScope scope, Instant asOf, AccessScope access) {
        if (AccessScope.unscoped(access)) return countOverdue(scope, asOf);
        throw AccessScope.notEvaluated(this);
    }
}
