package io.github.xinfang.bench.jdbc;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.CommandLookup;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case store that routes each case to the database of its province: case ids carry the region code
 * ({@code XF-450802-...}), and the first two digits (GB/T 2260: the province) choose the store. Every call names one
 * case, so each goes to exactly one store; nothing spans two. The sketch {@code docs/scaling.md} measures: a sweep,
 * a report or a query over several provinces runs per store and merges.
 */
final class RegionRoutingStore implements CaseStore {
    private final Map<String, CaseStore> byProvince;

    /** @param byProvince the store of each province, by its two-digit code */
    RegionRoutingStore(Map<String, CaseStore> byProvince) {
        this.byProvince = Map.copyOf(byProvince);
    }

    /** @return the store of the case's province */
    CaseStore of(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        if (caseId.length() < 5 || !caseId.startsWith("XF-")) throw new IllegalArgumentException("no region in case id " + caseId);
        CaseStore store = byProvince.get(caseId.substring(3, 5));
        if (store == null) throw new IllegalArgumentException("no store for the province of case " + caseId);
        return store;
    }

    @Override
    public void commit(CaseCommit commit) {
        of(commit.caseId()).commit(commit);
    }

    @Override
    public Optional<StoredCase> load(String caseId) {
        return of(caseId).load(caseId);
    }

    @Override
    public Optional<StoredCase> loadFromSnapshot(String caseId) {
        return of(caseId).loadFromSnapshot(caseId);
    }

    @Override
    public CommandLookup loadForCommand(String caseId, String idempotencyKey) {
        return of(caseId).loadForCommand(caseId, idempotencyKey);
    }

    @Override
    public boolean snapshotsOptional() {
        return byProvince.values().stream().allMatch(CaseStore::snapshotsOptional);
    }

    /** The chain is kept if every store keeps it (the service then links each commit's events, as on one store). */
    @Override
    public boolean keepsEventChain() {
        return byProvince.values().stream().allMatch(CaseStore::keepsEventChain);
    }

    /** Within one case only: a walk over every case would have to merge the stores' walks, which this sketch does not. */
    @Override
    public List<ChainedEvent> chainedEventsAfter(String caseId, long sequence, int limit) {
        if (caseId.isEmpty()) throw new UnsupportedOperationException("a walk over every province's store");
        return of(caseId).chainedEventsAfter(caseId, sequence, limit);
    }

    @Override
    public Optional<AppliedCommand> findApplied(String caseId, String idempotencyKey) {
        return of(caseId).findApplied(caseId, idempotencyKey);
    }

    @Override
    public Optional<IndexRow> indexRow(String caseId) {
        return of(caseId).indexRow(caseId);
    }
}
