package io.github.xinfang.persistence.jdbc;

import static io.github.xinfang.persistence.jdbc.HostileText.escape;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.WorkClaims;
import io.github.xinfang.persistence.jdbc.CommandScripts.Sequence;
import io.github.xinfang.persistence.jdbc.CommandScripts.Step;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.time.TimeLimits;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Same answer on every store (issue 11): the same generated command sequences ({@link CommandScripts}, hostile text
 * from {@link HostileText} in every text field, id and key), sent through a {@link CaseService} over each of four
 * stores — {@link InMemoryCaseStore}, and {@link JdbcCaseStore} on H2 in memory, on H2 in a file and on the embedded
 * PostgreSQL — with identical clocks (each shows the step's instant while it handles the step), get the same
 * outcome from every store, command by command: applied at the same version (replayed or not, with equal events),
 * rejected with the same code, field and stage, refused alike when the command's values were constructed (then
 * it is not sent), or the same exception class. After each sequence every store holds the same bytes and answers
 * every shared port alike, in the same order: each case's stored events (type, schema version, payload, recorded
 * instant) and snapshot, its index row, every idempotency record, the attention query (unfiltered, by region, by
 * each unit), the resolution queries (by each leader, lead unit and batch; each leader's workload), the whole
 * change feed, the listing of case ids, a reindex and the index rows after it, and a claim of all due work. An
 * exception one store throws and another does not is a difference like any other.
 *
 * <p>A seeded {@link Random} drives it rather than QuickTheories: sequences are long and run on four stores, so
 * shrinking is impractical; a failure prints the seed, the command (ids and keys escaped, free text masked to its
 * length and hostile code points) and each store's answer. A run goes on after a difference and reports all of them,
 * counted by kind (which stores answered what), each sequence's first differing command apart from those that follow.
 *
 * <p>Budget: by default a run ends after the sequence in which it reached {@value #DEFAULT_SENDS} sends (a command
 * sent to one store counts once; a command whose values were refused when constructed is sent to none), about 6,000
 * commands: on a two-core machine shared with other builds, 20,000 commands for each of four stores take several
 * minutes. System properties: {@value #COMMANDS_PROPERTY} (run that many commands instead, e.g. 500000 for a long
 * run), {@value #SEED_PROPERTY} (the run's seed; random by default) and {@value #SEQUENCE_PROPERTY} (run only that
 * sequence of the seed's run). Every run prints a summary line: commands, sends, outcomes by kind, stores,
 * differences, and which stages and commands it reached.
 */
class StoreDifferentialProperties {
    static final String COMMANDS_PROPERTY = "xinfang.differential.commands";
    static final String SEED_PROPERTY = "xinfang.differential.seed";
    static final String SEQUENCE_PROPERTY = "xinfang.differential.sequence";
    /** Commands sent to a store, counted per store: the default run ends once it has made this many. */
    static final int DEFAULT_SENDS = 20_000;
    private static final int EXAMPLES = 8;

    private static final String STORED = "stored payloads";
    private static final String INDEX = "index rows";
    private static final String IDEMPOTENCY = "idempotency records";
    private static final String ATTENTION = "attention query";
    private static final String RESOLUTION = "resolution queries";
    private static final String FEED = "change feed";
    private static final String LISTING = "case listing";
    private static final String REINDEX = "reindex";
    private static final String CLAIMS = "work claims";

    @Test
    void everyStoreAnswersEveryCommandAlikeAndKeepsTheSameBytesAndQueryAnswers() throws Exception {
        Long given = Long.getLong(SEED_PROPERTY);
        long seed = given != null ? given : new SplittableRandom().nextLong();
        Integer only = Integer.getInteger(SEQUENCE_PROPERTY);
        TimeLimits limits = TimeLimits.standard();
        Tally tally = new Tally(seed, Integer.getInteger(COMMANDS_PROPERTY));
        List<Subject> subjects = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            subjects.add(Subject.inMemory(limits));
            for (TestDatabase.Kind kind : TestDatabase.Kind.values()) subjects.add(Subject.on(kind, limits));
            if (only != null) {
                compare(CommandScripts.generate(only, sequenceSeed(seed, only)), subjects, threads, tally);
            } else {
                for (int k = 0; !tally.done(); k++) {
                    compare(CommandScripts.generate(k, sequenceSeed(seed, k)), subjects, threads, tally);
                }
            }
        } finally {
            threads.shutdownNow();
            for (Subject s : subjects) s.close();
        }
        System.out.println(tally.summary(subjects));
        if (tally.differingCommands + tally.differingItems > 0) fail(tally.report(subjects));
    }

    /** @return the seed of sequence {@code k} of the run with seed {@code seed} */
    static long sequenceSeed(long seed, int k) {
        return new Random(seed ^ 0x9E3779B97F4A7C15L * (k + 1)).nextLong();
    }

    /** Runs one sequence on every store and compares what they answered and what they hold afterwards. */
    private static void compare(Sequence q, List<Subject> subjects, ExecutorService threads, Tally tally) throws Exception {
        List<List<Outcome>> outcomes = eachStore(threads, subjects, s -> s.reset(q.directory()).run(q));

        Set<String> caseIds = new LinkedHashSet<>();
        Set<List<String>> keys = new LinkedHashSet<>();
        for (Step step : q.steps()) {
            if (step.command() == null) continue;
            caseIds.add(step.command().caseId().value());
            keys.add(List.of(step.command().caseId().value(), step.command().key().value()));
        }
        List<Observed> observed = eachStore(threads, subjects, Subject::listCaseIds);
        for (Observed o : observed) caseIds.addAll(o.listed);
        List<String> ids = List.copyOf(caseIds);
        List<List<String>> keyList = List.copyOf(keys);
        eachStore(threads, subjects, s -> s.observe(q, ids, keyList));

        tally.sequence(q, subjects, outcomes, observed);
    }

    private static <T> List<T> eachStore(ExecutorService threads, List<Subject> subjects, Function<Subject, T> work) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (Subject s : subjects) futures.add(threads.submit(() -> work.apply(s)));
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error err) throw err;
                if (e.getCause() instanceof Exception ex) throw ex;
                throw e;
            }
        }
        return results;
    }

    // ------------------------------------------------------------------ the stores

    /** A clock that shows what the test sets: the step's instant, the same on every store. */
    private static final class SteppedClock implements InstantSource {
        private volatile Instant now = CommandScripts.START;

        void set(Instant at) {
            now = at;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The directory of the sequence being run: services live for the whole run, directories per sequence. */
    private static final class SequenceDirectory implements OrganisationDirectory {
        private volatile OrganisationDirectory current = OrganisationDirectory.of(List.of(), List.of());

        void set(OrganisationDirectory directory) {
            current = directory;
        }

        @Override
        public Optional<OrganisationDirectory.Unit> unit(UnitId id) {
            return current.unit(id);
        }

        @Override
        public Optional<OrganisationDirectory.Official> official(OfficialId id) {
            return current.official(id);
        }
    }

    /**
     * {@link InMemoryCaseStore}, a new one per sequence behind one object (so the service over it lives for the whole
     * run, like the services over the databases, which are emptied between sequences): a proxy that passes every call
     * of every port on to the current store.
     */
    private static final class MemoryStore implements InvocationHandler {
        private volatile InMemoryCaseStore current = InMemoryCaseStore.create();
        final CaseStore store = (CaseStore) Proxy.newProxyInstance(CaseStore.class.getClassLoader(), new Class<?>[] {
            CaseStore.class, ChangeFeed.class, CaseQuery.class, WorkClaims.class, IndexMaintenance.class, ResolutionQuery.class
        }, this);

        void reset() {
            current = InMemoryCaseStore.create();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(current, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** One store under test, the service over it, its clock, and what it was seen to hold after the current sequence. */
    private static final class Subject implements AutoCloseable {
        final String name;
        private final TestDatabase db;
        private final MemoryStore memory;
        private final CaseStore store;
        private final SteppedClock clock = new SteppedClock();
        private final SequenceDirectory directory = new SequenceDirectory();
        private final CaseService service;
        private Observed seen;

        private Subject(String name, TestDatabase db, MemoryStore memory, CaseStore store, TimeLimits limits) {
            this.name = name;
            this.db = db;
            this.memory = memory;
            this.store = store;
            this.service = CaseService.builder(store, directory, clock).timeLimits(limits).build();
        }

        static Subject inMemory(TimeLimits limits) {
            MemoryStore memory = new MemoryStore();
            return new Subject("IN_MEMORY", null, memory, memory.store, limits);
        }

        static Subject on(TestDatabase.Kind kind, TimeLimits limits) {
            TestDatabase db = TestDatabase.open(kind);
            return new Subject(kind.name(), db, null, JdbcCaseStore.create(db.pool(4), db.dialect()).migrate(), limits);
        }

        /** Empties the store (a new in-memory store; the database emptied as after migration) and sets the directory. */
        Subject reset(OrganisationDirectory sequenceDirectory) {
            if (db == null) memory.reset();
            else db.reset();
            directory.set(sequenceDirectory);
            seen = new Observed();
            return this;
        }

        List<Outcome> run(Sequence q) {
            List<Outcome> outcomes = new ArrayList<>(q.steps().size());
            for (Step step : q.steps()) {
                if (step.invalid() != null) {
                    outcomes.add(Outcome.invalid(step.invalid()));
                    continue;
                }
                clock.set(step.at());
                try {
                    outcomes.add(Outcome.of(service.handle(step.command())));
                } catch (RuntimeException e) {
                    outcomes.add(Outcome.thrown(e));
                }
            }
            return outcomes;
        }

        /** Lists the stored case ids ({@link IndexMaintenance#caseIdsAfter}, pages of 5). */
        Observed listCaseIds() {
            IndexMaintenance maintenance = (IndexMaintenance) store;
            String after = null;
            int n = 0;
            try {
                for (List<String> page = maintenance.caseIdsAfter(null, 5); !page.isEmpty(); page = maintenance.caseIdsAfter(after, 5)) {
                    for (String id : page) {
                        seen.values.put(LISTING + ": #" + n++, escape(id));
                        seen.listed.add(id);
                    }
                    after = page.get(page.size() - 1);
                    if (n > 100_000) throw new AssertionError(name + ": the listing of case ids does not end");
                }
                seen.values.put(LISTING + ": count", String.valueOf(n));
            } catch (RuntimeException e) {
                seen.failed(LISTING, "count", e);
            }
            return seen;
        }

        /** Reads back everything the shared ports answer about the sequence's cases, ids and keys. */
        Observed observe(Sequence q, List<String> caseIds, List<List<String>> keys) {
            Instant end = q.end();
            Instant horizon = end.plus(Duration.ofDays(400));
            for (String id : caseIds) {
                seen.read(STORED, escape(id), () -> store.load(id).map(Render::storedCase).orElse("absent"));
                seen.read(INDEX, escape(id), () -> store.indexRow(id).map(Render::row).orElse("absent"));
            }
            for (List<String> k : keys) {
                seen.read(IDEMPOTENCY, escape(k.get(0)) + " key " + escape(k.get(1)),
                        () -> store.findApplied(k.get(0), k.get(1)).map(Render::applied).orElse("absent"));
            }
            attention("all", AttentionQuery.firstPage(horizon, 3));
            attention("region 4508", AttentionQuery.firstPage(horizon, 3).inRegion("4508"));
            for (String unit : q.unitIds()) attention("unit " + escape(unit), AttentionQuery.firstPage(horizon, 3).involving(unit));
            ResolutionQuery resolution = (ResolutionQuery) store;
            for (String leader : q.officialIds()) {
                pages("leader " + escape(leader), after -> resolution.byActiveLeader(leader, after, 2));
                seen.read(RESOLUTION, "workload " + escape(leader), () -> Render.workload(resolution.workload(leader, end)));
            }
            for (String unit : q.unitIds()) pages("lead unit " + escape(unit), after -> resolution.byLeadUnit(unit, after, 2));
            for (String batch : q.batchIds()) pages("batch " + escape(batch), after -> resolution.byBatch(batch, after, 2));
            feed();
            clock.set(end);
            seen.read(REINDEX, "cases replaced", () -> String.valueOf(service.reindex()));
            for (String id : caseIds) {
                seen.read(REINDEX, "index row " + escape(id), () -> store.indexRow(id).map(Render::row).orElse("absent"));
            }
            seen.read(CLAIMS, "all due", () -> ((WorkClaims) store).claimDue(horizon, end, Duration.ofMinutes(5), "differential", 1_000)
                    .stream().map(Render::claim).collect(Collectors.joining(", ", "[", "]")));
            return seen;
        }

        private void attention(String label, AttentionQuery first) {
            CaseQuery query = (CaseQuery) store;
            int n = 0;
            try {
                AttentionQuery q = first;
                for (List<IndexRow> page = query.needingAttention(q); !page.isEmpty(); page = query.needingAttention(q)) {
                    for (IndexRow row : page) seen.values.put(ATTENTION + ": " + label + " #" + n++, Render.row(row));
                    q = q.after(page.get(page.size() - 1));
                    if (n > 100_000) throw new AssertionError(name + ": the attention query does not end");
                }
                seen.values.put(ATTENTION + ": " + label + " rows", String.valueOf(n));
            } catch (RuntimeException e) {
                seen.failed(ATTENTION, label + " rows", e);
            }
        }

        private void pages(String label, Function<String, List<IndexRow>> page) {
            int n = 0;
            try {
                String after = null;
                for (List<IndexRow> rows = page.apply(null); !rows.isEmpty(); rows = page.apply(after)) {
                    for (IndexRow row : rows) seen.values.put(RESOLUTION + ": " + label + " #" + n++, Render.row(row));
                    after = rows.get(rows.size() - 1).caseId();
                    if (n > 100_000) throw new AssertionError(name + ": a resolution listing does not end");
                }
                seen.values.put(RESOLUTION + ": " + label + " rows", String.valueOf(n));
            } catch (RuntimeException e) {
                seen.failed(RESOLUTION, label + " rows", e);
            }
        }

        private void feed() {
            ChangeFeed feed = (ChangeFeed) store;
            long position = 0;
            try {
                for (List<Change> page = feed.changesAfter(0, 7); !page.isEmpty(); page = feed.changesAfter(position, 7)) {
                    for (Change c : page) {
                        seen.values.put(FEED + ": #" + c.position(), Render.change(c));
                        position = c.position();
                    }
                }
                seen.values.put(FEED + ": last position", String.valueOf(position));
            } catch (RuntimeException e) {
                seen.failed(FEED, "last position", e);
            }
        }

        /** The final stage and resolution track of a case (read through the service), for the coverage line. */
        Optional<String> stageOf(String caseId) {
            try {
                return service.history(new CaseId(caseId)).map(CaseHistory::state).map(s -> s.stage()
                        + (s.resolution() == null ? "" : "/" + s.resolution().track()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public void close() {
            if (db != null) db.close();
        }
    }

    // ------------------------------------------------------------------ what the stores answered and hold

    /** What one store answered to one command. Equal outcomes: equal kind, text and events (the note is for people). */
    static final class Outcome {
        final String kind;
        final String text;
        final List<CaseEvent> events;
        final String note;

        private Outcome(String kind, String text, List<CaseEvent> events, String note) {
            this.kind = kind;
            this.text = text;
            this.events = events;
            this.note = note;
        }

        static Outcome of(CommandResult result) {
            if (result instanceof CommandResult.Applied a) {
                List<String> types = new ArrayList<>();
                for (CaseEvent e : a.events()) types.add(e.getClass().getSimpleName());
                return new Outcome(a.replayed() ? "REPLAYED" : "APPLIED", "v" + a.version() + " " + types, a.events(), null);
            }
            Rejection r = ((CommandResult.Rejected) result).rejection();
            return new Outcome("REJECTED " + r.code(), (r.field().map(f -> "at " + escape(f) + " ").orElse("")
                    + r.stage().map(s -> "in " + s).orElse("")).strip(), List.of(), null);
        }

        static Outcome invalid(IllegalArgumentException e) {
            return new Outcome("INVALID_VALUE " + e.getClass().getSimpleName(), "(not sent)", List.of(), message(e));
        }

        static Outcome thrown(RuntimeException e) {
            return new Outcome("EXCEPTION " + e.getClass().getSimpleName(), "", List.of(), e.getClass().getName() + ": " + message(e));
        }

        String display() {
            return kind + (text.isEmpty() ? "" : " " + text) + (note == null ? "" : ": " + note);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome other && kind.equals(other.kind) && text.equals(other.text) && events.equals(other.events);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, text, events);
        }
    }

    /** What one store was seen to hold after a sequence: rendered answers by "section: item", in reading order. */
    static final class Observed {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> notes = new HashMap<>();
        final List<String> listed = new ArrayList<>();

        void read(String section, String item, Supplier<String> answer) {
            try {
                values.put(section + ": " + item, answer.get());
            } catch (RuntimeException e) {
                failed(section, item, e);
            }
        }

        void failed(String section, String item, RuntimeException e) {
            values.put(section + ": " + item, "EXCEPTION " + e.getClass().getName());
            notes.put(section + ": " + item, message(e));
        }
    }

    private static String message(Throwable e) {
        StringBuilder b = new StringBuilder(escape(String.valueOf(e.getMessage())));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append(" (cause ").append(c.getClass().getSimpleName()).append(": ").append(escape(String.valueOf(c.getMessage()))).append(')');
        }
        return b.length() > 400 ? b.substring(0, 400) + "…" : b.toString();
    }

    /** Renderings for comparison: every string {@link HostileText#escape escaped}, so they differ when the strings do. */
    private static final class Render {
        private Render() {}

        static String storedCase(StoredCase c) {
            StringBuilder b = new StringBuilder("case ").append(escape(c.caseId())).append(" v").append(c.version())
                    .append(" | ").append(snapshot(c.snapshot()));
            for (StoredEvent e : c.events()) b.append(" | ").append(event(e));
            return b.toString();
        }

        static String snapshot(StoredSnapshot s) {
            return "snapshot " + escape(s.caseId()) + " v" + s.version() + " schema " + s.schemaVersion() + " " + escape(s.payload());
        }

        static String event(StoredEvent e) {
            return "event " + escape(e.caseId()) + " #" + e.sequence() + " " + escape(e.type()) + " schema " + e.schemaVersion()
                    + " at " + e.recordedAt() + " " + escape(e.payload());
        }

        private static final CaseCodec CODEC = CaseCodec.create();

        /** @return the events as the codec encodes them (type and payload), to show where two lists differ */
        static String caseEvents(List<CaseEvent> events) {
            return events.stream().map(CODEC::encode).map(e -> escape(e.type()) + " " + escape(e.payload()))
                    .collect(Collectors.joining(" | ", "[", "]"));
        }

        static String events(List<StoredEvent> events) {
            return events.stream().map(Render::event).collect(Collectors.joining(" | ", "[", "]"));
        }

        static String applied(AppliedCommand a) {
            return "case " + escape(a.caseId()) + " key " + escape(a.idempotencyKey()) + " v" + a.versionBefore() + "->"
                    + a.versionAfter() + " digest " + escape(a.commandDigest()) + " " + events(a.events());
        }

        static String change(Change c) {
            return "case " + escape(c.caseId()) + " v" + c.version() + " " + events(c.events());
        }

        static String row(IndexRow r) {
            return "row " + escape(r.caseId()) + " v" + r.version() + " schema " + r.schemaVersion() + " stage " + escape(r.stage())
                    + " region " + escape(r.regionCode()) + " handling " + escape(r.handlingUnit().orElse(null))
                    + " next " + r.nextAttentionAt().orElse(null) + " units " + strings(r.unitsInvolved())
                    + " track " + escape(r.trackState().orElse(null)) + " leader " + escape(r.activeLeader().orElse(null))
                    + " lead " + escape(r.leadUnit().orElse(null)) + " batches " + strings(r.batches())
                    + " due " + r.earliestDueAt().orElse(null);
        }

        static String workload(LeaderWorkload w) {
            return "leader " + escape(w.leader()) + " as of " + w.asOf() + ": " + w.activeCases() + " active, " + w.overdueCases() + " overdue";
        }

        static String claim(Claim c) {
            return escape(c.caseId()) + " by " + escape(c.owner()) + " until " + c.leasedUntil();
        }

        private static String strings(List<String> values) {
            return values.stream().map(HostileText::escape).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    // ------------------------------------------------------------------ counting and reporting

    /**
     * Counts outcomes, coverage and differences over a run. A sequence's first differing command is its root
     * difference (later ones often follow from it); the report shows the first root of each kind, then the first
     * differing stored record or query answer of each section not yet shown.
     */
    private static final class Tally {
        final long seed;
        final Integer commandBudget;
        int sequences;
        int commands;
        int notSent;
        long sends;
        final Map<String, Integer> outcomes = new TreeMap<>();
        final Map<String, Integer> appliedByCommand = new TreeMap<>();
        final Map<String, Integer> stages = new TreeMap<>();
        int differingCommands;
        final Set<Integer> differingSequences = new LinkedHashSet<>();
        final Map<String, Integer> commandKinds = new LinkedHashMap<>();
        final Map<String, Integer> rootKinds = new LinkedHashMap<>();
        int differingItems;
        final Map<String, Integer> itemSections = new LinkedHashMap<>();
        final Map<String, Integer> itemKinds = new LinkedHashMap<>();
        final Map<String, String> rootExamples = new LinkedHashMap<>();
        final Map<String, String> itemExamples = new LinkedHashMap<>();

        Tally(long seed, Integer commandBudget) {
            this.seed = seed;
            this.commandBudget = commandBudget;
        }

        /** @return whether the run has its commands (when a number was given) or its {@value #DEFAULT_SENDS} sends */
        boolean done() {
            return commandBudget != null ? commands >= commandBudget : sends >= DEFAULT_SENDS;
        }

        void sequence(Sequence q, List<Subject> subjects, List<List<Outcome>> outcomes, List<Observed> observed) {
            sequences++;
            boolean differed = false;
            for (Step step : q.steps()) {
                commands++;
                if (step.command() == null) notSent++;
                else sends += subjects.size();
                List<Outcome> answers = new ArrayList<>();
                for (List<Outcome> o : outcomes) answers.add(o.get(step.index()));
                Outcome reference = answers.get(0);
                this.outcomes.merge(reference.kind, 1, Integer::sum);
                if (reference.kind.equals("APPLIED")) appliedByCommand.merge(step.description().split(" ", 2)[0], 1, Integer::sum);
                if (answers.stream().allMatch(reference::equals)) continue;
                differingCommands++;
                String kind = commandKind(subjects, answers);
                commandKinds.merge(kind, 1, Integer::sum);
                if (!differed) {
                    rootKinds.merge(kind, 1, Integer::sum);
                    rootExamples.putIfAbsent(kind, example(q, step, subjects, answers));
                }
                differed = true;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (Observed o : observed) keys.addAll(o.values.keySet());
            for (String key : keys) {
                List<String> values = new ArrayList<>();
                for (Observed o : observed) values.add(o.values.getOrDefault(key, "<not read>"));
                if (values.stream().allMatch(values.get(0)::equals)) continue;
                differed = true;
                differingItems++;
                String section = key.substring(0, key.indexOf(": "));
                itemSections.merge(section, 1, Integer::sum);
                itemKinds.merge(section + ": " + groups(subjects, values), 1, Integer::sum);
                if (!itemExamples.containsKey(section)) {
                    StringBuilder b = new StringBuilder(where(q) + ", after its " + q.steps().size() + " steps: " + key);
                    int at = firstDifference(values);
                    for (int i = 0; i < subjects.size(); i++) {
                        String note = observed.get(i).notes.get(key);
                        b.append(String.format("%n      %-10s %s%s", subjects.get(i).name, window(values.get(i), at),
                                note == null ? "" : ": " + note));
                    }
                    itemExamples.put(section, b.toString());
                }
            }
            if (differed) differingSequences.add(q.index());
            Subject reference = subjects.get(0);
            Set<String> cases = new LinkedHashSet<>();
            for (Step step : q.steps()) if (step.command() != null) cases.add(step.command().caseId().value());
            for (String id : cases) reference.stageOf(id).ifPresent(st -> stages.merge(st, 1, Integer::sum));
        }

        private String example(Sequence q, Step step, List<Subject> subjects, List<Outcome> answers) {
            StringBuilder b = new StringBuilder(where(q) + ", step " + step.index() + " of " + q.steps().size() + " at "
                    + step.at() + ": " + step.description());
            Outcome reference = answers.get(0);
            boolean sameText = answers.stream().allMatch(a -> a.kind.equals(reference.kind) && a.text.equals(reference.text));
            List<String> events = new ArrayList<>();
            for (Outcome a : answers) events.add(Render.caseEvents(a.events));
            int at = firstDifference(events);
            for (int i = 0; i < subjects.size(); i++) {
                b.append(String.format("%n      %-10s %s", subjects.get(i).name, answers.get(i).display()));
                if (sameText) b.append(" events ").append(window(events.get(i), at));
            }
            return b.toString();
        }

        private String where(Sequence q) {
            return "sequence " + q.index() + " (run seed " + seed + ", sequence seed " + q.seed() + ")";
        }

        /** Which stores gave which kind of outcome, e.g. {@code IN_MEMORY=APPLIED; H2_MEMORY,H2_FILE=EXCEPTION CodecException}. */
        private static String commandKind(List<Subject> subjects, List<Outcome> answers) {
            List<String> kinds = new ArrayList<>();
            for (Outcome o : answers) kinds.add(o.kind);
            if (!kinds.stream().allMatch(kinds.get(0)::equals)) return groups(subjects, kinds);
            List<String> texts = new ArrayList<>();
            for (Outcome o : answers) texts.add(o.text);
            if (!texts.stream().allMatch(texts.get(0)::equals)) {
                return kinds.get(0) + " with different versions or fields: " + names(subjects, texts);
            }
            List<String> events = new ArrayList<>();
            for (Outcome o : answers) events.add(Render.caseEvents(o.events));
            return kinds.get(0) + " with different events: " + names(subjects, events);
        }

        /** Stores grouped by equal value: {@code A,B; C}. */
        private static String names(List<Subject> subjects, List<String> values) {
            return groups(subjects, values).replaceAll("=[^;]*", "");
        }

        /** Stores grouped by equal value: {@code A,B=x; C=y} (a value of 60 characters or more shown as its group's number). */
        private static String groups(List<Subject> subjects, List<String> values) {
            Map<String, List<String>> byValue = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) byValue.computeIfAbsent(values.get(i), v -> new ArrayList<>()).add(subjects.get(i).name);
            List<String> parts = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, List<String>> e : byValue.entrySet()) {
                n++;
                String v = e.getKey().length() < 60 || e.getKey().startsWith("EXCEPTION ") ? e.getKey() : "(" + n + ")";
                parts.add(String.join(",", e.getValue()) + "=" + v);
            }
            return String.join("; ", parts);
        }

        private static int firstDifference(List<String> values) {
            String reference = values.get(0);
            int at = Integer.MAX_VALUE;
            for (String v : values) {
                if (v.equals(reference)) continue;
                int i = 0;
                while (i < v.length() && i < reference.length() && v.charAt(i) == reference.charAt(i)) i++;
                at = Math.min(at, i);
            }
            return at == Integer.MAX_VALUE ? 0 : at;
        }

        /** Up to 200 characters of {@code v} around position {@code at}, and its length when cut. */
        private static String window(String v, int at) {
            if (v.length() <= 200) return v;
            int from = Math.max(0, Math.min(at - 60, v.length() - 200));
            int to = Math.min(v.length(), from + 200);
            return (from > 0 ? "…" : "") + v.substring(from, to) + (to < v.length() ? "…" : "") + " (" + v.length() + " chars)";
        }

        String summary(List<Subject> subjects) {
            List<String> names = new ArrayList<>();
            for (Subject s : subjects) names.add(s.name);
            return "StoreDifferentialProperties: seed " + seed + "; " + commands + " commands in " + sequences + " sequences for "
                    + subjects.size() + " stores " + names + ": " + (commands - notSent) + " sent to each (" + sends + " sends), "
                    + notSent + " not sent (a value refused when constructed); outcomes on " + names.get(0) + ": " + outcomes
                    + "; differing commands: " + differingCommands + " (" + rootKinds.values().stream().mapToInt(Integer::intValue).sum()
                    + " first in their sequence) in " + differingSequences.size() + " sequences; differing stored records and query answers: "
                    + differingItems + " " + itemSections
                    + System.lineSeparator() + "StoreDifferentialProperties coverage: stage/track of each case at the end "
                    + stages + "; applied (not replayed) by command " + appliedByCommand;
        }

        String report(List<Subject> subjects) {
            StringBuilder b = new StringBuilder("The stores disagree (seed " + seed + "; reproduce with -D" + SEED_PROPERTY + "=" + seed
                    + (commandBudget == null ? "" : " -D" + COMMANDS_PROPERTY + "=" + commandBudget)
                    + ", or one sequence with -D" + SEED_PROPERTY + "=" + seed + " -D" + SEQUENCE_PROPERTY + "=N).");
            b.append(String.format("%n%s", summary(subjects)));
            b.append(String.format("%nFirst differing command of each sequence, by kind (%d):", rootKinds.values().stream()
                    .mapToInt(Integer::intValue).sum()));
            top(b, rootKinds);
            b.append(String.format("%nAll differing commands, by kind (%d):", differingCommands));
            top(b, commandKinds);
            b.append(String.format("%nDiffering stored records and query answers, by kind (%d):", differingItems));
            top(b, itemKinds);
            b.append(String.format("%nExamples (the first root difference of each kind, then the first difference of each section):"));
            List<String> examples = new ArrayList<>(rootExamples.values());
            examples.addAll(itemExamples.values());
            for (int i = 0; i < Math.min(EXAMPLES, examples.size()); i++) b.append(String.format("%n  %d) %s", i + 1, examples.get(i)));
            if (examples.size() > EXAMPLES) b.append(String.format("%n  … and %d more", examples.size() - EXAMPLES));
            return b.toString();
        }

        private static void top(StringBuilder b, Map<String, Integer> counts) {
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
            entries.sort((x, y) -> Integer.compare(y.getValue(), x.getValue()));
            for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(12, entries.size()))) {
                b.append(String.format("%n  %6d  %s", e.getValue(), e.getKey()));
            }
            if (entries.size() > 12) b.append(String.format("%n  … and %d more kinds", entries.size() - 12));
        }
    }
}
