package io.github.xinfang.service;

import io.github.xinfang.cases.BatchId;

import java.time.Instant;
import java.util.Objects;

/**
 * The progress of a batch of backlog cases handed down by a higher level (上级交办), as of an instant: what the
 * case service recorded up to that instant, counted over the cases enrolled in the batch by then. All counts
 * are cases (件) except {@code returned}, which counts returned claims (件次). Immutable.
 *
 * @param batch the batch
 * @param asOf the instant it is counted as of
 * @param cases cases in the batch (交办数)
 * @param claimed cases whose resolution was claimed, pending or approved (申请化解: CLAIMED + RESOLVED)
 * @param resolved cases whose resolution was approved and crossed off (化解销号: RESOLVED)
 * @param substantivelyResolved resolved cases whose resolution was substantive (实体化解)
 * @param returned claims returned (退回) on the batch's cases, 件次
 * @param overdue cases not resolved after the batch's target date
 * @since 0.2
 */
public record BatchProgress(BatchId batch, Instant asOf, long cases, long claimed, long resolved, long substantivelyResolved,
                            long returned, long overdue) {
    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if the counts are inconsistent (negative, or a subset larger than its set)
     */
    public BatchProgress {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(asOf, "asOf");
        if (cases < 0 || returned < 0) throw new IllegalArgumentException("counts must not be negative");
        if (claimed < resolved || cases < claimed) throw new IllegalArgumentException("resolved <= claimed <= cases must hold");
        if (substantivelyResolved < 0 || substantivelyResolved > resolved) {
            throw new IllegalArgumentException("0 <= substantivelyResolved <= resolved must hold");
        }
        if (overdue < 0 || overdue > cases - resolved) throw new IllegalArgumentException("0 <= overdue <= cases - resolved must hold");
    }

    /** @return 申请化解率: (CLAIMED + RESOLVED) ÷ cases in the batch (e.g. "924 handed down, 900 claimed, 97.4%") */
    public Ratio claimRate() {
        return new Ratio(claimed, cases, "件");
    }

    /** @return 化解率: RESOLVED ÷ cases in the batch */
    public Ratio resolutionRate() {
        return new Ratio(resolved, cases, "件");
    }

    /** @return 实体化解率: substantively resolved ÷ cases in the batch */
    public Ratio substantiveRate() {
        return new Ratio(substantivelyResolved, cases, "件");
    }
}
