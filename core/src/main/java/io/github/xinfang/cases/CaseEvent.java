package io.github.xinfang.cases;

import java.time.Instant;
import java.util.Map;

/**
 * What happened to a case: one entry of its history. A closed set of immutable records, split by track:
 * {@link ProcedureEvent}, {@link ResolutionEvent}, {@link ActivityEvent} and {@link SweepEvent}. Listeners and the
 * history take any of them.
 *
 * <p>Every event has an id (case id and sequence), the actor, {@code recordedAt} from the service's clock,
 * and, where a time limit counts from it, the caller-supplied date of the legal fact. Events are never
 * rewritten. Their {@code toString} shows no personal data (petition data and free text mask themselves).
 *
 * @since 0.1
 */
public sealed interface CaseEvent permits ProcedureEvent, ResolutionEvent, ActivityEvent, SweepEvent {
    /** @return the event's id: its case and sequence number */
    EventId id();

    /** @return who caused it */
    Actor actor();

    /** @return when it was recorded (from the service's clock) */
    Instant recordedAt();

    /** @return the case the event belongs to */
    default CaseId caseId() {
        return id().caseId();
    }

    /** @return the event's sequence number within its case */
    default long sequence() {
        return id().sequence();
    }

    /**
     * The stable name this event's type is stored under, e.g. {@code "case.routed"}: part of the stored format, the
     * same in every release, never derived from the class name. Portals put it beside an event they write out (a REST
     * answer, a message) so that readers need no Java class name.
     *
     * @return the stored type name
     */
    default String typeName() {
        return StoredNames.nameOf(StoredNames.EVENTS, getClass());
    }

    /**
     * Every event type and its stored name.
     *
     * @return an unmodifiable map from event record to stored type name, in a fixed order
     */
    static Map<Class<? extends CaseEvent>, String> typeNames() {
        return StoredNames.EVENTS;
    }
}
