package io.github.xinfang.persistence;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the change feed: one commit of one case, at its position in the store's feed. Immutable.
 *
 * @param position the commit's position, from 1, gap-free within the store, in commit order
 * @param caseId the case
 * @param version the version the commit produced
 * @param events the events the commit appended, in sequence order
 * @since 0.1
 */
public record Change(long position, String caseId, long version, List<StoredEvent> events) {
    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an argument out of range
     */
    public Change {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(events, "events");
        if (position < 1) throw new IllegalArgumentException("position must be at least 1");
        if (version < 1) throw new IllegalArgumentException("version must be at least 1");
        events = List.copyOf(events);
        if (events.isEmpty()) throw new IllegalArgumentException("events must not be empty");
    }
}
