package io.github.xinfang.persistence;

import java.util.List;
import java.util.Objects;

/**
 * A case as loaded from the store: its version, latest snapshot and whole history. Immutable.
 *
 * @param caseId the case
 * @param version the number of commits so far (at least 1)
 * @param snapshot the latest snapshot, at {@code version}
 * @param events every event of the case, in sequence order
 * @since 0.1
 */
public record StoredCase(String caseId, long version, StoredSnapshot snapshot, List<StoredEvent> events) {
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
        if (snapshot.version() != version) throw new IllegalArgumentException("snapshot must be at version " + version);
        events = List.copyOf(events);
        for (StoredEvent e : events) {
            if (!e.caseId().equals(caseId)) throw new IllegalArgumentException("events must all belong to case " + caseId);
        }
    }
}
