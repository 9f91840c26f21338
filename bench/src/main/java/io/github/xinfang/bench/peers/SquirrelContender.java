package io.github.xinfang.bench.peers;

import io.github.xinfang.bench.peers.PeerPath.CaseRecord;
import io.github.xinfang.bench.peers.PeerPath.Command;
import io.github.xinfang.bench.peers.PeerPath.Stage;
import io.github.xinfang.bench.peers.PeerPath.Trigger;
import org.squirrelframework.foundation.fsm.Condition;
import org.squirrelframework.foundation.fsm.StateMachineBuilder;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;

import java.util.Map;
import java.util.function.Consumer;

/**
 * squirrel-foundation 0.3.10: one {@link StateMachineBuilder} built once with a conditioned external transition per
 * row; per command a machine created at the stored stage ({@code newStateMachine(stage)}), fired with the command
 * and the case as its context, and the case stored.
 */
public final class SquirrelContender extends Contender {
    /** The context squirrel passes to conditions: the case as loaded and the command. */
    public record Attempt(CaseRecord kase, Command command) {}

    /** The machine type squirrel instantiates (public, no-argument constructor, as it requires). */
    public static class Machine extends AbstractStateMachine<Machine, Stage, Trigger, Attempt> {}

    private final StateMachineBuilder<Machine, Stage, Trigger, Attempt> builder =
            StateMachineBuilderFactory.create(Machine.class, Stage.class, Trigger.class, Attempt.class);

    public SquirrelContender() {
        Condition<Attempt> guards = new Condition<>() {
            @Override
            public boolean isSatisfied(Attempt a) {
                return PeerPath.guards(a.kase(), a.command());
            }

            @Override
            public String name() {
                return "actorNotAccused&factInOrder";
            }
        };
        for (Map.Entry<Stage, Map<Trigger, Stage>> from : PeerPath.TABLE.entrySet()) {
            for (Map.Entry<Trigger, Stage> t : from.getValue().entrySet()) {
                builder.externalTransition().from(from.getKey()).to(t.getValue()).on(t.getKey()).when(guards);
            }
        }
    }

    @Override
    public void handle(Command c, Consumer<byte[]> events) {
        CaseRecord kase = load(c.caseId());
        Machine machine = builder.newStateMachine(kase.stage());
        machine.fire(c.trigger(), new Attempt(kase, c));
        Stage to = machine.getCurrentState();
        if (to != PeerPath.TABLE.get(kase.stage()).get(c.trigger()) || machine.getLastException() != null) {
            throw new PeerPath.Refused(c, kase);
        }
        CaseRecord after = kase.after(to, c.fact());
        store.put(c.caseId(), after);
        events.accept(PeerPath.encode(kase.stage(), after, c));
    }
}
