package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.List;

/**
 * The cases a report over a span of time may count (信访统计), one keyset page at a time, each with its stored
 * history: what core's figures read, case by case, so a report over a region never holds more than a page. An
 * optional port: a store that offers it implements this interface too. Thread-safe.
 *
 * <p>A report counts facts whose legal date lies in its span, as known at an instant. A fact is recorded on or after
 * its legal date, so a case can hold a fact of the span only if it has an event recorded since the span began, or if
 * a duty of it is still open (a limit that falls due inside the span while nothing is recorded counts too: a case
 * still open past its limit counts as late). This port returns at least those cases; the report reads their events
 * and decides. The stored snapshot is returned as stored and may be older than the events: a report must not rely
 * on it.
 *
 * <ol>
 *   <li><b>P1 (the cases touching a span).</b> {@link #touching} lists the cases whose
 *       {@link IndexRow#regionCode() region code} starts with {@code regionPrefix} (the empty prefix: every case) and
 *       that have at least one stored event recorded at or after {@code since} ({@code recordedAt >= since}), or whose
 *       index row has an {@link IndexRow#earliestDueAt() earliest due instant} (an open duty). No other case
 *       appears.</li>
 *   <li><b>P2 (whole cases).</b> Each case comes as {@link CaseStore#load} would return it at that moment: its snapshot
 *       and every stored event, byte for byte, in sequence order.</li>
 *   <li><b>P3 (keyset paging).</b> Cases are ordered by case id (binary order, as {@link String#compareTo}; on
 *       PostgreSQL {@code COLLATE "C"}), strictly after {@code afterCaseId} ({@code null}: from the start; the id need
 *       not be a stored case), at most {@code limit}. A case that does not change while a client pages appears
 *       exactly once across the pages.</li>
 *   <li><b>P4 (freshness).</b> A query started after a commit was acknowledged sees it.</li>
 *   <li><b>P5 (arguments).</b> A null {@code regionPrefix} or {@code since} throws {@link NullPointerException}
 *       naming the parameter; a prefix that is not zero to six ASCII digits, or a {@code limit} below 1, throws
 *       {@link IllegalArgumentException}. Nothing is read.</li>
 *   <li><b>P6 (access scope).</b> The scoped {@link #touching(String, Instant, String, int, AccessScope)} lists the
 *       cases P1 lists whose current index row is in the access scope.</li>
 * </ol>
 *
 * <p><b>Access scopes (since 0.7).</b> The query has a scoped form taking an {@link AccessScope}: it answers exactly
 * the cases the unscoped form answers that are {@link AccessScope#contains in the scope}, evaluated inside
 * the query, before the page's limit (a page holds {@code limit} cases in scope if that many exist), with the same order and keyset paging. The default methods answer {@link AccessScope#everything()}
 * through the unscoped form and throw {@link UnsupportedOperationException} for any other scope, so an adapter that does
 * not evaluate scopes never leaks a case; the test kit checks adapters that do.
 *
 * @since 0.6
 */
public interface ReportQuery {

    /**
     * Reads one page of the cases a report from {@code since} on may count (rules P1 to P5).
     *
     * @param regionPrefix zero to six digits of a region code ({@code ""}: every region; {@code 4508}: a city)
     * @param since the instant the report's earliest span begins
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the page's cases, ascending by case id, each whole
     * @throws NullPointerException if regionPrefix or since is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     * @throws StoreException on an infrastructure failure
     */
    List<StoredCase> touching(String regionPrefix, Instant since, String afterCaseId, int limit);

    /**
     * Reads one page of the cases a report from {@code since} on may count that an actor may read (rules P1 to P6).
     *
     * @param regionPrefix zero to six digits of a region code ({@code ""}: every region)
     * @param since the instant the report's earliest span begins
     * @param afterCaseId the last case id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @param access the actor's access scope
     * @return the page's cases in scope, ascending by case id, each whole
     * @throws NullPointerException if regionPrefix, since or access is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     * @throws UnsupportedOperationException if the store does not evaluate scopes and access is not everything
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default List<StoredCase> touching(String regionPrefix, Instant since, String afterCaseId, int limit, AccessScope access) {
        if (AccessScope.unscoped(access)) return touching(regionPrefix, since, afterCaseId, limit);
        throw AccessScope.notEvaluated(this);
    }

    /**
     * Checks the arguments of {@link #touching} as rule P5 says; for adapters.
     *
     * @param regionPrefix the prefix
     * @param since the instant
     * @param limit the page size
     * @throws NullPointerException if regionPrefix or since is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     */
    static void checkArguments(String regionPrefix, Instant since, int limit) {
        java.util.Objects.requireNonNull(regionPrefix, "regionPrefix");
        java.util.Objects.requireNonNull(since, "since");
        if (regionPrefix.length() > 6 || !regionPrefix.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("regionPrefix must be zero to six digits");
        }
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
    }
}
