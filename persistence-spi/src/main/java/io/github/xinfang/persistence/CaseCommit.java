package io.github.xinfang.persistence;

import java.util.List;
import java.util.Objects;

/**
 * One change of one case, to be committed atomically (rule S2 of {@link CaseStore}): the new events, the
 * new snapshot (or none, to a store that takes commits without one: rule S10), the new index row and the command's
 * idempotency key and digest. Immutable.
 *
 * @param caseId the case
 * @param expectedVersion the version the writer read (0 for a new case)
 * @param events the new events, at least one, with consecutive sequence numbers continuing the history
 * @param snapshot the state after the events, at version {@code expectedVersion + 1}; or null to keep the case's
 *                 latest snapshot, only for a store whose {@link CaseStore#snapshotsOptional()} is true and never on a
 *                 case's first commit
 * @param indexRow the index columns after the events, at version {@code expectedVersion + 1}
 * @param idempotencyKey the key of the command that produced the change
 * @param commandDigest the digest of that command (SHA-256 hex of core's canonical encoding)
 * @param links the chain link of each event, in the same order (see
 *              {@link io.github.xinfang.persistence.chain.EventChain}), which a store that keeps the event chain
 *              stores with its event and returns byte for byte (rule S9 of {@link CaseStore}); empty for a commit
 *              whose writer does not chain (its events are then stored unchained)
 * @since 0.1
 */
public record CaseCommit(String caseId, long expectedVersion, List<StoredEvent> events, StoredSnapshot snapshot,
                         IndexRow indexRow, String idempotencyKey, String commandDigest, List<String> links) {
    /**
     * Checks the arguments and that every part names the same case and the next version.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an inconsistent argument
     */
    public CaseCommit {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(events, "events");
        if (snapshot == null && expectedVersion == 0) {
            throw new NullPointerException("snapshot must not be null on a case's first commit");
        }
        Objects.requireNonNull(indexRow, "indexRow");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(commandDigest, "commandDigest");
        Objects.requireNonNull(links, "links");
        if (caseId.isBlank()) throw new IllegalArgumentException("caseId must not be blank");
        if (expectedVersion < 0) throw new IllegalArgumentException("expectedVersion must not be negative");
        if (idempotencyKey.isBlank()) throw new IllegalArgumentException("idempotencyKey must not be blank");
        if (commandDigest.isBlank()) throw new IllegalArgumentException("commandDigest must not be blank");
        events = List.copyOf(events);
        if (events.isEmpty()) throw new IllegalArgumentException("events must not be empty");
        long previous = -1;
        for (StoredEvent e : events) {
            if (!e.caseId().equals(caseId)) throw new IllegalArgumentException("events must all belong to case " + caseId);
            if (previous != -1 && e.sequence() != previous + 1) {
                throw new IllegalArgumentException("events must have consecutive sequence numbers");
            }
            previous = e.sequence();
        }
        links = List.copyOf(links);
        if (!links.isEmpty() && links.size() != events.size()) {
            throw new IllegalArgumentException("links must be empty or one per event: " + links.size() + " for " + events.size());
        }
        for (String link : links) {
            if (link.isBlank()) throw new IllegalArgumentException("links must not be blank");
        }
        if (snapshot != null && !snapshot.caseId().equals(caseId)) {
            throw new IllegalArgumentException("snapshot must belong to case " + caseId);
        }
        if (snapshot != null && snapshot.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("snapshot must be at version expectedVersion + 1");
        }
        if (!indexRow.caseId().equals(caseId)) throw new IllegalArgumentException("indexRow must belong to case " + caseId);
        if (indexRow.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("indexRow must be at version expectedVersion + 1");
        }
    }

    /**
     * A commit whose events are not chained (no links), as every commit was before 0.7.
     *
     * @param caseId the case
     * @param expectedVersion the version the writer read (0 for a new case)
     * @param events the new events
     * @param snapshot the state after the events
     * @param indexRow the index columns after the events
     * @param idempotencyKey the command's key
     * @param commandDigest the command's digest
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an inconsistent argument
     */
    public CaseCommit(String caseId, long expectedVersion, List<StoredEvent> events, StoredSnapshot snapshot,
                      IndexRow indexRow, String idempotencyKey, String commandDigest) {
        this(caseId, expectedVersion, events, snapshot, indexRow, idempotencyKey, commandDigest, List.of());
    }

    /**
     * The link of one of this commit's events.
     *
     * @param index the event's index in {@link #events()}
     * @return its link, or null if the commit is unchained
     */
    public String linkAt(int index) {
        return links.isEmpty() ? null : links.get(index);
    }

    /** @return whether this commit carries a snapshot (rule S10: one without keeps the case's latest) */
    public boolean carriesSnapshot() {
        return snapshot != null;
    }

    /** @return the version the case has once this change is committed */
    public long newVersion() {
        return expectedVersion + 1;
    }
}
