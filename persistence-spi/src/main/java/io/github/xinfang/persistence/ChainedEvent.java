package io.github.xinfang.persistence;

import java.util.Objects;

/**
 * A stored event with what its chain link covers besides the event itself: the idempotency key of the commit that
 * stored it, and the link as stored (rule S9 of {@link CaseStore}). Immutable.
 *
 * @param event the event, byte for byte as stored
 * @param idempotencyKey the key of the commit that stored the event
 * @param link the event's chain link as stored, or null if the event was stored unchained
 * @since 0.7
 */
public record ChainedEvent(StoredEvent event, String idempotencyKey, String link) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if the key or the link is blank
     */
    public ChainedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (idempotencyKey.isBlank()) throw new IllegalArgumentException("idempotencyKey must not be blank");
        if (link != null && link.isBlank()) throw new IllegalArgumentException("link must not be blank");
    }

    /**
     * Checks the arguments of a keyset walk in case id then sequence order ({@link CaseStore#chainedEventsAfter}, and
     * the access audit's listings), for adapters.
     *
     * @param caseId the case id of the position
     * @param sequence the sequence of the position
     * @param limit the most items to return
     * @throws NullPointerException if caseId is null
     * @throws IllegalArgumentException if sequence is negative or limit below 1
     */
    public static void checkPosition(String caseId, long sequence, int limit) {
        Objects.requireNonNull(caseId, "caseId");
        if (sequence < 0) throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
}
