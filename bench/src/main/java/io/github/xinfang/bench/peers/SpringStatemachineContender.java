package io.github.xinfang.bench.peers;

import io.github.xinfang.bench.peers.PeerPath.CaseRecord;
import io.github.xinfang.bench.peers.PeerPath.Command;
import io.github.xinfang.bench.peers.PeerPath.Stage;
import io.github.xinfang.bench.peers.PeerPath.Trigger;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.EnableStateMachineFactory;
import org.springframework.statemachine.config.EnumStateMachineConfigurerAdapter;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineConfigurationConfigurer;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Spring Statemachine 4.0 as its users run it: a {@link StateMachineFactory} from an {@code @EnableStateMachineFactory}
 * configuration in a Spring context, and a {@link StateMachinePersister} over a {@link StateMachinePersist}. Per
 * command: a machine from the factory, restored from the stored context, sent the command's event (a message whose
 * headers carry the command and the event consumer), and persisted. The guard reads the case from the machine's
 * extended state; the transition's action updates it and emits the event. The persist keeps the contexts in a map
 * (the contenders' store).
 */
public final class SpringStatemachineContender extends Contender implements AutoCloseable {
    private static final String CASE = "case";
    private static final String COMMAND = "command";
    private static final String EVENTS = "events";

    private final AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(Config.class);
    @SuppressWarnings("unchecked")
    private final StateMachineFactory<Stage, Trigger> factory = spring.getBean(StateMachineFactory.class);
    private final Map<String, StateMachineContext<Stage, Trigger>> contexts = new HashMap<>();
    private final StateMachinePersister<Stage, Trigger, String> persister = new DefaultStateMachinePersister<>(
            new StateMachinePersist<>() {
                @Override
                public void write(StateMachineContext<Stage, Trigger> context, String caseId) {
                    contexts.put(caseId, context);
                }

                @Override
                public StateMachineContext<Stage, Trigger> read(String caseId) {
                    return contexts.get(caseId);
                }
            });

    @Override
    public void handle(Command c, Consumer<byte[]> events) {
        CaseRecord before = load(c.caseId());
        StateMachine<Stage, Trigger> machine = factory.getStateMachine(c.caseId());
        try {
            persister.restore(machine, c.caseId());
            Message<Trigger> message = MessageBuilder.withPayload(c.trigger()).setHeader(COMMAND, c).setHeader(EVENTS, events).build();
            StateMachineEventResult<Stage, Trigger> result = machine.sendEvent(Mono.just(message)).blockLast();
            // A guard saying no still reports ACCEPTED (the state accepted the event): the stage tells.
            if (result == null || result.getResultType() != StateMachineEventResult.ResultType.ACCEPTED
                    || machine.getState().getId() != PeerPath.TABLE.get(before.stage()).get(c.trigger())) {
                throw new PeerPath.Refused(c, before);
            }
            persister.persist(machine, c.caseId());
            store.put(c.caseId(), (CaseRecord) machine.getExtendedState().getVariables().get(CASE));
        } catch (PeerPath.Refused e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Spring Statemachine failed on " + c, e);
        } finally {
            machine.stopReactively().block();
        }
    }

    @Override
    public void clear() {
        super.clear();
        contexts.clear();
    }

    @Override
    public void close() {
        spring.close();
    }

    private static CaseRecord caseOf(Object variable) {
        return variable == null ? CaseRecord.NEW : (CaseRecord) variable;
    }

    /** The machine's configuration: the path's table, each transition guarded and emitting its event. */
    @Configuration
    @EnableStateMachineFactory
    public static class Config extends EnumStateMachineConfigurerAdapter<Stage, Trigger> {
        private static final Guard<Stage, Trigger> GUARDS = context ->
                PeerPath.guards(caseOf(context.getExtendedState().getVariables().get(CASE)), command(context));

        private static final Action<Stage, Trigger> EMIT = context -> {
            CaseRecord kase = caseOf(context.getExtendedState().getVariables().get(CASE));
            Command c = command(context);
            CaseRecord after = kase.after(context.getTarget().getId(), c.fact());
            context.getExtendedState().getVariables().put(CASE, after);
            @SuppressWarnings("unchecked")
            Consumer<byte[]> events = (Consumer<byte[]>) context.getMessageHeader(EVENTS);
            events.accept(PeerPath.encode(kase.stage(), after, c));
        };

        private static Command command(StateContext<Stage, Trigger> context) {
            return (Command) context.getMessageHeader(COMMAND);
        }

        @Override
        public void configure(StateMachineConfigurationConfigurer<Stage, Trigger> config) throws Exception {
            config.withConfiguration().autoStartup(false);
        }

        @Override
        public void configure(StateMachineStateConfigurer<Stage, Trigger> states) throws Exception {
            states.withStates().initial(Stage.NEW).states(EnumSet.allOf(Stage.class));
        }

        @Override
        public void configure(StateMachineTransitionConfigurer<Stage, Trigger> transitions) throws Exception {
            for (Map.Entry<Stage, Map<Trigger, Stage>> from : PeerPath.TABLE.entrySet()) {
                for (Map.Entry<Trigger, Stage> t : from.getValue().entrySet()) {
                    transitions.withExternal().source(from.getKey()).target(t.getValue()).event(t.getKey())
                            .guard(GUARDS).action(EMIT);
                }
            }
        }
    }
}
