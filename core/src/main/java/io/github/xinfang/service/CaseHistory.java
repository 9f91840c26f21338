package io.github.xinfang.service;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;

import java.util.List;
import java.util.Objects;

/**
 * A case as loaded: its version, current state and whole history. Immutable.
 *
 * @param version the number of commits
 * @param state the current state
 * @param events every event, in sequence order
 * @since 0.1
 */
public record CaseHistory(long version, CaseState state, List<CaseEvent> events) {
    /** @throws NullPointerException naming a null argument */
    public CaseHistory {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
