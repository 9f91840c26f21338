package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToCaseQuery;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToClusterQuery;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToClusterWarnings;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToCaseStore;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToChangeFeed;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToIndexMaintenance;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToOverdueQuery;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToReportQuery;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToResolutionQuery;
import io.github.xinfang.persistence.tck.ForwardingPorts.ToWorkClaims;
import io.github.xinfang.testsupport.AdapterFlaws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.BinaryOperator;

/**
 * Deliberately broken stores, each wrapping a correct in-memory store and breaking one rule the way real
 * adapters do. {@link BrokenStoreTests} checks that the kit catches every one, with a message naming the rule.
 */
final class BrokenStores {

    private BrokenStores() {}

    /** Passes everything to a correct store; each flaw overrides what it breaks. */
    static class Forwarding implements ToCaseStore, ToChangeFeed, ToCaseQuery, ToWorkClaims, ToIndexMaintenance,
            ToResolutionQuery, ToOverdueQuery, ToReportQuery, ToClusterQuery, ToClusterWarnings {
        final InMemoryCaseStore delegate;

        Forwarding() {
            this(InMemoryCaseStore.create());
        }

        /** A store over the data of another (for a view of it failing as a dropped connection does). */
        Forwarding(InMemoryCaseStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public InMemoryCaseStore delegate() {
            return delegate;
        }
    }

    /**
     * An honest store with the five ports before {@link ResolutionQuery}: a test class implements the
     * five interfaces of its ports, without {@link ResolutionQueryTck}.
     */
    static final class FivePorts implements ToCaseStore, ToChangeFeed, ToCaseQuery, ToWorkClaims, ToIndexMaintenance {
        private final InMemoryCaseStore delegate = InMemoryCaseStore.create();

        @Override
        public InMemoryCaseStore delegate() {
            return delegate;
        }
    }

    /** An honest store with the four original ports and without {@link IndexMaintenance}: a test class
     * implements the four interfaces of its ports. */
    static final class FourPorts implements ToCaseStore, ToChangeFeed, ToCaseQuery, ToWorkClaims {
        private final InMemoryCaseStore delegate = InMemoryCaseStore.create();

        @Override
        public InMemoryCaseStore delegate() {
            return delegate;
        }
    }

    /** Lets other threads in between a read and the write that depends on it, as a slow network does. */
    static void raceWindow() {
        for (int i = 0; i < 20_000; i++) Thread.onSpinWait();
        Thread.yield();
    }

    /**
     * Breaks S3: reads the version, then writes with {@code UPDATE ... WHERE case_id = ?} (no version in the
     * condition), so two writers at the same expected version both succeed and one's decision is lost.
     */
    static Forwarding losesConcurrentUpdates() {
        return new Forwarding() {
            @Override
            public void commit(CaseCommit c) {
                long stored = StoreSuite.version(delegate, c.caseId());
                if (stored != c.expectedVersion()) throw new VersionConflictException(c.caseId(), c.expectedVersion(), stored);
                raceWindow();
                for (int attempt = 0; ; attempt++) {
                    long now = StoreSuite.version(delegate, c.caseId());
                    try {
                        delegate.commit(StoreSuite.rebase(c, c.caseId(), now, StoreSuite.nextSequence(delegate, c.caseId()),
                                c.idempotencyKey()));
                        return;
                    } catch (VersionConflictException e) {
                        if (attempt > 1_000) throw e;
                    }
                }
            }
        };
    }

    /** Breaks S2: commits the events, then writes the index row in a second step (a second transaction). */
    static Forwarding writesIndexRowInASecondStep() {
        return new Forwarding() {
            private final Map<String, IndexRow> rows = new ConcurrentHashMap<>();

            @Override
            public void commit(CaseCommit c) {
                delegate.commit(c);
                raceWindow();
                rows.put(c.caseId(), c.indexRow());
            }

            @Override
            public Optional<IndexRow> indexRow(String caseId) {
                return Optional.ofNullable(rows.get(caseId));
            }
        };
    }

    /**
     * Breaks Q2: remembers a page's end as a row count and serves the next page with {@code OFFSET}, so rows
     * written before the cursor shift the pages.
     */
    static Forwarding pagesWithOffsets() {
        return new Forwarding() {
            private final Map<String, Integer> offsets = new ConcurrentHashMap<>();

            @Override
            public List<IndexRow> needingAttention(AttentionQuery q) {
                Integer offset = q.afterAt() == null ? Integer.valueOf(0) : offsets.get(cursor(q, q.afterAt(), q.afterCaseId()));
                if (offset == null) return delegate.needingAttention(q);   // a keyset it never handed out
                List<IndexRow> all = delegate.needingAttention(new AttentionQuery(q.before(), null, null,
                        q.regionPrefix(), q.unitInvolved(), AttentionQuery.MAX_LIMIT));
                List<IndexRow> page = all.subList(Math.min(offset, all.size()), Math.min(offset + q.limit(), all.size()));
                if (!page.isEmpty()) {
                    IndexRow last = page.get(page.size() - 1);
                    offsets.put(cursor(q, last.nextAttentionAt().orElseThrow(), last.caseId()), offset + page.size());
                }
                return List.copyOf(page);
            }

            private String cursor(AttentionQuery q, Instant at, String caseId) {
                return q.before() + "|" + q.regionPrefix() + "|" + q.unitInvolved() + "|" + at + "|" + caseId;
            }
        };
    }

    /** Breaks F2/F3: returns a page of the feed ordered by case id (an ORDER BY on the wrong column). */
    static Forwarding reordersTheFeed() {
        return new Forwarding() {
            @Override
            public List<Change> changesAfter(long position, int limit) {
                List<Change> page = new ArrayList<>(delegate.changesAfter(position, limit));
                page.sort(Comparator.comparing(Change::caseId).thenComparing(Change::version));
                return page;
            }
        };
    }

    /** Breaks S1: keeps payloads in a {@code jsonb}-like column that drops insignificant whitespace. */
    static Forwarding normalisesJson() {
        return new Forwarding() {
            @Override
            public void commit(CaseCommit c) {
                List<StoredEvent> events = new ArrayList<>();
                for (StoredEvent e : c.events()) {
                    events.add(new StoredEvent(e.caseId(), e.sequence(), e.type(), e.schemaVersion(), minify(e.payload()),
                            e.recordedAt()));
                }
                StoredSnapshot s = c.snapshot();
                delegate.commit(new CaseCommit(c.caseId(), c.expectedVersion(), events,
                        new StoredSnapshot(s.caseId(), s.version(), s.schemaVersion(), minify(s.payload())), c.indexRow(),
                        c.idempotencyKey(), c.commandDigest()));
            }
        };
    }

    /** A store with an access audit trail, whose calls a broken store overrides. */
    static class AuditForwarding implements ToCaseStore, ForwardingPorts.ToAccessAudit {
        final InMemoryCaseStore delegate = InMemoryCaseStore.create();

        @Override
        public InMemoryCaseStore delegate() {
            return delegate;
        }
    }

    /** A3 broken: an actor's records found by prefix (a {@code LIKE} without escaping the end). */
    static AuditForwarding listsActorsByPrefix() {
        return new AuditForwarding() {
            @Override
            public List<io.github.xinfang.persistence.chain.AuditRecord> byActor(String actor, String caseId, long sequence, int limit) {
                List<io.github.xinfang.persistence.chain.AuditRecord> page = new ArrayList<>();
                String c = caseId;
                long q = sequence;
                while (page.size() < limit) {
                    List<io.github.xinfang.persistence.chain.AuditRecord> all = delegate.recordsAfter(c, q, 1);
                    if (all.isEmpty()) break;
                    var r = all.get(0);
                    if (r.entry().actor().startsWith(actor)) page.add(r);
                    c = r.entry().caseId();
                    q = r.sequence();
                }
                return page;
            }
        };
    }

    /** A4 broken: a purge that also deletes the records taken at the cutoff itself. */
    static AuditForwarding purgesTheCutoffToo() {
        return new AuditForwarding() {
            @Override
            public long purgeBefore(Instant cutoff) {
                return delegate.purgeBefore(cutoff.plusNanos(1));
            }
        };
    }

    /** S9 broken: a store that says it keeps the chain but stores its events without their links. */
    static Forwarding dropsLinks() {
        return new Forwarding() {
            @Override
            public void commit(CaseCommit c) {
                delegate.commit(new CaseCommit(c.caseId(), c.expectedVersion(), c.events(), c.snapshot(), c.indexRow(),
                        c.idempotencyKey(), c.commandDigest()));
            }
        };
    }

    /** S9 broken: a walk that restarts every case from its first event (the sequence of the position ignored). */
    static Forwarding walksFromEachCasesStart() {
        return new Forwarding() {
            @Override
            public List<io.github.xinfang.persistence.ChainedEvent> chainedEventsAfter(String caseId, long sequence, int limit) {
                return delegate.chainedEventsAfter(caseId, 0, limit);
            }
        };
    }

    /** Drops JSON whitespace outside strings. */
    static String minify(String json) {
        StringBuilder b = new StringBuilder(json.length());
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                b.append(ch);
                if (escaped) escaped = false;
                else if (ch == '\\') escaped = true;
                else if (ch == '"') inString = false;
            } else if (ch == '"') {
                inString = true;
                b.append(ch);
            } else if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** Breaks S1: a three-byte UTF-8 column (MySQL's utf8mb3) turns emoji and rare CJK into U+FFFD. */
    static Forwarding dropsSupplementaryCharacters() {
        return new Forwarding() {
            @Override
            public Optional<StoredCase> load(String caseId) {
                return delegate.load(caseId).map(c -> new StoredCase(c.caseId(), c.version(), c.snapshot(),
                        c.events().stream().map(AdapterFlaws::throughUtf8mb3).toList()));
            }
        };
    }

    /** Breaks S5: a unique index on the idempotency key alone instead of (case id, key). */
    static Forwarding keysUniqueAcrossCases() {
        return new Forwarding() {
            private final AdapterFlaws.KeyIndexAcrossCases keys = new AdapterFlaws.KeyIndexAcrossCases();

            @Override
            public void commit(CaseCommit c) {
                keys.commit(c, delegate);
            }
        };
    }

    /** Breaks W2: reads which cases are free, then writes the leases without a condition. */
    static Forwarding claimsWithoutALock() {
        return new Forwarding() {
            private final Map<String, Claim> leases = new ConcurrentHashMap<>();

            @Override
            public List<Claim> claimDue(Instant dueBefore, Instant now, Duration lease, String owner, int limit) {
                List<Claim> free = new ArrayList<>();
                for (IndexRow row : delegate.needingAttention(AttentionQuery.firstPage(dueBefore, AttentionQuery.MAX_LIMIT))) {
                    Claim held = leases.get(row.caseId());
                    if (held == null || !held.leasedUntil().isAfter(now)) free.add(new Claim(row.caseId(), owner, now.plus(lease)));
                    if (free.size() == limit) break;
                }
                raceWindow();
                for (Claim c : free) leases.put(c.caseId(), c);
                return free;
            }

            @Override
            public boolean release(String caseId, String owner) {
                Claim held = leases.get(caseId);
                return held != null && held.owner().equals(owner) && leases.remove(caseId, held);
            }
        };
    }

    /** Breaks W4: treats a lease as still held at the instant it ends ({@code leased_until >= now}). */
    static Forwarding leaseHeldAtItsEnd() {
        return new Forwarding() {
            @Override
            public List<Claim> claimDue(Instant dueBefore, Instant now, Duration lease, String owner, int limit) {
                Objects.requireNonNull(now, "now");
                return delegate.claimDue(dueBefore, now.minusNanos(1), lease.plusNanos(1), owner, limit);
            }
        };
    }

    /** Narrow but honest: refuses region-prefix filters with UnsupportedOperationException. */
    static Forwarding refusesRegionFilter() {
        return new Forwarding() {
            @Override
            public List<IndexRow> needingAttention(AttentionQuery q) {
                if (q.regionPrefix() != null) throw new UnsupportedOperationException("region filters are not supported");
                return delegate.needingAttention(q);
            }
        };
    }

    /** Narrow and dishonest: ignores region-prefix filters, answering as if none were given. */
    static Forwarding ignoresRegionFilter() {
        return new Forwarding() {
            @Override
            public List<IndexRow> needingAttention(AttentionQuery q) {
                return delegate.needingAttention(new AttentionQuery(q.before(), q.afterAt(), q.afterCaseId(), null,
                        q.unitInvolved(), q.limit()));
            }
        };
    }

    /**
     * Breaks M1: remembers where a page ended as a row count and serves the next page with {@code OFFSET}, so a
     * case created before the cursor shifts the rest and a case is listed twice.
     */
    static Forwarding listsWithOffsets() {
        return new Forwarding() {
            private final Map<String, Integer> offsets = new ConcurrentHashMap<>();

            @Override
            public List<String> caseIdsAfter(String after, int limit) {
                Integer offset = after == null ? Integer.valueOf(0) : offsets.get(after);
                if (offset == null) return delegate.caseIdsAfter(after, limit);   // a position it never handed out
                List<String> all = delegate.caseIdsAfter(null, Integer.MAX_VALUE);
                List<String> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
                if (!page.isEmpty()) offsets.put(page.get(page.size() - 1), offset + page.size());
                return List.copyOf(page);
            }
        };
    }

    /** Breaks M2: {@code UPDATE xf_case SET ... WHERE case_id = ?} without the version, so a stale row overwrites a fresh one. */
    static Forwarding replacesAtAnyVersion() {
        return replacingWith((row, stored) -> StoreSuite.copyRow(row, row.caseId(), stored.version()));
    }

    /** Breaks M2: updates the case row's columns but keeps the old units and batches child rows. */
    static Forwarding keepsOldChildRows() {
        return replacingWith((row, stored) -> row.toBuilder().unitsInvolved(stored.unitsInvolved()).batches(stored.batches()).build());
    }

    /** A store that replaces a case's index row by {@code rewrite(row, the stored row)}, and refuses a case it has no row of. */
    private static Forwarding replacingWith(BinaryOperator<IndexRow> rewrite) {
        return new Forwarding() {
            @Override
            public boolean replaceIndexRow(IndexRow row) {
                Optional<IndexRow> stored = delegate.indexRow(row.caseId());
                return stored.isPresent() && delegate.replaceIndexRow(rewrite.apply(row, stored.get()));
            }
        };
    }

    /** Breaks M2: writes a change-feed entry for every replacement, as if it were a commit. */
    static Forwarding feedsReplacements() {
        return new Forwarding() {
            private final List<Change> extra = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public boolean replaceIndexRow(IndexRow row) {
                boolean replaced = delegate.replaceIndexRow(row);
                if (replaced) {
                    StoredCase stored = delegate.load(row.caseId()).orElseThrow();
                    long last = StoreSuite.version(delegate, row.caseId());
                    long position = delegate.changesAfter(0, Integer.MAX_VALUE).size() + extra.size() + 1L;
                    extra.add(new Change(position, row.caseId(), last, List.of(stored.events().get(stored.events().size() - 1))));
                }
                return replaced;
            }

            @Override
            public List<Change> changesAfter(long position, int limit) {
                List<Change> all = new ArrayList<>(delegate.changesAfter(0, Integer.MAX_VALUE));
                all.addAll(extra);
                return List.copyOf(all.subList((int) Math.min(position, all.size()),
                        (int) Math.min(position + limit, all.size())));
            }
        };
    }

    /**
     * Breaks R5: remembers where a page of a listing ended as a row count and serves the next page with
     * {@code OFFSET}, so a case joining the listing before the cursor shifts the rest and a row is listed twice.
     */
    static Forwarding pagesListingsWithOffsets() {
        return new Forwarding() {
            private final Map<String, Integer> offsets = new ConcurrentHashMap<>();

            @Override
            public List<IndexRow> byActiveLeader(String leader, String after, int limit) {
                return offsetPage("leader", leader, after, limit, delegate.byActiveLeader(leader, null, Integer.MAX_VALUE));
            }

            @Override
            public List<IndexRow> byLeadUnit(String unit, String after, int limit) {
                return offsetPage("unit", unit, after, limit, delegate.byLeadUnit(unit, null, Integer.MAX_VALUE));
            }

            @Override
            public List<IndexRow> byBatch(String batch, String after, int limit) {
                return offsetPage("batch", batch, after, limit, delegate.byBatch(batch, null, Integer.MAX_VALUE));
            }

            private List<IndexRow> offsetPage(String listing, String key, String after, int limit, List<IndexRow> all) {
                Integer offset = after == null ? Integer.valueOf(0) : offsets.get(listing + "|" + key + "|" + after);
                if (offset == null) {   // a position it never handed out
                    List<IndexRow> page = new ArrayList<>();
                    for (IndexRow row : all) if (row.caseId().compareTo(after) > 0 && page.size() < limit) page.add(row);
                    return page;
                }
                List<IndexRow> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
                if (!page.isEmpty()) offsets.put(listing + "|" + key + "|" + page.get(page.size() - 1).caseId(), offset + page.size());
                return List.copyOf(page);
            }
        };
    }

    /**
     * Breaks R1 and R4: adds a case to its new leader's index on every commit but never removes it from the old
     * leader's, so a leader keeps the cases handed over to a successor (新官理旧账).
     */
    static Forwarding keepsCasesInTheirOldLeadersIndex() {
        return new Forwarding() {
            private final Map<String, ConcurrentSkipListSet<String>> byLeader = new ConcurrentHashMap<>();

            @Override
            public void commit(CaseCommit c) {
                delegate.commit(c);
                c.indexRow().activeLeader().ifPresent(l -> byLeader.computeIfAbsent(l, k -> new ConcurrentSkipListSet<>()).add(c.caseId()));
            }

            @Override
            public List<IndexRow> byActiveLeader(String leader, String after, int limit) {
                Objects.requireNonNull(leader, "leader");
                if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
                List<IndexRow> page = new ArrayList<>();
                ConcurrentSkipListSet<String> ids = byLeader.getOrDefault(leader, new ConcurrentSkipListSet<>());
                for (String id : after == null ? ids : ids.tailSet(after, false)) {
                    if (page.size() >= limit) break;
                    page.add(delegate.indexRow(id).orElseThrow());
                }
                return page;
            }

            @Override
            public LeaderWorkload workload(String leader, Instant asOf) {
                Objects.requireNonNull(leader, "leader");
                Objects.requireNonNull(asOf, "asOf");
                List<IndexRow> rows = byActiveLeader(leader, null, Integer.MAX_VALUE);
                long overdue = rows.stream().filter(r -> r.earliestDueAt().map(at -> !at.isAfter(asOf)).orElse(false)).count();
                return new LeaderWorkload(leader, asOf, rows.size(), overdue);
            }
        };
    }

    /** Breaks R4: counts a case as overdue only when its earliest due instant is strictly before {@code asOf} ({@code <}). */
    static Forwarding countsOverdueWithLessThan() {
        return new Forwarding() {
            @Override
            public LeaderWorkload workload(String leader, Instant asOf) {
                Objects.requireNonNull(asOf, "asOf");
                LeaderWorkload strict = delegate.workload(leader, asOf.minusNanos(1));
                return new LeaderWorkload(leader, asOf, strict.activeCases(), strict.overdueCases());
            }
        };
    }

    /** Breaks O1: a clock due exactly at {@code asOf} is not listed as late ({@code due_at < ?}). */
    /**
     * Filters the scope after the query: the page of the unscoped query, then the rows in scope (pages come short, and a
     * client stops paging too early). Breaks rules Q4 and O7.
     */
    static Forwarding postFiltersTheScope() {
        return new Forwarding() {
            @Override
            public List<IndexRow> needingAttention(AttentionQuery query, AccessScope access) {
                return delegate.needingAttention(query).stream().filter(access::contains).toList();
            }

            @Override
            public List<IndexRow> overdue(OverdueScope scope, Instant asOf, String after, int limit, AccessScope access) {
                return delegate.overdue(scope, asOf, after, limit).stream().filter(access::contains).toList();
            }
        };
    }

    /** Evaluates a scope without its exclusions: an accused party sees the accusation. Breaks rules Q4 and O7. */
    static Forwarding ignoresTheAccused() {
        return new Forwarding() {
            @Override
            public List<IndexRow> needingAttention(AttentionQuery query, AccessScope access) {
                return delegate.needingAttention(query, withoutExclusions(access));
            }

            @Override
            public List<IndexRow> overdue(OverdueScope scope, Instant asOf, String after, int limit, AccessScope access) {
                return delegate.overdue(scope, asOf, after, limit, withoutExclusions(access));
            }

            @Override
            public long countOverdue(OverdueScope scope, Instant asOf, AccessScope access) {
                return delegate.countOverdue(scope, asOf, withoutExclusions(access));
            }

            private AccessScope withoutExclusions(AccessScope a) {
                return new AccessScope(a.regionPrefixes(), a.units(), a.officials(), java.util.Set.of(), java.util.Set.of());
            }
        };
    }

    static Forwarding listsOverdueWithLessThan() {
        return new Forwarding() {
            @Override
            public List<IndexRow> overdue(OverdueScope scope, Instant asOf, String after, int limit) {
                Objects.requireNonNull(asOf, "asOf");
                return delegate.overdue(scope, asOf.minusNanos(1), after, limit);
            }
        };
    }

    /**
     * Breaks O3: counts from the earliest due instant column instead of the clock dues, as an adapter reusing the
     * workload's SQL would.
     */
    static Forwarding countsOverdueFromTheEarliestDueColumn() {
        return new Forwarding() {
            @Override
            public long countOverdue(OverdueScope scope, Instant asOf) {
                Objects.requireNonNull(scope, "scope");
                Objects.requireNonNull(asOf, "asOf");
                long n = 0;
                for (String id : delegate.caseIdsAfter(null, Integer.MAX_VALUE)) {
                    IndexRow row = delegate.indexRow(id).orElseThrow();
                    if (scope.contains(row) && row.earliestDueAt().map(d -> !d.isAfter(asOf)).orElse(false)) n++;
                }
                return n;
            }
        };
    }

    /** Breaks R2: orders lead units' cases ignoring case, as a locale collation does (no {@code COLLATE "C"}). */
    static Forwarding ordersCaseIdsIgnoringCase() {
        return new Forwarding() {
            @Override
            public List<IndexRow> byLeadUnit(String unit, String after, int limit) {
                Objects.requireNonNull(unit, "unit");
                if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
                TreeMap<String, IndexRow> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
                for (IndexRow row : delegate.byLeadUnit(unit, null, Integer.MAX_VALUE)) sorted.put(row.caseId(), row);
                List<IndexRow> page = new ArrayList<>();
                for (IndexRow row : (after == null ? sorted : sorted.tailMap(after, false)).values()) {
                    if (page.size() >= limit) break;
                    page.add(row);
                }
                return page;
            }
        };
    }

    /**
     * Breaks M2 for the resolution queries: answers them from the rows as committed, so an index row replaced
     * without a commit (after a holiday notice moved due dates) is not seen.
     */
    static Forwarding resolutionQueriesIgnoreReplacedRows() {
        return new Forwarding() {
            private final InMemoryCaseStore committed = InMemoryCaseStore.create();

            @Override
            public void commit(CaseCommit c) {
                delegate.commit(c);
                committed.commit(c);
            }

            @Override public List<IndexRow> byActiveLeader(String leader, String after, int limit) {
                return committed.byActiveLeader(leader, after, limit);
            }
            @Override public List<IndexRow> byLeadUnit(String unit, String after, int limit) { return committed.byLeadUnit(unit, after, limit); }
            @Override public List<IndexRow> byBatch(String batch, String after, int limit) { return committed.byBatch(batch, after, limit); }
            @Override public LeaderWorkload workload(String leader, Instant asOf) { return committed.workload(leader, asOf); }
        };
    }

    /** Breaks R7: answers a batch listing with a limit below 1 with an empty page instead of refusing it. */
    static Forwarding acceptsLimitsBelowOne() {
        return new Forwarding() {
            @Override
            public List<IndexRow> byBatch(String batch, String after, int limit) {
                return limit < 1 ? List.of() : delegate.byBatch(batch, after, limit);
            }
        };
    }

    /** Breaks P1: compares the recorded instant with {@code >} (an event recorded exactly at 'since' is missed). */
    static Forwarding reportsEventsAfterSinceOnly() {
        return new Forwarding() {
            @Override
            public List<StoredCase> touching(String regionPrefix, Instant since, String after, int limit) {
                return super.touching(regionPrefix, since.plusNanos(1), after, limit);
            }
        };
    }

    /** Breaks P1: lists only the cases with an event since the instant, forgetting the open ones with nothing recorded. */
    static Forwarding reportsWithoutOpenDuties() {
        return new Forwarding() {
            @Override
            public List<StoredCase> touching(String regionPrefix, Instant since, String after, int limit) {
                List<StoredCase> page = new ArrayList<>();
                String from = after;
                while (page.size() < limit) {
                    List<StoredCase> next = super.touching(regionPrefix, since, from, limit);
                    for (StoredCase c : next) {
                        if (page.size() < limit && c.events().stream().anyMatch(e -> !e.recordedAt().isBefore(since))) page.add(c);
                    }
                    if (next.size() < limit) break;
                    from = next.get(next.size() - 1).caseId();
                }
                return page;
            }
        };
    }

    /** Breaks C1: lists the tagged cases petitioned after the day, missing those petitioned on it. */
    static Forwarding listsTaggedCasesAfterTheDayOnly() {
        return new Forwarding() {
            @Override
            public List<io.github.xinfang.persistence.IndexRow> taggedSince(String regionPrefix, java.time.LocalDate since,
                                                                           String after, int limit) {
                return super.taggedSince(regionPrefix, since.plusDays(1), after, limit);
            }
        };
    }

    /** Breaks K1: records every warning raised, the same level again and lower levels after higher ones included. */
    static Forwarding raisesEveryWarning() {
        return new Forwarding() {
            private final java.util.Map<String, io.github.xinfang.persistence.StoredWarning> all =
                    new java.util.concurrent.ConcurrentSkipListMap<>();

            @Override
            public boolean raise(io.github.xinfang.persistence.StoredWarning warning) {
                all.put(warning.id(), warning);
                return true;
            }

            @Override
            public List<io.github.xinfang.persistence.StoredWarning> warnings(String regionPrefix, String afterId, int limit) {
                io.github.xinfang.persistence.ClusterWarnings.checkArguments(regionPrefix, limit);
                List<io.github.xinfang.persistence.StoredWarning> page = new ArrayList<>();
                for (io.github.xinfang.persistence.StoredWarning w : all.values()) {
                    if ((afterId == null || w.id().compareTo(afterId) > 0) && w.regionPrefix().startsWith(regionPrefix)
                            && page.size() < limit) {
                        page.add(w);
                    }
                }
                return page;
            }

            @Override
            public int highestLevel(String cluster) {
                return all.values().stream().filter(w -> w.cluster().equals(cluster))
                        .mapToInt(io.github.xinfang.persistence.StoredWarning::level).max().orElse(0);
            }
        };
    }

    /** Breaks K4: finds a cluster's levels by the prefix of their ids, so a cluster counts the levels of longer keys. */
    static Forwarding findsLevelsByIdPrefix() {
        return new Forwarding() {
            @Override
            public int highestLevel(String cluster) {
                int highest = 0;
                for (io.github.xinfang.persistence.StoredWarning w : super.warnings("", null, Integer.MAX_VALUE)) {
                    if (w.id().startsWith(cluster + "#")) highest = Math.max(highest, w.level());
                }
                return highest;
            }
        };
    }
}
