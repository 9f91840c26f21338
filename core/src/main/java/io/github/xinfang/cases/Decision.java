package io.github.xinfang.cases;

import java.util.List;
import java.util.Objects;

/**
 * The result of deciding a command against a case: the events to append, or a rejection. Immutable.
 *
 * @since 0.1
 */
public sealed interface Decision {

    /**
     * The command is allowed; these events are to be appended in order.
     *
     * @param events at least one event
     * @since 0.1
     */
    record Accepted(List<CaseEvent> events) implements Decision {
        /**
         * @throws NullPointerException if events is null
         * @throws IllegalArgumentException if events is empty
         */
        public Accepted {
            events = List.copyOf(Objects.requireNonNull(events, "events"));
            if (events.isEmpty()) throw new IllegalArgumentException("events must not be empty");
        }
    }

    /**
     * The command is refused; nothing is appended.
     *
     * @param rejection why
     * @since 0.1
     */
    record Rejected(Rejection rejection) implements Decision {
        /** @throws NullPointerException if rejection is null */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
