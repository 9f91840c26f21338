package io.github.xinfang.persistence;

import java.util.List;

/**
 * Maintenance of index rows without a new commit: core recomputes a case's row when something outside its
 * history changes its columns (a new holiday notice moves due dates), and stores it here. An optional port:
 * a store that offers it implements this interface too. Thread-safe.
 *
 * <ol>
 *   <li><b>M1 (listing).</b> {@link #caseIdsAfter} returns the ids of stored cases strictly after the one given
 *       ({@link String#compareTo} order), ascending, at most {@code limit}; a case that exists for the whole
 *       listing appears exactly once.</li>
 *   <li><b>M2 (replace).</b> {@link #replaceIndexRow} replaces the case's index row only if the row's version is
 *       the case's stored version, and answers whether it did; it never changes events, snapshot, idempotency
 *       records or the change feed, and a row for another version changes nothing.</li>
 * </ol>
 *
 * @since 0.1
 */
public interface IndexMaintenance {

    /**
     * Lists stored case ids (rule M1).
     *
     * @param after the last id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the ids, ascending
     * @throws StoreException on an infrastructure failure
     */
    List<String> caseIdsAfter(String after, int limit);

    /**
     * Replaces a case's index row at its current version (rule M2).
     *
     * @param row the recomputed row
     * @return true if the row was replaced; false if the case is unknown or at another version
     * @throws StoreException on an infrastructure failure
     */
    boolean replaceIndexRow(IndexRow row);
}
