package io.github.xinfang.persistence;

import java.time.LocalDate;
import java.util.List;

/**
 * The tagged cases a cluster warning (类案预警) may count: cases whose petition carries a subject tag (a housing estate,
 * an employer, a project) and that received a petition recently, one keyset page at a time, as index rows. Core's
 * cluster watch reads them, loads each case and counts its petitions inside its window, so a daily sweep touches only
 * the cases that can matter and never scans the store. An optional port: a store that offers it implements this
 * interface too. Thread-safe.
 *
 * <ol>
 *   <li><b>C1 (the tagged cases petitioned since a day).</b> {@link #taggedSince} lists the cases whose index row has at
 *       least one {@link IndexRow#subjectTags() subject tag}, whose {@link IndexRow#regionCode() region code} starts
 *       with {@code regionPrefix} (the empty prefix: every case) and whose {@link IndexRow#lastPetitionOn() latest
 *       petition} is on or after {@code since}. No other case appears.</li>
 *   <li><b>C2 (current rows).</b> Each row is the case's current index row, as {@link CaseStore#load} and the other
 *       queries see it.</li>
 *   <li><b>C3 (keyset paging).</b> Rows are ordered by case id (binary order, as {@link String#compareTo}), strictly after
 *       {@code afterCaseId} ({@code null}: from the start), at most {@code limit}. A case that does not change while a
 *       client pages appears exactly once across the pages.</li>
 *   <li><b>C4 (freshness).</b> A query started after a commit was acknowledged sees it.</li>
 *   <li><b>C5 (arguments).</b> A null {@code regionPrefix} or {@code since} throws {@link NullPointerException} naming
 *       the parameter; a prefix that is not zero to six ASCII digits, or a {@code limit} below 1, throws
 *       {@link IllegalArgumentException}. Nothing is read.</li>
 *   <li><b>C6 (access scope).</b> The scoped {@link #taggedSince(String, LocalDate, String, int, AccessScope)} lists
 *       the rows C1 lists that are in the access scope.</li>
 * </ol>
 *
 * <p><b>Access scopes (since 0.7).</b> The query has a scoped form taking an {@link AccessScope}: it answers exactly
 * the rows the unscoped form answers that are {@link AccessScope#contains in the scope}, evaluated inside
 * the query, before the page's limit (a page holds {@code limit} rows in scope if that many exist), with the same order and keyset paging. The default methods answer {@link AccessScope#everything()}
 * through the unscoped form and throw {@link UnsupportedOperationException} for any other scope, so an adapter that does
 * not evaluate scopes never leaks a case; the test kit checks adapters that do.
 *
 * @since 0.6
 */
public interface ClusterQuery {

    /**
     * Reads one page of the tagged cases petitioned on or after a day (rules C1 to C5).
     *
     * @param regionPrefix zero to six digits of a region code ({@code ""}: every region)
     * @param since the first day of the window
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the page's index rows, ascending by case id
     * @throws NullPointerException if regionPrefix or since is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     * @throws StoreException on an infrastructure failure
     */
    List<IndexRow> taggedSince(String regionPrefix, LocalDate since, String afterCaseId, int limit);

    /**
     * Reads one page of the tagged cases petitioned on or after a day that an actor may read (rules C1 to C6).
     *
     * @param regionPrefix zero to six digits of a region code ({@code ""}: every region)
     * @param since the first day of the window
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @param access the actor's access scope
     * @return the page's index rows in scope, ascending by case id
     * @throws NullPointerException if regionPrefix, since or access is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default List<IndexRow> taggedSince(String regionPrefix, LocalDate since, String afterCaseId, int limit, AccessScope access) {
        if (AccessScope.unscoped(access)) return taggedSince(regionPrefix, since, afterCaseId, limit);
        throw AccessScope.notEvaluated(this);
    }

    /**
     * Checks the arguments of {@link #taggedSince} as rule C5 says; for adapters.
     *
     * @param regionPrefix the prefix
     * @param since the day
     * @param limit the page size
     * @throws NullPointerException if regionPrefix or since is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     */
    static void checkArguments(String regionPrefix, LocalDate since, int limit) {
        java.util.Objects.requireNonNull(since, "since");
        ReportQuery.checkArguments(regionPrefix, java.time.Instant.EPOCH, limit);
    }
}
