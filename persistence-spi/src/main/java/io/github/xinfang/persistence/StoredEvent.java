package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a case as the store keeps it: opaque to the adapter.
 *
 * <p>The payload is JSON text that the store returns byte for byte as it was given (no normalisation,
 * no key reordering). Immutable.
 *
 * @param caseId the case the event belongs to
 * @param sequence the event's number within its case, from 1, without gaps
 * @param type the stable type name chosen by core's codec (never a class name)
 * @param schemaVersion the schema version of the payload, from 1
 * @param payload the JSON text, returned byte for byte
 * @param recordedAt when the event was recorded (from the service's clock)
 * @since 0.1
 */
public record StoredEvent(String caseId, long sequence, String type, int schemaVersion, String payload, Instant recordedAt) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an argument out of range
     */
    public StoredEvent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (caseId.isBlank()) throw new IllegalArgumentException("caseId must not be blank");
        if (type.isBlank()) throw new IllegalArgumentException("type must not be blank");
        if (sequence < 1) throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        if (schemaVersion < 1) throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
    }
}
