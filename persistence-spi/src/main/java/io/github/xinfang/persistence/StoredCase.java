package io.github.xinfang.persistence;

import java.util.List;
import java.util.Objects;

/**
 * A case as loaded from the store: its version, latest snapshot and its history (the whole history from
 * {@link CaseStore#load}; at least the events after the snapshot from {@link CaseStore#loadFromSnapshot}). Immutable.
 *
 * @param caseId the case
 * @param version the number of commits so far (at least 1)
 * @param snapshot the latest snapshot, at {@code version}, or at an earlier version from a store that takes commits
 *                 without one (rule S10 of {@link CaseStore})
 * @param events the case's events, in sequence order: every one, or (from {@link CaseStore#loadFromSnapshot}) at
 *               least those after the snapshot and the last one
 * @param chainHead the chain link of the last event (rule S9 of {@link CaseStore}), or null when the store keeps no
 *                  event chain or that event was stored unchained
 * @since 0.1
 */
public record StoredCase(String caseId, long version, StoredSnapshot snapshot, List<StoredEvent> events, String chainHead) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an inconsistent argument
     */
    public StoredCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(events, "events");
        if (caseId.isBlank()) throw new IllegalArgumentException("caseId must not be blank");
        if (version < 1) throw new IllegalArgumentException("version must be at least 1");
        if (!snapshot.caseId().equals(caseId)) throw new IllegalArgumentException("snapshot must belong to case " + caseId);
        if (snapshot.version() > version) {
            throw new IllegalArgumentException("snapshot must be at version " + version + " or earlier, was " + snapshot.version());
        }
        events = List.copyOf(events);
        for (StoredEvent e : events) {
            if (!e.caseId().equals(caseId)) throw new IllegalArgumentException("events must all belong to case " + caseId);
        }
        if (chainHead != null && chainHead.isBlank()) throw new IllegalArgumentException("chainHead must not be blank");
    }

    /**
     * A case loaded from a store that keeps no event chain.
     *
     * @param caseId the case
     * @param version the number of commits so far
     * @param snapshot the latest snapshot
     * @param events every event of the case, in sequence order
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an inconsistent argument
     */
    public StoredCase(String caseId, long version, StoredSnapshot snapshot, List<StoredEvent> events) {
        this(caseId, version, snapshot, events, null);
    }
}
