package io.github.xinfang.service;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.CapturedLogs;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseListenerTests {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");

    @Test
    void listenersRunInOrderInTheCommittingThreadOnlyAfterACommit() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        Thread caller = Thread.currentThread();
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, TestClock.at("2026-03-03T02:00:00Z"))
                .listener((id, v, events) -> calls.add("first " + id + " v" + v + " " + events.size()
                        + (Thread.currentThread() == caller ? " same-thread" : " other-thread")))
                .listener((id, v, events) -> {
                    throw new IllegalStateException("second fails");
                })
                .listener((id, v, events) -> calls.add("third " + id + " v" + v))
                .build();
        CaseId id = new CaseId("L-1");
        CaseCommand register = new ProcedureCommand.Register(id, new IdempotencyKey("r"), Org.clerk(), CaseInvariantProperties.claim(DAY), null);

        CapturedLogs.Captured<CommandResult> first = CapturedLogs.during(() -> service.handle(register));
        assertThat(first.result().isApplied()).isTrue();
        assertThat(calls).containsExactly("first L-1 v1 1 same-thread", "third L-1 v1");
        assertThat(first.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("L-1") && l.contains("IllegalStateException"));

        calls.clear();
        assertThat(service.handle(register).isApplied()).as("a replay").isTrue();
        assertThat(service.handle(new ProcedureCommand.Accept(id, new IdempotencyKey("x"), Org.clerk(), DAY)).isApplied()).as("a rejection").isFalse();
        assertThat(calls).as("no listener for a replay or a rejection").isEmpty();
    }
}
