package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.memory.StoredRecordGenerators.EventSpec;
import io.github.xinfang.persistence.memory.StoredRecordGenerators.Step;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.github.xinfang.persistence.memory.StoredRecordGenerators.CASE_IDS;

/**
 * A tiny independent model of a case store, written from the rules of
 * {@link io.github.xinfang.persistence.CaseStore}: a map from case id to the list of its successful
 * commits. Everything else (version, history, snapshot, index row, idempotency records) is derived from
 * that list, so the model shares no code with the store under test. Not thread-safe.
 */
final class CaseStoreModel {

    /** What a store may do with one attempt. */
    enum Outcome { COMMITTED, CONFLICT, DUPLICATE, BAD_SEQUENCE }

    /**
     * A resolved attempt.
     *
     * @param commit the commit to send
     * @param versionBefore the model's version of the case before the attempt
     * @param allowed what the contract allows the store to do with it ({@code COMMITTED} alone, or the
     *     failures that apply)
     */
    record Attempt(CaseCommit commit, long versionBefore, Set<Outcome> allowed) {
        boolean mustCommit() {
            return allowed.equals(EnumSet.of(Outcome.COMMITTED));
        }
    }

    private final Map<String, List<CaseCommit>> commits = new HashMap<>();
    private final Set<String> triedKeys = new LinkedHashSet<>();
    private int keyCounter;

    /** @return the number of successful commits of a case */
    long version(String caseId) {
        return commits(caseId).size();
    }

    /** @return the successful commits of a case, oldest first */
    List<CaseCommit> commits(String caseId) {
        return commits.getOrDefault(caseId, List.of());
    }

    /** @return every event of a case, in commit order */
    List<StoredEvent> events(String caseId) {
        List<StoredEvent> all = new ArrayList<>();
        for (CaseCommit c : commits(caseId)) all.addAll(c.events());
        return all;
    }

    /** @return the latest snapshot of a case */
    Optional<StoredSnapshot> snapshot(String caseId) {
        return last(caseId).map(CaseCommit::snapshot);
    }

    /** @return the latest index row of a case */
    Optional<IndexRow> indexRow(String caseId) {
        return last(caseId).map(CaseCommit::indexRow);
    }

    private Optional<CaseCommit> last(String caseId) {
        List<CaseCommit> list = commits(caseId);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** @return what the store must answer to a lookup of (case, key) */
    Optional<AppliedCommand> applied(String caseId, String key) {
        return commits(caseId).stream().filter(c -> c.idempotencyKey().equals(key)).findFirst()
                .map(c -> new AppliedCommand(c.caseId(), c.idempotencyKey(), c.commandDigest(), c.expectedVersion(),
                        c.expectedVersion() + 1, c.events()));
    }

    /** @return every key any attempt used, on any case */
    Set<String> triedKeys() {
        return triedKeys;
    }

    /** Records a commit the store accepted (the caller has checked the model allowed it). */
    void record(CaseCommit commit) {
        commits.computeIfAbsent(commit.caseId(), id -> new ArrayList<>()).add(commit);
    }

    /** Resolves a generated step against the current state: which commit to send and what may happen. */
    Attempt plan(Step step) {
        String caseId = CASE_IDS.get(step.caseIndex());
        long version = version(caseId);
        long expected = shift(version, step.versionOffset(), 0);
        long next = events(caseId).size() + 1L;
        long first = shift(next, step.sequenceOffset(), 1);
        String key = key(caseId, step);
        triedKeys.add(key);

        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < step.events().size(); i++) {
            EventSpec e = step.events().get(i);
            events.add(new StoredEvent(caseId, first + i, e.type(), e.schemaVersion(), e.payload(), e.recordedAt()));
        }
        StoredSnapshot snapshot = new StoredSnapshot(caseId, expected + 1, 1, step.snapshotPayload());
        IndexRow row = IndexRow.builder(caseId).version(expected + 1).stage(step.row().stage())
                .regionCode(step.row().regionCode()).handlingUnit(step.row().handlingUnit()).build();
        CaseCommit commit = new CaseCommit(caseId, expected, events, snapshot, row, key, step.digest());

        Set<Outcome> allowed = EnumSet.noneOf(Outcome.class);
        if (expected != version) allowed.add(Outcome.CONFLICT);
        if (applied(caseId, key).isPresent()) allowed.add(Outcome.DUPLICATE);
        if (first != next) allowed.add(Outcome.BAD_SEQUENCE);
        if (allowed.isEmpty()) allowed.add(Outcome.COMMITTED);
        return new Attempt(commit, version, allowed);
    }

    private String key(String caseId, Step step) {
        List<String> candidates = new ArrayList<>();
        for (String id : CASE_IDS) {
            boolean same = id.equals(caseId);
            if (step.key() == StoredRecordGenerators.KeyChoice.SAME_CASE && same
                    || step.key() == StoredRecordGenerators.KeyChoice.OTHER_CASE && !same) {
                for (CaseCommit c : commits(id)) candidates.add(c.idempotencyKey());
            }
        }
        if (!candidates.isEmpty()) return candidates.get(step.keyPick() % candidates.size());
        keyCounter++;
        return keyCounter % 2 == 0 ? "key-" + keyCounter : "键 " + keyCounter + " 🔑";
    }

    private static long shift(long right, int offset, long minimum) {
        long shifted = right + offset;
        return shifted < minimum ? right - offset : shifted;
    }
}
