package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.testsupport.AdapterFlaws;
import io.github.xinfang.testsupport.ForwardingStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deliberately broken stores, each breaking one rule of {@link CaseStore} the way real adapters do, built
 * around a correct in-memory store. {@link BrokenCaseStoreTests} checks the contract catches every one.
 */
final class BrokenCaseStores {

    private BrokenCaseStores() {}

    /** Passes everything to a correct store; the flaws override one method each. */
    private abstract static class Forwarding extends ForwardingStore<CaseStore> {
        Forwarding() {
            super(InMemoryCaseStore.create());
        }
    }

    /** Breaks S1: a three-byte UTF-8 column (MySQL's utf8mb3) that turns emoji and rare CJK into U+FFFD. */
    static CaseStore dropsSupplementaryCharacters() {
        return new Forwarding() {
            @Override
            public Optional<StoredCase> load(String caseId) {
                return delegate.load(caseId).map(c -> new StoredCase(c.caseId(), c.version(),
                        new StoredSnapshot(c.snapshot().caseId(), c.snapshot().version(),
                                c.snapshot().schemaVersion(), AdapterFlaws.throughUtf8mb3(c.snapshot().payload())),
                        c.events().stream().map(AdapterFlaws::throughUtf8mb3).collect(Collectors.toList())));
            }
        };
    }

    /** Breaks S2: writes the index row in its own step, before the version check, and never rolls it back. */
    static CaseStore writesIndexRowOutsideTheCommit() {
        return new Forwarding() {
            private final Map<String, IndexRow> rows = new HashMap<>();

            @Override
            public void commit(CaseCommit commit) {
                rows.put(commit.caseId(), commit.indexRow());
                delegate.commit(commit);
            }

            @Override
            public Optional<IndexRow> indexRow(String caseId) {
                return Optional.ofNullable(rows.get(caseId));
            }
        };
    }

    /** Breaks S3: an upsert without a version check; the last writer wins. */
    static CaseStore lastWriterWins() {
        return new Forwarding() {
            @Override
            public void commit(CaseCommit commit) {
                try {
                    delegate.commit(commit);
                } catch (VersionConflictException e) {
                    long stored = e.actualVersion();
                    long next = delegate.load(commit.caseId()).map(c -> c.events().size()).orElse(0) + 1L;
                    List<StoredEvent> events = new ArrayList<>();
                    for (StoredEvent ev : commit.events()) {
                        events.add(new StoredEvent(ev.caseId(), next++, ev.type(), ev.schemaVersion(), ev.payload(),
                                ev.recordedAt()));
                    }
                    StoredSnapshot s = commit.snapshot();
                    delegate.commit(new CaseCommit(commit.caseId(), stored, events,
                            new StoredSnapshot(s.caseId(), stored + 1, s.schemaVersion(), s.payload()),
                            commit.indexRow().toBuilder().version(stored + 1).build(), commit.idempotencyKey(),
                            commit.commandDigest()));
                }
            }
        };
    }

    /** Breaks S4: numbers the events itself, so a commit that does not continue the history is accepted. */
    static CaseStore renumbersEvents() {
        return new Forwarding() {
            @Override
            public void commit(CaseCommit commit) {
                long next = delegate.load(commit.caseId()).map(c -> c.events().size()).orElse(0) + 1L;
                List<StoredEvent> events = new ArrayList<>();
                for (StoredEvent ev : commit.events()) {
                    events.add(new StoredEvent(ev.caseId(), next++, ev.type(), ev.schemaVersion(), ev.payload(),
                            ev.recordedAt()));
                }
                delegate.commit(new CaseCommit(commit.caseId(), commit.expectedVersion(), events, commit.snapshot(),
                        commit.indexRow(), commit.idempotencyKey(), commit.commandDigest()));
            }
        };
    }

    /** Breaks S5: a unique index on the key alone instead of (case, key). */
    static CaseStore keysUniqueAcrossCases() {
        return new Forwarding() {
            private final AdapterFlaws.KeyIndexAcrossCases keys = new AdapterFlaws.KeyIndexAcrossCases();

            @Override
            public void commit(CaseCommit commit) {
                keys.commit(commit, delegate);
            }
        };
    }

    /** Breaks S6: orders the history by recorded instant instead of sequence. */
    static CaseStore ordersHistoryByTime() {
        return new Forwarding() {
            @Override
            public Optional<StoredCase> load(String caseId) {
                return delegate.load(caseId).map(c -> new StoredCase(c.caseId(), c.version(), c.snapshot(),
                        c.events().stream().sorted(Comparator.comparing(StoredEvent::recordedAt))
                                .collect(Collectors.toList())));
            }
        };
    }

    /** Breaks S7: an insert-if-absent index table that keeps the first row of each case. */
    static CaseStore keepsFirstIndexRow() {
        return new Forwarding() {
            private final Map<String, IndexRow> rows = new HashMap<>();

            @Override
            public void commit(CaseCommit commit) {
                delegate.commit(commit);
                rows.putIfAbsent(commit.caseId(), commit.indexRow());
            }

            @Override
            public Optional<IndexRow> indexRow(String caseId) {
                return Optional.ofNullable(rows.get(caseId));
            }
        };
    }
}
