package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.List;

/**
 * Queries of the resolution track (积案化解) over index rows, answered from indexes (never a scan of all
 * cases): the cases of a package leader (包案领导), of a lead unit (主办单位) and of a batch handed down (交办批次),
 * one keyset page at a time, and a leader's workload. An optional port: a store that offers it implements this
 * interface too. Thread-safe.
 *
 * <p>The three listings share one shape: rows whose column matches, ordered by case id (case ids compare as
 * {@link String#compareTo}, i.e. binary order: on PostgreSQL use {@code COLLATE "C"}), strictly after
 * {@code afterCaseId} ({@code null}: from the start; the id need not be a stored case), at most {@code limit}.
 * The next page starts after the last row's case id.
 *
 * <ol>
 *   <li><b>R1 (by active leader).</b> {@link #byActiveLeader} lists the rows whose
 *       {@link IndexRow#activeLeader() active package leader} equals {@code leader}. Rows without an active
 *       leader never appear.</li>
 *   <li><b>R2 (by lead unit).</b> {@link #byLeadUnit} lists the rows whose {@link IndexRow#leadUnit() lead unit}
 *       equals {@code unit}. Rows without a lead unit never appear.</li>
 *   <li><b>R3 (by batch).</b> {@link #byBatch} lists the rows whose {@link IndexRow#batches() batches} contain
 *       {@code batch}.</li>
 *   <li><b>R4 (workload).</b> {@link #workload} counts as active the rows whose active package leader equals
 *       {@code leader}, and as overdue those of them whose {@link IndexRow#earliestDueAt() earliest due instant} is
 *       present and at or before {@code asOf} ({@code earliestDueAt <= asOf}: a case due at {@code asOf} is
 *       overdue then).</li>
 *   <li><b>R5 (keyset paging).</b> A row that does not change while a client pages through a listing appears
 *       exactly once across the pages, whatever other rows are written between pages.</li>
 *   <li><b>R6 (freshness).</b> A query started after a commit (or an index-row replacement of
 *       {@link IndexMaintenance}) was acknowledged sees that row.</li>
 *   <li><b>R7 (arguments).</b> A null {@code leader}, {@code unit}, {@code batch} or {@code asOf} throws
 *       {@link NullPointerException} naming the parameter; a {@code limit} below 1 throws
 *       {@link IllegalArgumentException}. Nothing is read.</li>
 *   <li><b>R8 (access scope).</b> The scoped listings list the rows R1 to R3 do that are in the access scope, and the
 *       scoped workload counts the rows R4 counts that are in it.</li>
 * </ol>
 *
 * <p><b>Access scopes (since 0.7).</b> Each listing has a scoped form taking an {@link AccessScope}: it answers exactly
 * the rows (or cases) the unscoped form answers that are {@link AccessScope#contains in the scope}, evaluated inside
 * the query, before the page's limit (a page holds {@code limit} rows in scope if that many exist), with the same order and keyset paging. The default methods answer {@link AccessScope#everything()}
 * through the unscoped form and throw {@link UnsupportedOperationException} for any other scope, so an adapter that does
 * not evaluate scopes never leaks a case; the test kit checks adapters that do.
 *
 * @since 0.1
 */
public interface ResolutionQuery {

    /**
     * Reads one page of a package leader's cases (rules R1, R5 to R7).
     *
     * @param leader the leader's official id
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the page's rows, ascending by case id
     * @throws NullPointerException if leader is null
     * @throws IllegalArgumentException if limit is below 1
     * @throws StoreException on an infrastructure failure
     */
    List<IndexRow> byActiveLeader(String leader, String afterCaseId, int limit);

    /**
     * Reads one page of a lead unit's cases (rules R2, R5 to R7).
     *
     * @param unit the lead unit's id
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the page's rows, ascending by case id
     * @throws NullPointerException if unit is null
     * @throws IllegalArgumentException if limit is below 1
     * @throws StoreException on an infrastructure failure
     */
    List<IndexRow> byLeadUnit(String unit, String afterCaseId, int limit);

    /**
     * Reads one page of the cases in a batch (rules R3, R5 to R7).
     *
     * @param batch the batch id
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the page's rows, ascending by case id
     * @throws NullPointerException if batch is null
     * @throws IllegalArgumentException if limit is below 1
     * @throws StoreException on an infrastructure failure
     */
    List<IndexRow> byBatch(String batch, String afterCaseId, int limit);

    /**
     * Counts a package leader's active and overdue cases (rules R4, R6, R7).
     *
     * @param leader the leader's official id
     * @param asOf the instant overdue cases are counted at
     * @return the workload; zero counts for a leader with no cases
     * @throws NullPointerException if leader or asOf is null
     * @throws StoreException on an infrastructure failure
     */
    LeaderWorkload workload(String leader, Instant asOf);

    /**
     * Reads one page of a package leader's cases that an actor may read (rules R1, R5 to R8).
     *
     * @param leader the leader's official id
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @param access the actor's access scope
     * @return the page's rows in scope, ascending by case id
     * @throws NullPointerException if leader or access is null
     * @throws IllegalArgumentException if limit is below 1
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default List<IndexRow> byActiveLeader(String leader, String afterCaseId, int limit, AccessScope access) {
        if (AccessScope.unscoped(access)) return byActiveLeader(leader, afterCaseId, limit);
        throw AccessScope.notEvaluated(this);
    }

    /**
     * Reads one page of a lead unit's cases that an actor may read (rules R2, R5 to R8).
     *
     * @param unit the lead unit's id
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @param access the actor's access scope
     * @return the page's rows in scope, ascending by case id
     * @throws NullPointerException if unit or access is null
     * @throws IllegalArgumentException if limit is below 1
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default List<IndexRow> byLeadUnit(String unit, String afterCaseId, int limit, AccessScope access) {
        if (AccessScope.unscoped(access)) return byLeadUnit(unit, afterCaseId, limit);
        throw AccessScope.notEvaluated(this);
    }

    /**
     * Reads one page of the cases in a batch that an actor may read (rules R3, R5 to R8).
     *
     * @param batch the batch id
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @param access the actor's access scope
     * @return the page's rows in scope, ascending by case id
     * @throws NullPointerException if batch or access is null
     * @throws IllegalArgumentException if limit is below 1
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default List<IndexRow> byBatch(String batch, String afterCaseId, int limit, AccessScope access) {
        if (AccessScope.unscoped(access)) return byBatch(batch, afterCaseId, limit);
        throw AccessScope.notEvaluated(this);
    }

    /**
     * Counts a package leader's active and overdue cases that an actor may read (rules R4, R6 to R8).
     *
     * @param leader the leader's official id
     * @param asOf the instant overdue cases are counted at
     * @param access the actor's access scope
     * @return the workload over the rows in scope
     * @throws NullPointerException if leader, asOf or access is null
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default LeaderWorkload workload(String leader, Instant asOf, AccessScope access) {
        if (AccessScope.unscoped(access)) return workload(leader, asOf);
        throw AccessScope.notEvaluated(this);
    }
}
