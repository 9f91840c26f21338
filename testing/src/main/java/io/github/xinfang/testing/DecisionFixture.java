package io.github.xinfang.testing;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseDecider;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.LifecycleTable;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.ResolutionTable;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.time.TimeLimits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Given, when, then for deciding: given a case's events (or the stage a {@link Journey} reaches), when a command at an
 * instant, then the events it appends or the code it is rejected with. A failure is an {@link AssertionError} in the
 * domain's words, English and Chinese:
 *
 * <pre>
 * expected Accept (受理) on a case at ROUTED (已交办) to be rejected with WINDOW_EXPIRED, but it was accepted, appending [Accepted]
 * </pre>
 *
 * <pre>{@code
 * DecisionFixture.on(org.directory())
 *         .given(Journeys.toStage(org, id, Stage.ROUTED).next(random))
 *         .when(new ProcedureCommand.Accept(id, key, staff, day), at)
 *         .thenAppends(ProcedureEvent.Accepted.class);
 * }</pre>
 *
 * Deciding only: nothing is stored. Immutable; each {@code given} starts a new fixture.
 *
 * @since 0.4
 */
public final class DecisionFixture {
    private static final Map<Class<? extends CaseCommand>, String> CHINESE = chineseNames();

    private final OrganisationDirectory directory;
    private final TimeLimits limits;
    private final CaseState state;
    private final Map<CaseId, CaseState> others;

    private DecisionFixture(OrganisationDirectory directory, TimeLimits limits, CaseState state, Map<CaseId, CaseState> others) {
        this.directory = directory;
        this.limits = limits;
        this.state = state;
        this.others = others;
    }

    /**
     * @param directory the organisation directory the decisions consult
     * @return a fixture with the standard time limits and no case yet
     */
    public static DecisionFixture on(OrganisationDirectory directory) {
        return new DecisionFixture(Objects.requireNonNull(directory, "directory"), TimeLimits.standard(), null, Map.of());
    }

    /**
     * @param limits the time limits the decisions use
     * @return this fixture with them
     */
    public DecisionFixture withTimeLimits(TimeLimits limits) {
        return new DecisionFixture(directory, Objects.requireNonNull(limits, "limits"), state, others);
    }

    /**
     * @param events the case's history, in order
     * @return a fixture whose case has that history
     */
    public DecisionFixture given(List<? extends CaseEvent> events) {
        Objects.requireNonNull(events, "events");
        return new DecisionFixture(directory, limits, events.isEmpty() ? null : CaseState.replay(events), others);
    }

    /**
     * Runs a journey through a case service on an in-memory store and takes the state of its last case (the one the
     * journey drives; other cases it registers, such as a merge's survivor, are kept for the decision too).
     *
     * @param journey the journey; every command must apply
     * @return a fixture whose case is where the journey left it
     * @throws AssertionError if a command of the journey is rejected
     */
    public DecisionFixture given(Journey journey) {
        Objects.requireNonNull(journey, "journey");
        SettableClock clock = SettableClock.at(journey.steps().isEmpty() ? Instant.EPOCH : journey.steps().get(0).at());
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), directory, clock).timeLimits(limits).build();
        List<CommandResult> results = journey.runOn(service, clock);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof CommandResult.Rejected r) {
                throw new AssertionError("given: the journey's " + describe(journey.steps().get(i).command()) + " was rejected: "
                        + words(r.rejection()));
            }
        }
        Map<CaseId, CaseState> states = new HashMap<>();
        CaseId last = null;
        for (CaseId id : journey.cases()) {
            states.put(id, service.history(id).orElseThrow().state());
            last = id;
        }
        CaseId main = journey.steps().isEmpty() ? null : journey.steps().get(journey.steps().size() - 1).command().caseId();
        CaseState caseState = main == null ? null : states.remove(main);
        if (caseState == null && last != null) caseState = states.remove(last);
        return new DecisionFixture(directory, limits, caseState, Map.copyOf(states));
    }

    /**
     * @param command the command
     * @param at the instant it is decided (the events' recorded instant)
     * @return the decision, to state what it must be
     */
    public Then when(CaseCommand command, Instant at) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(at, "at");
        CaseDecider decider = CaseDecider.create(limits, directory);
        CaseDecider.Decision decision = decider.decide(state, command, at,
                id -> java.util.Optional.ofNullable(others.get(id)).map(CaseState::stage));
        return new Then(state, command, decision);
    }

    /** A decision, and what it must be. */
    public static final class Then {
        private final CaseState state;
        private final CaseCommand command;
        private final CaseDecider.Decision decision;

        private Then(CaseState state, CaseCommand command, CaseDecider.Decision decision) {
            this.state = state;
            this.command = command;
            this.decision = decision;
        }

        /**
         * @param eventTypes the types of the events the command must append, in order
         * @return the appended events, for further checks
         * @throws AssertionError if it was rejected or appended others
         */
        @SafeVarargs
        public final List<CaseEvent> thenAppends(Class<? extends CaseEvent>... eventTypes) {
            List<Class<?>> expected = List.of(eventTypes);
            if (decision instanceof CaseDecider.Decision.Rejected r) {
                throw new AssertionError("expected " + describe(command) + " on " + where(state) + " to append " + names(expected)
                        + ", but it was rejected: " + words(r.rejection()));
            }
            List<CaseEvent> events = ((CaseDecider.Decision.Accepted) decision).events();
            List<Class<?>> actual = new ArrayList<>();
            for (CaseEvent e : events) actual.add(e.getClass());
            if (!actual.equals(expected)) {
                throw new AssertionError("expected " + describe(command) + " on " + where(state) + " to append " + names(expected)
                        + ", but it appended " + names(actual));
            }
            return events;
        }

        /**
         * @param code the code the command must be rejected with
         * @return the rejection, for further checks
         * @throws AssertionError if it was accepted or rejected with another code
         */
        public Rejection thenRejected(Rejection.Code code) {
            Objects.requireNonNull(code, "code");
            if (decision instanceof CaseDecider.Decision.Accepted a) {
                List<Class<?>> actual = new ArrayList<>();
                for (CaseEvent e : a.events()) actual.add(e.getClass());
                throw new AssertionError("expected " + describe(command) + " on " + where(state) + " to be rejected with " + code
                        + " (" + code.chinese() + "), but it was accepted, appending " + names(actual));
            }
            Rejection rejection = ((CaseDecider.Decision.Rejected) decision).rejection();
            if (rejection.code() != code) {
                throw new AssertionError("expected " + describe(command) + " on " + where(state) + " to be rejected with " + code
                        + " (" + code.chinese() + "), but it was rejected: " + words(rejection));
            }
            return rejection;
        }
    }

    static String describe(CaseCommand command) {
        String chinese = CHINESE.get(command.getClass());
        return command.getClass().getSimpleName() + (chinese == null ? "" : " (" + chinese + ")");
    }

    static String where(CaseState state) {
        if (state == null) return "no case";
        return "a case at " + state.stage() + " (" + state.stage().chinese() + ")"
                + (state.resolution() == null || state.resolution().track() == null ? ""
                : ", resolution track " + state.resolution().track() + " (" + state.resolution().track().chinese() + ")");
    }

    static String words(Rejection r) {
        return r.code() + " (" + r.code().chinese() + "): " + r.messageEnglish() + " / " + r.messageChinese();
    }

    private static String names(List<Class<?>> types) {
        List<String> out = new ArrayList<>();
        for (Class<?> t : types) out.add(t.getSimpleName());
        return out.toString();
    }

    private static Map<Class<? extends CaseCommand>, String> chineseNames() {
        Map<Class<? extends CaseCommand>, String> names = new HashMap<>();
        for (LifecycleTable.Row row : LifecycleTable.procedure().rows()) names.putIfAbsent(row.type(), row.chinese());
        for (ResolutionTable.Row row : ResolutionTable.resolution().rows()) names.putIfAbsent(row.type(), row.chinese());
        return Map.copyOf(names);
    }
}
