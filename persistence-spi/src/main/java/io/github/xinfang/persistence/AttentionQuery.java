package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for the cases that need attention before an instant: due-soon and overdue cases whose warning,
 * breach or lapse is not yet recorded (core computes the instant; a case whose breach is recorded leaves the
 * query, and its row's earliest due instant still says it is overdue), ordered by their next attention instant
 * then case id, one keyset page at a time. Immutable.
 *
 * @param before only rows whose next attention instant is strictly before this
 * @param afterAt the keyset position: the last row of the previous page's next attention instant, or null for the first page
 * @param afterCaseId the last row of the previous page's case id, or null for the first page
 * @param regionPrefix only rows whose region code starts with this (e.g. {@code 4508}), or null for all
 * @param unitInvolved only rows whose units involved contain this unit id, or null for all
 * @param limit the page size, 1 to 10,000
 * @since 0.1
 */
public record AttentionQuery(Instant before, Instant afterAt, String afterCaseId, String regionPrefix, String unitInvolved,
                             int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 10_000;

    /**
     * @throws NullPointerException if before is null
     * @throws IllegalArgumentException if only one half of the keyset position is given, or limit is out of range
     */
    public AttentionQuery {
        Objects.requireNonNull(before, "before");
        if ((afterAt == null) != (afterCaseId == null)) {
            throw new IllegalArgumentException("afterAt and afterCaseId must be given together");
        }
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        if (regionPrefix != null && !regionPrefix.matches("\\d{1,6}")) {
            throw new IllegalArgumentException("regionPrefix must be one to six digits");
        }
    }

    /**
     * @param before the instant
     * @param limit the page size
     * @return the first page's query, without filters
     */
    public static AttentionQuery firstPage(Instant before, int limit) {
        return new AttentionQuery(before, null, null, null, null, limit);
    }

    /**
     * @param lastRow the last row of the current page (it must have a next attention instant)
     * @return the query for the next page
     */
    public AttentionQuery after(IndexRow lastRow) {
        Instant at = lastRow.nextAttentionAt().orElseThrow(() -> new IllegalArgumentException("lastRow has no nextAttentionAt"));
        return new AttentionQuery(before, at, lastRow.caseId(), regionPrefix, unitInvolved, limit);
    }

    /**
     * @param prefix the region prefix
     * @return this query restricted to a region
     */
    public AttentionQuery inRegion(String prefix) {
        return new AttentionQuery(before, afterAt, afterCaseId, prefix, unitInvolved, limit);
    }

    /**
     * @param unit the unit id
     * @return this query restricted to the cases a unit is involved in
     */
    public AttentionQuery involving(String unit) {
        return new AttentionQuery(before, afterAt, afterCaseId, regionPrefix, unit, limit);
    }

    /** @return the keyset position, if this is not the first page */
    public Optional<Instant> afterInstant() {
        return Optional.ofNullable(afterAt);
    }
}
