package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.VersionConflictException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CaseStore} held in memory: the embedded default and the reference implementation of the SPI
 * contract. Thread-safe: commits on one case are serialised by the case's entry, commits on different
 * cases run in parallel; readers see whole commits only (each case's state is swapped as one immutable value).
 *
 * <p>Nothing is durable: the store lives as long as the object.
 *
 * @since 0.1
 */
public final class InMemoryCaseStore implements CaseStore {

    /** One case's committed state; replaced as a whole on every commit. */
    private record Entry(StoredCase stored, IndexRow indexRow, Map<String, AppliedCommand> applied) {}

    private final ConcurrentHashMap<String, Entry> cases = new ConcurrentHashMap<>();

    private InMemoryCaseStore() {}

    /** @return a new, empty store */
    public static InMemoryCaseStore create() {
        return new InMemoryCaseStore();
    }

    @Override
    public void commit(CaseCommit commit) {
        Objects.requireNonNull(commit, "commit");
        cases.compute(commit.caseId(), (id, current) -> apply(current, commit));
    }

    private static Entry apply(Entry current, CaseCommit commit) {
        long stored = current == null ? 0 : current.stored().version();
        if (stored != commit.expectedVersion()) {
            throw new VersionConflictException(commit.caseId(), commit.expectedVersion(), stored);
        }
        if (current != null && current.applied().containsKey(commit.idempotencyKey())) {
            throw new DuplicateCommandException(commit.caseId(), commit.idempotencyKey());
        }
        List<StoredEvent> history = current == null ? List.of() : current.stored().events();
        long nextSequence = history.size() + 1L;
        if (commit.events().get(0).sequence() != nextSequence) {
            throw new IllegalArgumentException("events must continue the stored sequence of case " + commit.caseId()
                    + " at " + nextSequence + ", got " + commit.events().get(0).sequence());
        }
        List<StoredEvent> events = new ArrayList<>(history.size() + commit.events().size());
        events.addAll(history);
        events.addAll(commit.events());
        Map<String, AppliedCommand> applied = new HashMap<>(current == null ? Map.of() : current.applied());
        applied.put(commit.idempotencyKey(), new AppliedCommand(commit.caseId(), commit.idempotencyKey(),
                commit.commandDigest(), commit.expectedVersion(), commit.newVersion(), commit.events()));
        StoredCase next = new StoredCase(commit.caseId(), commit.newVersion(), commit.snapshot(),
                Collections.unmodifiableList(events));
        return new Entry(next, commit.indexRow(), Collections.unmodifiableMap(applied));
    }

    @Override
    public Optional<StoredCase> load(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        Entry e = cases.get(caseId);
        return e == null ? Optional.empty() : Optional.of(e.stored());
    }

    @Override
    public Optional<AppliedCommand> findApplied(String caseId, String idempotencyKey) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Entry e = cases.get(caseId);
        return e == null ? Optional.empty() : Optional.ofNullable(e.applied().get(idempotencyKey));
    }

    @Override
    public Optional<IndexRow> indexRow(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        Entry e = cases.get(caseId);
        return e == null ? Optional.empty() : Optional.of(e.indexRow());
    }
}
