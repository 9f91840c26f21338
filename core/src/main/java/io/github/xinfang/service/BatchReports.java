package io.github.xinfang.service;

import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.report.Ratio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Batch progress reports (上级交办批次进度): finds a batch's cases through the store's {@link ResolutionQuery}
 * (keyset pages, no scan) and counts each case as its history stood at the report's instant (the events recorded
 * up to it), so a report for a past instant is the same whenever it is run. Thread-safe; holds no state.
 *
 * @since 0.2
 */
public final class BatchReports {
    private static final int PAGE = 500;

    private final CaseService service;
    private final ResolutionQuery query;
    private final AccessScope access;

    private BatchReports(CaseService service, ResolutionQuery query, AccessScope access) {
        this.service = service;
        this.query = query;
        this.access = access;
    }

    /**
     * @param service the case service (its store must implement {@link ResolutionQuery})
     * @return the reports
     * @throws UnsupportedOperationException if the store does not offer the resolution queries
     */
    public static BatchReports create(CaseService service) {
        Objects.requireNonNull(service, "service");
        return new BatchReports(service, service.resolutionQuery(), AccessScope.everything());
    }

    /**
     * The batch ledger an actor may see: each progress counts only the batch's cases the service's access policy lets
     * the actor read ({@link CaseService#accessScope}), listed by the store inside its query (rule R8 of
     * {@link ResolutionQuery}).
     *
     * @param service the case service (its store must implement {@link ResolutionQuery})
     * @param actor who reads
     * @return the reports
     * @throws NullPointerException naming a null argument
     * @throws UnsupportedOperationException if the store does not offer the resolution queries
     * @since 0.7
     */
    public static BatchReports create(CaseService service, io.github.xinfang.cases.Actor actor) {
        Objects.requireNonNull(service, "service");
        AccessScope scope = service.accessScope(Objects.requireNonNull(actor, "actor"));
        return new BatchReports(service, service.resolutionQuery(), scope);
    }

    /**
     * Counts a batch's progress as of an instant.
     *
     * @param batch the batch
     * @param asOf the instant (events recorded after it are not counted; the target date is compared with its date
     *     in the service's zone)
     * @return the progress
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure
     */
    public Progress progress(Resolution.BatchId batch, Instant asOf) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(asOf, "asOf");
        LocalDate today = LocalDate.ofInstant(asOf, service.timeLimits().zone());
        long cases = 0, claimed = 0, resolved = 0, substantive = 0, returned = 0, overdue = 0;
        String after = null;
        while (true) {
            List<IndexRow> page = query.byBatch(batch.value(), after, PAGE, access);
            if (page.isEmpty()) break;
            for (IndexRow row : page) {
                Optional<Resolution> r = asOf(new CaseId(row.caseId()), asOf);
                if (r.isEmpty()) continue;
                Optional<Resolution.Batch> in = r.get().batches().stream().filter(b -> b.id().equals(batch)).findFirst();
                if (in.isEmpty()) continue;
                cases++;
                Resolution.TrackState t = r.get().track();
                if (t == Resolution.TrackState.CLAIMED || t == Resolution.TrackState.RESOLVED) claimed++;
                if (t == Resolution.TrackState.RESOLVED) {
                    resolved++;
                    if (r.get().claimKind() == Resolution.ResolutionKind.SUBSTANTIVE) substantive++;
                } else if (today.isAfter(in.get().targetDate())) {
                    overdue++;
                }
                returned += r.get().returnedClaims();
            }
            after = page.get(page.size() - 1).caseId();
        }
        return new Progress(batch, asOf, cases, claimed, resolved, substantive, returned, overdue);
    }

    /** The case's resolution track as it stood at an instant, replayed from the events recorded up to it. */
    private Optional<Resolution> asOf(CaseId id, Instant asOf) {
        Optional<CaseHistory> h = service.history(id);
        if (h.isEmpty()) return Optional.empty();
        if (!h.get().state().timing().lastRecordedAt().isAfter(asOf)) return Optional.ofNullable(h.get().state().resolution());
        List<CaseEvent> upTo = new ArrayList<>();
        for (CaseEvent e : h.get().events()) {
            if (e.recordedAt().isAfter(asOf)) break;
            upTo.add(e);
        }
        return upTo.isEmpty() ? Optional.empty() : Optional.ofNullable(CaseState.replay(upTo).resolution());
    }

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
    public record Progress(Resolution.BatchId batch, Instant asOf, long cases, long claimed, long resolved, long substantivelyResolved,
                                long returned, long overdue) {
        /**
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException if the counts are inconsistent (negative, or a subset larger than its set)
         */
        public Progress {
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
            return new Ratio(claimed, cases, Ratio.Unit.CASES);
        }

        /** @return 化解率: RESOLVED ÷ cases in the batch */
        public Ratio resolutionRate() {
            return new Ratio(resolved, cases, Ratio.Unit.CASES);
        }

        /** @return 实体化解率: substantively resolved ÷ cases in the batch */
        public Ratio substantiveRate() {
            return new Ratio(substantivelyResolved, cases, Ratio.Unit.CASES);
        }
    }
}
