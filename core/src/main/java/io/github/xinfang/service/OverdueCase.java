package io.github.xinfang.service;

import io.github.xinfang.persistence.IndexRow;

import java.util.List;
import java.util.Objects;

/**
 * A case that is overdue (超期) at an instant: its index row and its late clocks, in clock-name order. Built from the
 * index alone, without loading the case. Immutable.
 *
 * @param row the case's index row (every column, all its clock dues)
 * @param lateClocks the clocks late at the instant asked, by clock name; never empty
 * @since 0.4
 */
public record OverdueCase(IndexRow row, List<LateClock> lateClocks) {

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if lateClocks is empty
     */
    public OverdueCase {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(lateClocks, "lateClocks");
        lateClocks = List.copyOf(lateClocks);
        if (lateClocks.isEmpty()) throw new IllegalArgumentException("lateClocks must not be empty");
    }

    /** @return the case id */
    public String caseId() {
        return row.caseId();
    }

    /** @return the most days one of its clocks is late */
    public long maxDaysLate() {
        long max = 0;
        for (LateClock c : lateClocks) max = Math.max(max, c.daysLate());
        return max;
    }
}
