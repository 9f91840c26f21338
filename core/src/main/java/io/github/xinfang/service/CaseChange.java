package io.github.xinfang.service;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;

import java.util.List;
import java.util.Objects;

/**
 * One commit of one case as read from the change feed ({@link CaseService#changesAfter}), with its events
 * decoded. Immutable; {@code toString} shows the events' own masked forms, never personal data.
 *
 * @param position the commit's position in the store's feed, from 1, gap-free, ascending in commit order:
 *     the value to persist once the change is processed
 * @param caseId the case
 * @param version the case's version after the commit
 * @param events the events of the commit, in sequence order (at least one)
 * @since 0.1
 */
public record CaseChange(long position, CaseId caseId, long version, List<CaseEvent> events) {
    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an argument out of range
     */
    public CaseChange {
        Objects.requireNonNull(caseId, "caseId");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        if (position < 1) throw new IllegalArgumentException("position must be at least 1");
        if (version < 1) throw new IllegalArgumentException("version must be at least 1");
        if (events.isEmpty()) throw new IllegalArgumentException("events must not be empty");
    }
}
