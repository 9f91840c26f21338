package io.github.xinfang.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.testing.Sealed;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event and command has one stable stored name, readable through the public API. */
class StoredNamesTests {
    @Test
    void everyEventRecordHasOneDistinctStoredName() {
        assertThat(CaseEvent.typeNames().keySet()).containsExactlyInAnyOrder(eventLeaves());
        assertThat(new HashSet<>(CaseEvent.typeNames().values())).hasSameSizeAs(CaseEvent.typeNames().values());
        assertThat(CaseEvent.typeNames().values()).allMatch(n -> n.matches("case\\.[a-z]+(-[a-z]+)*"));
    }

    @Test
    void everyCommandRecordHasOneDistinctName() {
        assertThat(CaseCommand.typeNames().keySet()).containsExactlyInAnyOrder(commandLeaves());
        assertThat(new HashSet<>(CaseCommand.typeNames().values())).hasSameSizeAs(CaseCommand.typeNames().values());
        assertThat(CaseCommand.typeNames().values()).allMatch(n -> n.matches("case\\.[a-z]+(-[a-z]+)*"));
    }

    @Test
    void anEventAndACommandSayTheirNames() {
        EventId id = new EventId(new CaseId("C-1"), 2);
        Actor actor = Actor.system("sweep");
        CaseEvent accepted = new ProcedureEvent.Accepted(id, actor, Instant.parse("2026-03-02T01:00:00Z"),
                java.time.LocalDate.of(2026, 3, 2));
        assertThat(accepted.typeName()).isEqualTo("case.accepted");
        assertThat(CaseEvent.typeNames()).containsEntry(ProcedureEvent.Routed.class, "case.routed")
                .containsEntry(ProcedureEvent.Registered.class, "case.registered");
        assertThat(CaseCommand.typeNames()).containsEntry(ProcedureCommand.Route.class, "case.route")
                .containsEntry(ResolutionCommand.ReassessEscalation.class, "case.reassess-escalation");
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends CaseEvent>[] eventLeaves() {
        return List.of(Sealed.leaves(CaseEvent.class)).toArray(new Class[0]);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends CaseCommand>[] commandLeaves() {
        return List.of(Sealed.leaves(CaseCommand.class)).toArray(new Class[0]);
    }
}
