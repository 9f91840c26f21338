package io.github.xinfang.bench.peers;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import com.github.oxo42.stateless4j.delegates.FuncBoolean;
import io.github.xinfang.bench.peers.PeerPath.CaseRecord;
import io.github.xinfang.bench.peers.PeerPath.Command;
import io.github.xinfang.bench.peers.PeerPath.Stage;
import io.github.xinfang.bench.peers.PeerPath.Trigger;

import java.util.Map;
import java.util.function.Consumer;

/**
 * stateless4j 2.6: one {@link StateMachineConfig} built once with a guarded {@code permitIf} per transition; per
 * command a machine over the stored stage (its external-state constructor), fired, and the case stored. Its guards
 * take no arguments, so they read the command being handled from this contender (the library's usual idiom).
 */
public final class Stateless4jContender extends Contender {
    private final StateMachineConfig<Stage, Trigger> config = new StateMachineConfig<>();
    private CaseRecord current;
    private Command command;
    private Stage stage;

    public Stateless4jContender() {
        FuncBoolean guards = () -> PeerPath.guards(current, command);
        for (Map.Entry<Stage, Map<Trigger, Stage>> from : PeerPath.TABLE.entrySet()) {
            var state = config.configure(from.getKey());
            for (Map.Entry<Trigger, Stage> t : from.getValue().entrySet()) state.permitIf(t.getKey(), t.getValue(), guards);
        }
    }

    @Override
    public void handle(Command c, Consumer<byte[]> events) {
        CaseRecord kase = load(c.caseId());
        current = kase;
        command = c;
        stage = kase.stage();
        StateMachine<Stage, Trigger> machine = new StateMachine<>(kase.stage(), () -> stage, s -> stage = s, config);
        try {
            machine.fire(c.trigger());
        } catch (IllegalStateException refused) {
            throw new PeerPath.Refused(c, kase);
        }
        CaseRecord after = kase.after(machine.getState(), c.fact());
        store.put(c.caseId(), after);
        events.accept(PeerPath.encode(kase.stage(), after, c));
    }
}
