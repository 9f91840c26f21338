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
 * </ol>
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
