package io.github.xinfang.testing;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseChange;
import io.github.xinfang.service.CaseListener;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandObserver;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.DeadlineSweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A model-based harness for a portal's own component (a projection fed from the change feed, a listener, a command
 * observer, a report): it runs generated runs of commands on several cases through a case service (in-memory store,
 * {@link SettableClock}), interleaved with deadline sweeps, refused commands, idempotent re-sends and re-delivered
 * feed batches, hands the component what it subscribes to, and checks the portal's invariant over the component and the
 * library's state after every step. Sequential by default; {@link Builder#concurrent(int)} sends commands on different
 * cases from several threads at once and checks after each round.
 *
 * <p>On a failure it shrinks the run, first by its draws (fewer cases, shorter journeys, fewer interleaved events; each
 * candidate still one the generators make, so still valid), then action by action (a case's actions, then single
 * actions, dropped while the run still fails), and throws an {@link AssertionError} with the seed, the invariant's
 * message, and the shortest failing run as Java statements to paste into a test.
 *
 * <pre>{@code
 * Harness.of(lib -> new StageProjection())
 *         .feeding(StageProjection::apply)
 *         .invariant((projection, lib) -> lib.cases().forEach(id -> assertEquals(
 *                 lib.service().history(id).orElseThrow().state().stage(), projection.stage(id))))
 *         .run();
 * }</pre>
 *
 * @param <C> the component's type
 * @since 0.4
 */
public final class Harness<C> {
    /** The default number of generated runs. */
    public static final int DEFAULT_EXAMPLES = 100;

    private final Builder<C> b;

    private Harness(Builder<C> builder) {
        this.b = builder;
    }

    /**
     * @param component builds the component for one run, given the run's library (its service, clock, organisation)
     * @param <C> the component's type
     * @return a builder
     */
    public static <C> Builder<C> of(Function<Library, ? extends C> component) {
        return new Builder<>(Objects.requireNonNull(component, "component"));
    }

    /** What a run's component and invariant see of the library: its service, clock, organisation, cases and results. */
    public static final class Library {
        private final CaseService service;
        private final SettableClock clock;
        private final Organisation org;
        private final List<CaseId> cases;
        private final List<CommandResult> results = Collections.synchronizedList(new ArrayList<>());

        Library(CaseService service, SettableClock clock, Organisation org, List<CaseId> cases) {
            this.service = service;
            this.clock = clock;
            this.org = org;
            this.cases = List.copyOf(cases);
        }

        /** @return the case service the run goes through */
        public CaseService service() {
            return service;
        }

        /** @return the run's clock */
        public SettableClock clock() {
            return clock;
        }

        /** @return the organisation (its directory is the service's) */
        public Organisation organisation() {
            return org;
        }

        /** @return the cases of the run (some may not be registered yet) */
        public List<CaseId> cases() {
            return cases;
        }

        /** @return every command's result so far, in the order they were answered */
        public List<CommandResult> results() {
            synchronized (results) {
                return List.copyOf(results);
            }
        }
    }

    /** One action of a run. */
    sealed interface Action {
        /** Sends a command at an instant (the clock moves forward to it, never back). */
        record Send(Instant at, CaseCommand command) implements Action {}

        /** Runs the deadline sweep a number of days after the clock's instant. */
        record Sweep(int daysLater) implements Action {}

        /** Hands the component the last changes again, as a follower restarting from an older position does. */
        record Redeliver(int changes) implements Action {}
    }

    /** A generated run: its cases and actions. */
    record Run(List<CaseId> cases, List<Action> actions) {}

    private Gen<Run> runs() {
        return c -> {
            int caseCount = c.between(1, b.maxCases);
            LocalDate base = Journeys.DEFAULT_EARLIEST.plusDays(c.draw(200));
            List<CaseId> ids = new ArrayList<>();
            List<List<Journey.Step>> journeys = new ArrayList<>();
            for (int i = 0; i < caseCount; i++) {
                CaseId id = new CaseId("H-" + (i + 1));
                ids.add(id);
                Journey j = Journeys.any(b.org, id, base).generate(c);
                journeys.add(new ArrayList<>(j.steps()));
                for (CaseId other : j.cases()) if (!other.equals(id)) ids.add(other);
            }
            List<Action> actions = new ArrayList<>();
            List<Journey.Step> sent = new ArrayList<>();
            int extra = 0;
            while (true) {
                List<Integer> open = new ArrayList<>();
                for (int i = 0; i < journeys.size(); i++) if (!journeys.get(i).isEmpty()) open.add(i);
                // after the journeys, a few more interleaved events may follow (draw 0: none)
                if (open.isEmpty() && c.draw(3) == 0) break;
                int kind = open.isEmpty() ? 1 + c.draw(4) : c.draw(20);
                if (kind == 1 && b.sweep) {
                    actions.add(new Action.Sweep(c.between(0, 40)));
                } else if (kind == 2 && b.redeliver) {
                    actions.add(new Action.Redeliver(c.between(1, 5)));
                } else if (kind == 3 && b.refusals && !sent.isEmpty()) {
                    Journey.Step earlier = sent.get(c.draw(sent.size()));
                    actions.add(new Action.Send(earlier.at(), refused(earlier.command(), ++extra, c)));
                } else if (kind == 4 && b.refusals && !sent.isEmpty()) {
                    // an idempotent re-send: answered from its key, nothing appended
                    Journey.Step earlier = sent.get(c.draw(sent.size()));
                    actions.add(new Action.Send(earlier.at(), earlier.command()));
                } else if (!open.isEmpty()) {
                    List<Journey.Step> journey = journeys.get(open.get(c.draw(open.size())));
                    Journey.Step step = journey.remove(0);
                    sent.add(step);
                    actions.add(new Action.Send(step.at(), step.command()));
                }
            }
            return new Run(List.copyOf(ids), List.copyOf(actions));
        };
    }

    /** A command the library refuses: the earlier command's key with another command (or the same one, sent again later). */
    private static CaseCommand refused(CaseCommand earlier, int n, Choices c) {
        if (c.chance(50)) {
            // the same key for a different command: IDEMPOTENCY_MISMATCH
            return new ProcedureCommand.Withdraw(earlier.caseId(), earlier.key(), earlier.actor(), LocalDate.of(2015, 1, 5));
        }
        // a fresh key for a command the case has moved past (or that never applies): a rejection by the table or a window
        return new ProcedureCommand.Accept(earlier.caseId(), new IdempotencyKey(earlier.caseId().value() + "-x" + n), earlier.actor(),
                LocalDate.of(2015, 1, 5));
    }

    /** Runs the examples; returns normally when the invariant held after every step of every run. */
    public void run() {
        Gen<Run> gen = runs();
        SplittableRandom seeds = new SplittableRandom(b.seed);
        for (int example = 0; example < b.examples; example++) {
            Choices choices = Choices.random(seeds.split());
            Run run = gen.generate(choices);
            Failure failure = execute(run);
            if (failure != null) {
                Shrinking.Shrunk<Run> shrunk = Shrinking.shrink(gen, choices.recorded(), r -> execute(r) != null);
                Run smallest = shrunk.value();
                Failure last = execute(smallest);
                if (last == null) {
                    last = failure;
                    smallest = run;
                }
                int[] attempts = {shrunk.attempts()};
                smallest = dropActions(smallest, attempts);
                Failure dropped = execute(smallest);
                if (dropped != null) last = dropped;
                if (last.action >= 0 && last.action + 1 < smallest.actions().size()) {
                    // what follows the broken step is not needed to break it
                    Run prefix = new Run(smallest.cases(), smallest.actions().subList(0, last.action + 1));
                    Failure again = execute(prefix);
                    if (again != null) {
                        smallest = prefix;
                        last = again;
                    }
                }
                throw new AssertionError(report(example, run, smallest, attempts[0], last), last.cause);
            }
        }
    }

    /** The most runs the action-level pass of shrinking tries. */
    private static final int MAX_DROPS = 400;

    /**
     * Shrinks a failing run action by action, after the draws are as simple as they get: every action of one case
     * dropped, then single actions dropped, last first, while the run still fails. What remains may hold commands the
     * library refuses (a route of a case whose registration was dropped): they are part of the failing run.
     */
    private Run dropActions(Run run, int[] attempts) {
        Run best = run;
        boolean improved = true;
        int tried = 0;
        while (improved && tried < MAX_DROPS) {
            improved = false;
            for (CaseId id : best.cases()) {
                List<Action> kept = new ArrayList<>();
                for (Action a : best.actions()) if (!(a instanceof Action.Send s && s.command().caseId().equals(id))) kept.add(a);
                if (kept.size() == best.actions().size() || kept.isEmpty()) continue;
                tried++;
                Run candidate = new Run(best.cases(), kept);
                if (execute(candidate) != null) {
                    best = candidate;
                    improved = true;
                }
            }
            for (int i = best.actions().size() - 1; i >= 0 && tried < MAX_DROPS && best.actions().size() > 1; i--) {
                List<Action> kept = new ArrayList<>(best.actions());
                kept.remove(i);
                tried++;
                Run candidate = new Run(best.cases(), kept);
                if (execute(candidate) != null) {
                    best = candidate;
                    improved = true;
                }
            }
        }
        attempts[0] += tried;
        return best;
    }

    /** What broke, after which action. */
    private record Failure(int action, Throwable cause) {}

    private Failure execute(Run run) {
        Instant start = run.actions().stream().filter(a -> a instanceof Action.Send).map(a -> ((Action.Send) a).at())
                .findFirst().orElse(Journeys.DEFAULT_EARLIEST.atStartOfDay(Journeys.ZONE).toInstant());
        SettableClock clock = SettableClock.at(start);
        InMemoryCaseStore store = InMemoryCaseStore.create();
        Forwarding forwarding = new Forwarding();
        CaseService service = CaseService.builder(store, b.org.directory(), clock)
                .listener(forwarding).observer(forwarding).build();
        Library lib = new Library(service, clock, b.org, run.cases());
        C component = b.component.apply(lib);
        if (b.listener != null) forwarding.listener = b.listener.apply(component);
        if (b.observer != null) forwarding.observer = b.observer.apply(component);
        DeadlineSweep sweep = DeadlineSweep.create(service, "harness");
        Feed feed = new Feed();
        ExecutorService pool = b.threads > 1 ? Executors.newFixedThreadPool(b.threads) : null;
        try {
            List<Action> actions = run.actions();
            int i = 0;
            while (i < actions.size()) {
                Action action = actions.get(i);
                int done;
                if (action instanceof Action.Send send && pool != null) {
                    // a round: consecutive sends on distinct cases, concurrently
                    List<Action.Send> round = new ArrayList<>();
                    Set<CaseId> busy = new HashSet<>();
                    for (int k = i; k < actions.size() && round.size() < b.threads && actions.get(k) instanceof Action.Send s
                            && busy.add(s.command().caseId()); k++) {
                        round.add(s);
                    }
                    for (Action.Send s : round) clock.advanceTo(s.at());
                    List<Future<CommandResult>> futures = new ArrayList<>();
                    for (Action.Send s : round) futures.add(pool.submit(() -> service.handle(s.command())));
                    for (Future<CommandResult> f : futures) lib.results.add(f.get());
                    done = round.size();
                } else if (action instanceof Action.Send send) {
                    clock.advanceTo(send.at());
                    lib.results.add(service.handle(send.command()));
                    done = 1;
                } else if (action instanceof Action.Sweep s) {
                    clock.advance(java.time.Duration.ofDays(s.daysLater()));
                    sweep.sweep(clock.instant());
                    done = 1;
                } else {
                    if (b.feeding != null) feed.redeliver(((Action.Redeliver) action).changes(), component);
                    done = 1;
                }
                try {
                    // the component's own failure while handed the feed breaks the run at this step too
                    if (b.feeding != null) feed.pump(service, component);
                    b.invariant.accept(component, lib);
                } catch (AssertionError | RuntimeException e) {
                    return new Failure(i + done - 1, e);
                }
                i += done;
            }
            return null;
        } catch (ExecutionException e) {
            return new Failure(-1, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure(-1, e);
        } catch (AssertionError | RuntimeException e) {
            return new Failure(-1, e);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** The change feed as a follower sees it: handed on in order, and now and then handed again. */
    private final class Feed {
        private final List<CaseChange> handed = new ArrayList<>();
        private long position;

        void pump(CaseService service, C component) {
            while (true) {
                List<CaseChange> batch = service.changesAfter(position, 100);
                if (batch.isEmpty()) return;
                for (CaseChange change : batch) {
                    b.feeding.accept(component, change);
                    handed.add(change);
                    position = change.position();
                }
            }
        }

        void redeliver(int changes, C component) {
            int from = Math.max(0, handed.size() - changes);
            for (CaseChange change : List.copyOf(handed.subList(from, handed.size()))) b.feeding.accept(component, change);
        }
    }

    /** The service's listener and observer, forwarding to the component's once it exists. */
    private static final class Forwarding implements CaseListener, CommandObserver {
        volatile CaseListener listener;
        volatile CommandObserver observer;

        @Override
        public void committed(CaseId caseId, long version, List<io.github.xinfang.cases.CaseEvent> events) {
            CaseListener l = listener;
            if (l != null) l.committed(caseId, version, events);
        }

        @Override
        public void handled(Outcome outcome) {
            CommandObserver o = observer;
            if (o != null) o.handled(outcome);
        }
    }

    private String report(int example, Run original, Run run, int attempts, Failure failure) {
        StringBuilder sb = new StringBuilder();
        sb.append("the invariant broke in run ").append(example + 1).append(" of ").append(b.examples)
                .append(" (seed ").append(b.seed).append("L; rerun with .seed(").append(b.seed).append("L))")
                .append(failure.action >= 0 ? " after action " + (failure.action + 1) : "").append(": ")
                .append(failure.cause).append('\n');
        sb.append("shrunk from ").append(original.actions().size()).append(" actions on ").append(original.cases().size())
                .append(" cases to ").append(run.actions().size()).append(" in ")
                .append(attempts).append(" attempts; the shortest failing run:\n\n");
        Instant first = run.actions().stream().filter(a -> a instanceof Action.Send).map(a -> ((Action.Send) a).at())
                .findFirst().orElse(Instant.EPOCH);
        sb.append("SettableClock clock = SettableClock.at(Instant.parse(\"").append(first).append("\"));\n");
        sb.append("CaseService service = CaseService.builder(InMemoryCaseStore.create(), org.directory(), clock).build();\n");
        sb.append("DeadlineSweep sweep = DeadlineSweep.create(service, \"harness\");\n");
        int n = 0;
        for (Action a : run.actions()) {
            n++;
            if (a instanceof Action.Send s) {
                sb.append("clock.advanceTo(Instant.parse(\"").append(s.at()).append("\"));\n");
                sb.append("service.handle(").append(JavaText.of(s.command())).append(");");
            } else if (a instanceof Action.Sweep s) {
                sb.append("clock.advance(Duration.ofDays(").append(s.daysLater()).append(")); sweep.sweep(clock.instant());");
            } else {
                sb.append("// the follower is handed the last ").append(((Action.Redeliver) a).changes()).append(" changes again");
            }
            if (failure.action == n - 1) sb.append("   // <- the invariant broke here");
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Configures a harness. Not thread-safe.
     *
     * @param <C> the component's type
     */
    public static final class Builder<C> {
        private final Function<Library, ? extends C> component;
        private BiConsumer<? super C, CaseChange> feeding;
        private Function<? super C, ? extends CaseListener> listener;
        private Function<? super C, ? extends CommandObserver> observer;
        private BiConsumer<? super C, Library> invariant = (c, lib) -> { };
        private Organisation org = Organisations.guigang();
        private int maxCases = 3;
        private int examples = DEFAULT_EXAMPLES;
        private long seed = new SplittableRandom().nextLong();
        private int threads = 1;
        private boolean sweep = true;
        private boolean refusals = true;
        private boolean redeliver = true;

        private Builder(Function<Library, ? extends C> component) {
            this.component = component;
        }

        /**
         * @param handler hands the component one change of the feed; called in commit order after every step (and
         *     again for re-delivered changes)
         * @return this builder
         */
        public Builder<C> feeding(BiConsumer<? super C, CaseChange> handler) {
            this.feeding = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * @param listener the component's listener of commits
         * @return this builder
         */
        public Builder<C> listening(Function<? super C, ? extends CaseListener> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param observer the component's observer of every command's outcome (applied, replayed, rejected)
         * @return this builder
         */
        public Builder<C> observing(Function<? super C, ? extends CommandObserver> observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * @param invariant checks the component against the library after every step; throws an {@link AssertionError}
         *     (or any exception) when it does not hold
         * @return this builder
         */
        public Builder<C> invariant(BiConsumer<? super C, Library> invariant) {
            this.invariant = Objects.requireNonNull(invariant, "invariant");
            return this;
        }

        /**
         * @param org the organisation the runs use (default {@link Organisations#guigang()})
         * @return this builder
         */
        public Builder<C> organisation(Organisation org) {
            this.org = Objects.requireNonNull(org, "org");
            return this;
        }

        /**
         * @param maxCases the most cases one run drives (default 3), at least 1
         * @return this builder
         */
        public Builder<C> cases(int maxCases) {
            this.maxCases = atLeastOne(maxCases, "maxCases");
            return this;
        }

        /**
         * @param examples how many runs (default {@value #DEFAULT_EXAMPLES}), at least 1
         * @return this builder
         */
        public Builder<C> examples(int examples) {
            this.examples = atLeastOne(examples, "examples");
            return this;
        }

        /**
         * @param seed the seed of the runs (default: a new one each time, printed with a failure)
         * @return this builder
         */
        public Builder<C> seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param threads how many commands on different cases are sent at once (default 1: sequential), at least 1
         * @return this builder
         */
        public Builder<C> concurrent(int threads) {
            this.threads = atLeastOne(threads, "threads");
            return this;
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) throw new IllegalArgumentException(name + " must be at least 1");
            return value;
        }

        /**
         * @param sweeps whether deadline sweeps are interleaved (default true)
         * @param refusals whether refused commands and idempotent re-sends are interleaved (default true)
         * @param redeliveries whether feed batches are handed again (default true)
         * @return this builder
         */
        public Builder<C> interleaving(boolean sweeps, boolean refusals, boolean redeliveries) {
            this.sweep = sweeps;
            this.refusals = refusals;
            this.redeliver = redeliveries;
            return this;
        }

        /** Runs the harness: see {@link Harness#run()}. */
        public void run() {
            new Harness<>(this).run();
        }
    }
}
