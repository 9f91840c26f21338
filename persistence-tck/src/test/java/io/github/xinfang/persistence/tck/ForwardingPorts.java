package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ReportQuery;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.WorkClaims;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One interface per storage port, each passing every call of its port to a correct in-memory store: a test store
 * implements the ports it has (and only those) and overrides what it breaks.
 */
final class ForwardingPorts {

    private ForwardingPorts() {}

    /** A store passing calls to a correct one. */
    interface Delegating {
        /** @return the correct store calls are passed to */
        InMemoryCaseStore delegate();
    }

    /** Passes on {@link CaseStore}. */
    interface ToCaseStore extends CaseStore, Delegating {
        @Override default void commit(CaseCommit commit) { delegate().commit(commit); }
        @Override default Optional<StoredCase> load(String caseId) { return delegate().load(caseId); }
        @Override default Optional<AppliedCommand> findApplied(String caseId, String key) { return delegate().findApplied(caseId, key); }
        @Override default Optional<IndexRow> indexRow(String caseId) { return delegate().indexRow(caseId); }
        @Override default boolean keepsEventChain() { return delegate().keepsEventChain(); }
        @Override default List<ChainedEvent> chainedEventsAfter(String caseId, long sequence, int limit) {
            return delegate().chainedEventsAfter(caseId, sequence, limit);
        }
    }

    /** Passes on {@link io.github.xinfang.persistence.chain.AccessAudit}. */
    interface ToAccessAudit extends io.github.xinfang.persistence.chain.AccessAudit, Delegating {
        @Override default io.github.xinfang.persistence.chain.AuditRecord record(io.github.xinfang.persistence.chain.AuditEntry entry,
                io.github.xinfang.persistence.chain.EventChain chain) {
            return delegate().record(entry, chain);
        }
        @Override default List<io.github.xinfang.persistence.chain.AuditRecord> recordsAfter(String caseId, long sequence, int limit) {
            return delegate().recordsAfter(caseId, sequence, limit);
        }
        @Override default List<io.github.xinfang.persistence.chain.AuditRecord> byActor(String actor, String caseId, long sequence, int limit) {
            return delegate().byActor(actor, caseId, sequence, limit);
        }
        @Override default long purgeBefore(Instant cutoff) { return delegate().purgeBefore(cutoff); }
    }

    /** Passes on {@link ChangeFeed}. */
    interface ToChangeFeed extends ChangeFeed, Delegating {
        @Override default List<Change> changesAfter(long position, int limit) { return delegate().changesAfter(position, limit); }
    }

    /** Passes on {@link CaseQuery}. */
    interface ToCaseQuery extends CaseQuery, Delegating {
        @Override default List<IndexRow> needingAttention(AttentionQuery query) { return delegate().needingAttention(query); }
        @Override default List<IndexRow> needingAttention(AttentionQuery query, AccessScope access) {
            return delegate().needingAttention(query, access);
        }
    }

    /** Passes on {@link WorkClaims}. */
    interface ToWorkClaims extends WorkClaims, Delegating {
        @Override default List<Claim> claimDue(Instant dueBefore, Instant now, Duration lease, String owner, int limit) {
            return delegate().claimDue(dueBefore, now, lease, owner, limit);
        }
        @Override default boolean release(String caseId, String owner) { return delegate().release(caseId, owner); }
    }

    /** Passes on {@link IndexMaintenance}. */
    interface ToIndexMaintenance extends IndexMaintenance, Delegating {
        @Override default List<String> caseIdsAfter(String after, int limit) { return delegate().caseIdsAfter(after, limit); }
        @Override default boolean replaceIndexRow(IndexRow row) { return delegate().replaceIndexRow(row); }
    }

    /** Passes on {@link ResolutionQuery}. */
    interface ToResolutionQuery extends ResolutionQuery, Delegating {
        @Override default List<IndexRow> byActiveLeader(String leader, String after, int limit) {
            return delegate().byActiveLeader(leader, after, limit);
        }
        @Override default List<IndexRow> byLeadUnit(String unit, String after, int limit) { return delegate().byLeadUnit(unit, after, limit); }
        @Override default List<IndexRow> byBatch(String batch, String after, int limit) { return delegate().byBatch(batch, after, limit); }
        @Override default LeaderWorkload workload(String leader, Instant asOf) { return delegate().workload(leader, asOf); }
        @Override default List<IndexRow> byActiveLeader(String leader, String after, int limit, AccessScope access) {
            return delegate().byActiveLeader(leader, after, limit, access);
        }
        @Override default List<IndexRow> byLeadUnit(String unit, String after, int limit, AccessScope access) {
            return delegate().byLeadUnit(unit, after, limit, access);
        }
        @Override default List<IndexRow> byBatch(String batch, String after, int limit, AccessScope access) {
            return delegate().byBatch(batch, after, limit, access);
        }
        @Override default LeaderWorkload workload(String leader, Instant asOf, AccessScope access) {
            return delegate().workload(leader, asOf, access);
        }
    }

    /** Passes on {@link OverdueQuery}. */
    interface ToOverdueQuery extends OverdueQuery, Delegating {
        @Override default List<IndexRow> overdue(OverdueScope scope, Instant asOf, String after, int limit) {
            return delegate().overdue(scope, asOf, after, limit);
        }
        @Override default long countOverdue(OverdueScope scope, Instant asOf) { return delegate().countOverdue(scope, asOf); }
        @Override default List<IndexRow> overdue(OverdueScope scope, Instant asOf, String after, int limit, AccessScope access) {
            return delegate().overdue(scope, asOf, after, limit, access);
        }
        @Override default long countOverdue(OverdueScope scope, Instant asOf, AccessScope access) {
            return delegate().countOverdue(scope, asOf, access);
        }
    }

    /** Passes on {@link ReportQuery}. */
    interface ToReportQuery extends ReportQuery, Delegating {
        @Override default List<StoredCase> touching(String regionPrefix, Instant since, String after, int limit) {
            return delegate().touching(regionPrefix, since, after, limit);
        }
        @Override default List<StoredCase> touching(String regionPrefix, Instant since, String after, int limit, AccessScope access) {
            return delegate().touching(regionPrefix, since, after, limit, access);
        }
    }

    /** Passes on {@link io.github.xinfang.persistence.ClusterQuery}. */
    interface ToClusterQuery extends io.github.xinfang.persistence.ClusterQuery, Delegating {
        @Override default List<io.github.xinfang.persistence.IndexRow> taggedSince(String regionPrefix, java.time.LocalDate since,
                                                                                  String after, int limit) {
            return delegate().taggedSince(regionPrefix, since, after, limit);
        }
        @Override default List<IndexRow> taggedSince(String regionPrefix, java.time.LocalDate since, String after, int limit,
                                                     AccessScope access) {
            return delegate().taggedSince(regionPrefix, since, after, limit, access);
        }
    }

    /** Passes on {@link io.github.xinfang.persistence.ClusterWarnings}. */
    interface ToClusterWarnings extends io.github.xinfang.persistence.ClusterWarnings, Delegating {
        @Override default boolean raise(io.github.xinfang.persistence.StoredWarning warning) {
            return delegate().raise(warning);
        }

        @Override default List<io.github.xinfang.persistence.StoredWarning> warnings(String regionPrefix, String afterId, int limit) {
            return delegate().warnings(regionPrefix, afterId, limit);
        }

        @Override default int highestLevel(String cluster) {
            return delegate().highestLevel(cluster);
        }
    }
}
