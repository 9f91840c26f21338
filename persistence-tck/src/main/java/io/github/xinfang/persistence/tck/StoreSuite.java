package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * What the test interfaces share: the property runner at the configured scale, a fresh store per test, and the
 * commits, observations and concurrent writers the suites of several ports use. Not part of the kit's API.
 */
final class StoreSuite {

    /** An instant after every generated one. */
    static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");
    /** The case id of template commits, moved onto real cases by {@link #rebase}. */
    static final String TEMPLATE_ID = "XF-000000-0000-000000";

    /** The instant the work-claim tests claim at. */
    static final Instant CLAIM_NOW = Instant.parse("2024-03-03T09:00:00Z");
    /** The lease of the work-claim tests. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private StoreSuite() {}

    /** A property runner at the kit's scale; shrinking is bounded so a slow adapter stays usable. */
    static QuickTheory theory(StoreFactory<?> kit) {
        return qt().withExamples(kit.examples()).withShrinkCycles(Math.max(20, kit.examples()));
    }

    /** Runs a body against a fresh store and disposes of the store afterwards. */
    static <S extends CaseStore> void inFreshStore(StoreFactory<S> kit, Consumer<S> body) {
        S store = kit.newStore();
        if (store == null) throw new AssertionError("newStore() returned null: it must return a fresh, empty store");
        try {
            body.accept(store);
        } finally {
            kit.closeStore(store);
        }
    }

    // ---- shared helpers ----

    /** Commits every commit in order, failing with the rule it breaks if the store refuses a valid one. */
    static void commitAll(CaseStore store, List<CaseCommit> commits) {
        for (CaseCommit c : commits) commitValid(store, c);
    }

    /**
     * Commits the commits to the store under test, as {@link #commitAll} does, and to a fresh in-memory store, the
     * reference its answers are compared with.
     *
     * @return the reference store, holding the same commits
     */
    static InMemoryCaseStore commitAllWithReference(CaseStore store, List<CaseCommit> commits) {
        commitAll(store, commits);
        InMemoryCaseStore reference = InMemoryCaseStore.create();
        commitAll(reference, commits);
        return reference;
    }

    /** What a rule checks after each commit {@link #commitEach} makes. */
    @FunctionalInterface
    interface AfterCommit {
        /**
         * @param commit the commit just acknowledged
         * @param before the case's index row before it, or null for a new case
         * @param latest each committed case's latest index row, the commit's included, in order of first commit
         */
        void check(CaseCommit commit, IndexRow before, Map<String, IndexRow> latest);
    }

    /** Commits the commits one by one, as {@link #commitValid} does, and runs the check after each. */
    static void commitEach(CaseStore store, List<CaseCommit> commits, AfterCommit check) {
        Map<String, IndexRow> latest = new LinkedHashMap<>();
        for (CaseCommit c : commits) {
            IndexRow before = latest.get(c.caseId());
            commitValid(store, c);
            latest.put(c.caseId(), c.indexRow());
            check.check(c, before, latest);
        }
    }

    static void commitValid(CaseStore store, CaseCommit c) {
        try {
            store.commit(c);
        } catch (RuntimeException e) {
            throw new AssertionError("S3/S4: a valid commit on case " + c.caseId() + " at expected version "
                    + c.expectedVersion() + " (first sequence " + c.events().get(0).sequence() + ") was refused with "
                    + e + ": the stored version or sequence is not the number of commits/events so far", e);
        }
    }

    /** The commits of each case, in order. */
    static Map<String, List<CaseCommit>> byCase(List<CaseCommit> commits) {
        Map<String, List<CaseCommit>> out = new LinkedHashMap<>();
        for (CaseCommit c : commits) out.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(c);
        return out;
    }

    /** The history a case must have after its commits. */
    static List<StoredEvent> eventsOf(List<CaseCommit> commits) {
        List<StoredEvent> events = new ArrayList<>();
        for (CaseCommit c : commits) events.addAll(c.events());
        return events;
    }

    /** The last commit of each case. */
    static List<CaseCommit> lastCommits(List<CaseCommit> commits) {
        List<CaseCommit> out = new ArrayList<>();
        for (List<CaseCommit> ofCase : byCase(commits).values()) out.add(ofCase.get(ofCase.size() - 1));
        return out;
    }

    /** Each case's latest row among the commits, in commit order of the cases' first commits. */
    static Map<String, IndexRow> latestRows(List<CaseCommit> commits) {
        Map<String, IndexRow> latest = new LinkedHashMap<>();
        for (CaseCommit c : commits) latest.put(c.caseId(), c.indexRow());
        return latest;
    }

    /** The case ids of rows, in order. */
    static List<String> caseIds(List<IndexRow> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        for (IndexRow r : rows) ids.add(r.caseId());
        return ids;
    }

    /** A write another client makes between two pages of a listing: a new case or an existing one. */
    record Write(String newCaseId, int pick, CaseCommit template) {
        /**
         * Commits the template: in one write of three to a case of {@code cases} with the template's row, otherwise
         * to the new case with the row {@code joining} makes of it (a row of the listing paged).
         *
         * @return the case written
         */
        String commit(CaseStore store, List<String> cases, UnaryOperator<IndexRow> joining, int n) {
            boolean old = pick % 3 == 0;
            String caseId = old ? cases.get(pick % cases.size()) : newCaseId;
            IndexRow row = old ? template.indexRow() : joining.apply(template.indexRow());
            CaseCommit moved = new CaseCommit(TEMPLATE_ID, 0, template.events(), template.snapshot(), row, "tmpl",
                    template.commandDigest());
            commitValid(store, rebase(moved, caseId, version(store, caseId), nextSequence(store, caseId), "between-" + n));
            return caseId;
        }
    }

    static Gen<Write> writes() {
        Gen<CaseCommit> templates = StoredRecordGenerators.commits(TEMPLATE_ID, 0, 1, "tmpl");
        return in -> new Write(StoredRecordGenerators.caseIds().generate(in), integers().between(0, 1_000).generate(in),
                templates.generate(in));
    }

    static long version(CaseStore store, String caseId) {
        return store.load(caseId).map(StoredCase::version).orElse(0L);
    }

    static long nextSequence(CaseStore store, String caseId) {
        return store.load(caseId).map(c -> c.events().size() + 1L).orElse(1L);
    }

    /**
     * A commit with the content of a template, moved onto a case at a version: for writes whose version
     * is only known when they run.
     */
    static CaseCommit rebase(CaseCommit template, String caseId, long expectedVersion, long nextSequence, String key) {
        List<StoredEvent> events = new ArrayList<>();
        long seq = nextSequence;
        for (StoredEvent e : template.events()) {
            events.add(new StoredEvent(caseId, seq++, e.type(), e.schemaVersion(), e.payload(), e.recordedAt()));
        }
        StoredSnapshot s = template.snapshot();
        IndexRow row = copyRow(template.indexRow(), caseId, expectedVersion + 1);
        return new CaseCommit(caseId, expectedVersion, events,
                new StoredSnapshot(caseId, expectedVersion + 1, s.schemaVersion(), s.payload()), row, key,
                template.commandDigest());
    }

    static IndexRow copyRow(IndexRow r, String caseId, long version) {
        return IndexRow.builder(caseId).schemaVersion(r.schemaVersion()).version(version).stage(r.stage())
                .regionCode(r.regionCode()).handlingUnit(r.handlingUnit().orElse(null))
                .nextAttentionAt(r.nextAttentionAt().orElse(null)).unitsInvolved(r.unitsInvolved())
                .trackState(r.trackState().orElse(null)).activeLeader(r.activeLeader().orElse(null))
                .leadUnit(r.leadUnit().orElse(null)).batches(r.batches()).earliestDueAt(r.earliestDueAt().orElse(null))
                .clockDues(r.clockDues()).subjectTags(r.subjectTags()).lastPetitionOn(r.lastPetitionOn().orElse(null)).build();
    }

    /** Everything a reader can see of a case through the {@link CaseStore} port. */
    record Observed(Optional<StoredCase> stored, Optional<IndexRow> row, Optional<AppliedCommand> applied) {
        static Observed of(CaseStore store, String caseId, String key) {
            return new Observed(store.load(caseId), store.indexRow(caseId), store.findApplied(caseId, key));
        }
    }

    /**
     * Checks that a call with a bad argument is refused with the exception its rule says, naming the parameter.
     *
     * @param rule the rule, for the message ({@code R7})
     */
    /**
     * A region prefix a generated query asks for: every region ({@code kind} 0), a prefix of a stored case's region
     * (1, of {@code length} digits), or a prefix no stored region has (2).
     *
     * @param kind which of the three
     * @param pick which stored region
     * @param length how many of its digits
     * @param regions the stored cases' regions, not empty
     * @return the prefix
     */
    static String regionPrefix(int kind, int pick, int length, List<String> regions) {
        if (kind == 0) return "";
        String region = regions.get(pick % regions.size());
        return kind == 1 ? region.substring(0, Math.min(length, region.length())) : "9";
    }

    /**
     * Expects a paged query to refuse region prefixes that are not zero to six ASCII digits, and a limit below 1, with
     * {@link IllegalArgumentException} naming the parameter.
     *
     * @param rule the rule checked
     * @param method the query's name, for the message
     * @param query the query, called with a prefix and a limit
     */
    static void expectPrefixAndLimitRefusals(String rule, String method, java.util.function.ObjIntConsumer<String> query) {
        for (String bad : List.of("45a", "1234567", " 45", "\uFF14\uFF15")) {
            expectRefusal(rule, IllegalArgumentException.class, "regionPrefix", method + "(\"" + bad + "\", …)",
                    () -> query.accept(bad, 10));
        }
        expectRefusal(rule, IllegalArgumentException.class, "limit", method + "(\"45\", …, 0)", () -> query.accept("45", 0));
    }

    static void expectRefusal(String rule, Class<? extends RuntimeException> type, String naming, String call,
                              Runnable code) {
        Throwable thrown = thrownBy(code);
        if (!type.isInstance(thrown)) {
            throw new AssertionError(rule + ": " + call + " must throw " + type.getSimpleName() + " (naming '" + naming
                    + "'), but " + (thrown == null ? "returned normally" : "threw " + thrown), thrown);
        }
        if (thrown.getMessage() == null || !thrown.getMessage().contains(naming)) {
            throw new AssertionError(rule + ": " + call + " threw " + thrown + ", whose message does not name '" + naming
                    + "' (Objects.requireNonNull(" + naming + ", \"" + naming + "\"))", thrown);
        }
    }

    /** Runs code that must fail; returns what it threw, or null. */
    static Throwable thrownBy(Runnable code) {
        try {
            code.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    // ---- concurrent writers (S3, F1, F2) ----

    private static final Instant SAMPLE_AT = Instant.parse("2024-03-01T08:00:00Z");

    /** A commit drawing no randomness: one to three events with fixed tricky payloads. */
    static CaseCommit sampleCommit(String caseId, long expectedVersion, long nextSequence, String key, int salt) {
        List<StoredEvent> events = new ArrayList<>();
        int n = 1 + Math.floorMod(salt, 3);
        for (int i = 0; i < n; i++) {
            events.add(new StoredEvent(caseId, nextSequence + i, "CaseRouted", 1,
                    StoredRecordGenerators.samplePayload(salt + i), SAMPLE_AT.plusNanos(salt * 1_001L + i)));
        }
        IndexRow row = IndexRow.builder(caseId).version(expectedVersion + 1).stage("IN_HANDLING").regionCode("440103")
                .nextAttentionAt(SAMPLE_AT.plusSeconds(3_600L * Math.floorMod(salt, 48)))
                .unitsInvolved(List.of("unit-gz-xfj")).build();
        return new CaseCommit(caseId, expectedVersion, events,
                new StoredSnapshot(caseId, expectedVersion + 1, 1, StoredRecordGenerators.samplePayload(salt + 1)), row,
                key, "digest-" + key);
    }

    /** One commit attempt of a concurrent writer, in the order the writer made it. */
    record Attempt(int writer, CaseCommit commit, boolean succeeded) {}

    /**
     * Writers that each read a case, commit at the version they read, and count a conflict as a lost race;
     * every attempt is recorded.
     */
    static List<Attempt> concurrentWriters(CaseStore store, List<String> cases, int writers, int attemptsPerWriter) {
        List<List<Attempt>> perWriter = Race.run(writers, w -> () -> {
            List<Attempt> mine = new ArrayList<>();
            for (int i = 0; i < attemptsPerWriter; i++) {
                String caseId = cases.get(Math.floorMod(i * 7 + w * 3, cases.size()));
                Optional<StoredCase> current = store.load(caseId);
                long v = current.map(StoredCase::version).orElse(0L);
                long next = current.map(c -> c.events().size() + 1L).orElse(1L);
                CaseCommit c = sampleCommit(caseId, v, next, "w" + w + "-" + i, w * 31 + i);
                boolean ok;
                try {
                    store.commit(c);
                    ok = true;
                } catch (io.github.xinfang.persistence.VersionConflictException e) {
                    ok = false;
                } catch (RuntimeException e) {
                    throw new AssertionError("S3: a commit at expected version " + v + " on case " + caseId
                            + " racing other writers failed with " + e + " instead of succeeding or throwing"
                            + " VersionConflictException: translate the database's unique-key or serialisation"
                            + " failure into VersionConflictException", e);
                }
                mine.add(new Attempt(w, c, ok));
            }
            return mine;
        });
        List<Attempt> all = new ArrayList<>();
        perWriter.forEach(all::addAll);
        return all;
    }

    /** Checks that no update was lost: one winner per expected version, and the history is the winners'. */
    static void assertNoLostUpdate(CaseStore store, List<Attempt> attempts) {
        Map<String, Map<Long, Attempt>> winners = new LinkedHashMap<>();
        for (Attempt a : attempts) {
            if (!a.succeeded()) continue;
            Attempt earlier = winners.computeIfAbsent(a.commit().caseId(), k -> new java.util.TreeMap<>())
                    .put(a.commit().expectedVersion(), a);
            if (earlier != null) {
                throw new AssertionError("S3: two commits at expected version " + a.commit().expectedVersion()
                        + " on case " + a.commit().caseId() + " both succeeded (keys " + earlier.commit().idempotencyKey()
                        + " and " + a.commit().idempotencyKey() + "): the version check must be atomic with the write"
                        + " (a conditional update or a unique constraint), not a read followed by a write");
            }
        }
        for (Map.Entry<String, Map<Long, Attempt>> e : winners.entrySet()) {
            String caseId = e.getKey();
            List<CaseCommit> commits = new ArrayList<>();
            long expected = 0;
            for (Map.Entry<Long, Attempt> w : e.getValue().entrySet()) {
                if (w.getKey() != expected) {
                    throw new AssertionError("S3: on case " + caseId + " a commit at expected version " + w.getKey()
                            + " succeeded although no commit produced version " + w.getKey() + ": the version check is"
                            + " not done against the stored version");
                }
                commits.add(w.getValue().commit());
                expected++;
            }
            StoredCase loaded = store.load(caseId).orElseThrow(() -> new AssertionError(
                    "S3/S6: case " + caseId + " had successful commits but load() finds nothing"));
            if (loaded.version() != commits.size() || !loaded.events().equals(eventsOf(commits))) {
                throw new AssertionError("S3: lost update on case " + caseId + ": " + commits.size()
                        + " commits succeeded but the store holds version " + loaded.version() + " with "
                        + loaded.events().size() + " events (expected " + eventsOf(commits).size() + "): the version"
                        + " check must be atomic with the write (a conditional update or a unique constraint)");
            }
        }
        for (Attempt a : attempts) {
            boolean recorded = store.findApplied(a.commit().caseId(), a.commit().idempotencyKey()).isPresent();
            if (recorded != a.succeeded()) {
                throw new AssertionError((a.succeeded()
                        ? "S2/S5: the successful commit " + a.commit().idempotencyKey() + " has no idempotency record"
                        : "S2/S3: the commit " + a.commit().idempotencyKey() + " was refused with VersionConflictException"
                                + " but its idempotency record was kept: a refused commit must change nothing")
                        + " (case " + a.commit().caseId() + ")");
            }
        }
    }
}
