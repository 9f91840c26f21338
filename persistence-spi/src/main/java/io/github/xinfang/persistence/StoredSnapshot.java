package io.github.xinfang.persistence;

import java.util.Objects;

/**
 * The state of a case after a given version, encoded by core as JSON text; opaque to the adapter and
 * returned byte for byte. A snapshot can always be rebuilt from the events. Immutable.
 *
 * @param caseId the case
 * @param version the case version the snapshot reflects (number of commits, from 1)
 * @param schemaVersion the snapshot's schema version, from 1
 * @param payload the JSON text
 * @since 0.1
 */
public record StoredSnapshot(String caseId, long version, int schemaVersion, String payload) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an argument out of range
     */
    public StoredSnapshot {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(payload, "payload");
        if (caseId.isBlank()) throw new IllegalArgumentException("caseId must not be blank");
        if (version < 1) throw new IllegalArgumentException("version must be at least 1, was " + version);
        if (schemaVersion < 1) throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
    }
}
