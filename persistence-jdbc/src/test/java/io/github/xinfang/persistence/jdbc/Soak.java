package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.XinfangException;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One soak run: {@value #THREADS} threads issue mixed commands (each step of a claim's lifecycle, and resends of earlier
 * commands under their keys) on {@value #CASES} overlapping cases at a time (a new set every quarter second) for a while, while faults may be injected; then every
 * claim the issue makes is checked: every acknowledged command's events are stored under its key; every stored commit is
 * an acknowledged command's or one whose outcome was in doubt (a typed failure), whose retry under the same key returns
 * it and appends nothing; every history verifies (its chain) and replays to its snapshot; and the service goes on taking
 * commands without being rebuilt. Not thread-safe itself; its workers are.
 */
final class Soak {
    static final int THREADS = 16;
    static final int CASES = 20;
    /** How long the workers run: seconds in CI, minutes in the long mode ({@code -Dxinfang.soak.millis=600000}). */
    static final long MILLIS = Long.getLong("xinfang.soak.millis", 1_500);

    /** What one attempt came to. */
    record Attempt(CaseCommand command, CommandResult result, XinfangException failure, long endedAt) {}

    final List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicLong faults = new AtomicLong();
    /** The cases commands were sent to. */
    final Set<Integer> touched = ConcurrentHashMap.newKeySet();

    private final CaseService service;
    private final CaseStore store;
    private final Function<Supplier<CommandResult>, CommandResult> around;
    private final long millis;

    /**
     * @param service the service under load
     * @param store its store
     * @param around how a command runs: directly, or inside the caller's transaction (the participating mode)
     * @param millis how long the workers run
     */
    Soak(CaseService service, CaseStore store, Function<Supplier<CommandResult>, CommandResult> around, long millis) {
        this.service = service;
        this.store = store;
        this.around = around;
        this.millis = millis;
    }

    Soak(CaseService service, CaseStore store, Function<Supplier<CommandResult>, CommandResult> around) {
        this(service, store, around, MILLIS);
    }

    /** @return how many commands were applied (not replayed) after an instant of {@link System#nanoTime()} */
    long appliedAfter(long nanos) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.endedAt() > nanos && a.result() instanceof CommandResult.Applied x
                    && !x.replayed()).count();
        }
    }

    static CaseId caseId(int i) {
        return new CaseId(String.format("XF-450802-2026-%06d", i));
    }

    /**
     * Runs the workers, and a fault injector calling {@code fault} every few tens of milliseconds if it is not null (it
     * returns how many faults it injected).
     */
    Soak run(Supplier<Integer> fault) throws InterruptedException {
        long start = System.nanoTime();
        long until = start + millis * 1_000_000;
        CountDownLatch done = new CountDownLatch(THREADS);
        // recent commands of every thread, for resends under their keys
        java.util.concurrent.atomic.AtomicReferenceArray<CaseCommand> sent = new java.util.concurrent.atomic.AtomicReferenceArray<>(1024);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(20261207L * 31 + thread);
                int n = 0;
                try {
                    while (System.nanoTime() < until) {
                        // CASES live cases at a time, a new set every quarter second, so lifecycles keep going
                        int c = (int) ((System.nanoTime() - start) / 250_000_000L) * CASES + random.nextInt(CASES);
                        touched.add(c);
                        CaseCommand command = random.nextInt(8) == 0 ? sent.get(random.nextInt(sent.length())) : null;
                        if (command == null) {
                            command = Domain.step(caseId(c), random.nextInt(Domain.LIFECYCLE_STEPS),
                                    c % 2 == 0 ? Domain.HOUSING : Domain.LABOUR, "w" + thread + "-" + n++);
                            sent.set(random.nextInt(sent.length()), command);
                        }
                        attempt(command);
                    }
                } catch (Throwable e) {
                    unexpected.add(e);
                } finally {
                    done.countDown();
                }
            }, "soak-" + t);
            worker.start();
        }
        SplittableRandom faultTimes = new SplittableRandom(7);
        while (!done.await(fault == null ? 1_000 : 20 + faultTimes.nextInt(120), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (fault != null && System.nanoTime() < until) faults.addAndGet(fault.get());
        }
        return this;
    }

    private void attempt(CaseCommand command) {
        try {
            CommandResult result = around.apply(() -> service.handle(command));
            attempts.add(new Attempt(command, result, null, System.nanoTime()));
        } catch (XinfangException e) {
            attempts.add(new Attempt(command, null, e, System.nanoTime()));   // in doubt: it may or may not have been stored
        }
    }

    /** Checks every claim, faults over; returns the figures. */
    String check() {
        assertThat(unexpected).as("nothing but results and typed failures").isEmpty();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, CaseCommand> inDoubt = new ConcurrentHashMap<>();
        Set<String> rejected = ConcurrentHashMap.newKeySet();
        for (Attempt a : attempts) {
            String key = a.command().key().value();
            if (a.result() instanceof CommandResult.Applied applied) acknowledged.put(key, applied.version());
            else if (a.result() != null) rejected.add(key);
            else inDoubt.put(key, a.command());
        }
        long lost = 0;
        for (Attempt a : attempts) {
            if (!(a.result() instanceof CommandResult.Applied applied)) continue;
            Optional<AppliedCommand> stored = store.findApplied(a.command().caseId().value(), a.command().key().value());
            if (stored.isEmpty() || stored.get().versionAfter() != applied.version()) lost++;
            else assertThat(stored.get().events()).as("the events of %s", a.command().key()).hasSize(applied.events().size());
        }
        assertThat(lost).as("acknowledged commands whose commit is not stored as acknowledged").isZero();
        // Every stored commit is an acknowledged command's, or an in-doubt one's whose retry returns it and appends nothing.
        long retriedStored = 0;
        for (Map.Entry<String, CaseCommand> e : inDoubt.entrySet()) {
            if (acknowledged.containsKey(e.getKey())) continue;
            CaseCommand command = e.getValue();
            Optional<AppliedCommand> stored = store.findApplied(command.caseId().value(), e.getKey());
            if (stored.isEmpty()) continue;
            long before = store.load(command.caseId().value()).orElseThrow().version();
            CommandResult retry = service.handle(command);
            assertThat(retry).as("the retry of in-doubt %s", e.getKey()).isInstanceOf(CommandResult.Applied.class);
            assertThat(((CommandResult.Applied) retry).replayed()).isTrue();
            assertThat(((CommandResult.Applied) retry).version()).isEqualTo(stored.get().versionAfter());
            assertThat(store.load(command.caseId().value()).orElseThrow().version()).as("a retry appends nothing").isEqualTo(before);
            retriedStored++;
        }
        Map<String, CaseCommand> commands = new java.util.HashMap<>();
        for (Attempt a : attempts) commands.put(a.command().key().value(), a.command());
        for (String key : rejected) {
            if (acknowledged.containsKey(key) || inDoubt.containsKey(key)) continue;
            assertThat(store.findApplied(commands.get(key).caseId().value(), key)).as("a rejected command stores nothing").isEmpty();
        }
        // No other commit is stored: the cases' versions (each counts its commits) add up to the keys found stored.
        Set<String> storedKeys = new java.util.HashSet<>();
        for (String key : acknowledged.keySet()) storedKeys.add(key);
        for (Map.Entry<String, CaseCommand> e : inDoubt.entrySet()) {
            if (store.findApplied(e.getValue().caseId().value(), e.getKey()).isPresent()) storedKeys.add(e.getKey());
        }
        long commits = 0;
        for (int i : touched) commits += store.load(caseId(i).value()).map(StoredCase::version).orElse(0L);
        assertThat(commits).as("stored commits, each an acknowledged command's or an in-doubt one's").isEqualTo(storedKeys.size());
        // The service takes commands again without being rebuilt: the in-doubt commands that were not stored, retried.
        long retriedOthers = 0;
        for (Map.Entry<String, CaseCommand> e : inDoubt.entrySet()) {
            if (store.findApplied(e.getValue().caseId().value(), e.getKey()).isPresent()) continue;
            assertThat(around.apply(() -> service.handle(e.getValue()))).isNotNull();
            retriedOthers++;
        }
        CaseCodec codec = CaseCodec.create();
        int cases = 0;
        for (int i : touched) {
            Optional<StoredCase> stored = store.load(caseId(i).value());
            if (stored.isEmpty()) continue;
            cases++;
            var states = Domain.replayedAndStored(codec, stored.get());
            assertThat(states[0]).as("case %s replays to its snapshot", caseId(i)).isEqualTo(states[1]);
        }
        if (store.keepsEventChain()) {
            assertThat(ChainVerifier.of(store, EventChain.sha256()).verifyStore().firstBreak()).as("every history's chain").isEmpty();
        }
        long applied = attempts.stream().filter(a -> a.result() instanceof CommandResult.Applied x && !x.replayed()).count();
        assertThat(applied).as("commands applied").isPositive();
        return String.format("%,d commands by %d threads on %d cases (%d at a time) in %,d ms: %,d applied, %,d replayed, %,d rejected, %,d in doubt"
                        + " (%,d of them stored, each returned by its retry with nothing appended; %,d retried anew); %,d faults; 0 lost",
                attempts.size(), THREADS, cases, CASES, millis, applied,
                attempts.stream().filter(a -> a.result() instanceof CommandResult.Applied x && x.replayed()).count(),
                attempts.stream().filter(a -> a.result() instanceof CommandResult.Rejected).count(), inDoubt.size(),
                retriedStored, retriedOthers, faults.get());
    }
}
