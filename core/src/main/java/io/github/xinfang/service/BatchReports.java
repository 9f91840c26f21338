package io.github.xinfang.service;

import io.github.xinfang.cases.BatchId;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionKind;
import io.github.xinfang.cases.TrackState;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ResolutionQuery;

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

    private BatchReports(CaseService service, ResolutionQuery query) {
        this.service = service;
        this.query = query;
    }

    /**
     * @param service the case service (its store must implement {@link ResolutionQuery})
     * @return the reports
     * @throws UnsupportedOperationException if the store does not offer the resolution queries
     */
    public static BatchReports create(CaseService service) {
        Objects.requireNonNull(service, "service");
        return new BatchReports(service, service.resolutionQuery());
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
    public BatchProgress progress(BatchId batch, Instant asOf) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(asOf, "asOf");
        LocalDate today = LocalDate.ofInstant(asOf, service.timeLimits().zone());
        long cases = 0, claimed = 0, resolved = 0, substantive = 0, returned = 0, overdue = 0;
        String after = null;
        while (true) {
            List<IndexRow> page = query.byBatch(batch.value(), after, PAGE);
            if (page.isEmpty()) break;
            for (IndexRow row : page) {
                Optional<Resolution> r = asOf(new CaseId(row.caseId()), asOf);
                if (r.isEmpty()) continue;
                Optional<Resolution.Batch> in = r.get().batches().stream().filter(b -> b.id().equals(batch)).findFirst();
                if (in.isEmpty()) continue;
                cases++;
                TrackState t = r.get().track();
                if (t == TrackState.CLAIMED || t == TrackState.RESOLVED) claimed++;
                if (t == TrackState.RESOLVED) {
                    resolved++;
                    if (r.get().claimKind() == ResolutionKind.SUBSTANTIVE) substantive++;
                } else if (today.isAfter(in.get().targetDate())) {
                    overdue++;
                }
                returned += r.get().returnedClaims();
            }
            after = page.get(page.size() - 1).caseId();
        }
        return new BatchProgress(batch, asOf, cases, claimed, resolved, substantive, returned, overdue);
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
}
