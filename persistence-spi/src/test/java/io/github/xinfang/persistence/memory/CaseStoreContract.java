package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.memory.CaseStoreModel.Attempt;
import io.github.xinfang.persistence.memory.CaseStoreModel.Outcome;
import org.quicktheories.QuickTheory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static io.github.xinfang.persistence.memory.StoredRecordGenerators.CASE_IDS;
import static io.github.xinfang.persistence.memory.StoredRecordGenerators.histories;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules S1 to S7 of {@link CaseStore} as model-based properties over any store. Each property runs
 * random commit sequences on several cases against a fresh store and a fresh {@link CaseStoreModel},
 * checks after every step that the store did what the model allows (commit, or one of the failures that
 * apply), then checks what its rule says about the store's visible state. QuickTheories shrinks a failure
 * to a minimal sequence and prints the seed. Written against the SPI only, so the test kit can adopt it.
 */
final class CaseStoreContract {

    /** A rule's check after one step. */
    @FunctionalInterface
    private interface StepCheck {
        void after(CaseStore store, CaseStoreModel model, Attempt attempt, RuntimeException failure);
    }

    private static final String UNKNOWN_CASE = "never-committed";

    private final Supplier<CaseStore> stores;
    private final Supplier<QuickTheory> theory;

    /** @param stores makes a fresh, empty store for each generated sequence */
    CaseStoreContract(Supplier<CaseStore> stores) {
        this(stores, QuickTheory::qt);
    }

    /**
     * @param stores makes a fresh, empty store for each generated sequence
     * @param theory the QuickTheories settings (the self-tests limit shrinking)
     */
    CaseStoreContract(Supplier<CaseStore> stores, Supplier<QuickTheory> theory) {
        this.stores = stores;
        this.theory = theory;
    }

    /** S1: events and snapshots come back field for field, payloads byte for byte. */
    void s1_storedRecordsComeBackByteForByte() {
        run((store, model, attempt, failure) -> {
            for (String caseId : CASE_IDS) {
                Optional<StoredCase> loaded = store.load(caseId);
                if (model.version(caseId) == 0) continue;
                assertThat(loaded).as("load(%s)", caseId).isPresent();
                assertSameRecords(loaded.get().events(), model.events(caseId));
                assertSameSnapshot(loaded.get().snapshot(), model.snapshot(caseId).orElseThrow());
                var lastCommit = model.commits(caseId).get(model.commits(caseId).size() - 1);
                var applied = store.findApplied(caseId, lastCommit.idempotencyKey());
                assertThat(applied).as("findApplied of the last commit of %s", caseId).isPresent();
                assertSameRecords(applied.get().events(), lastCommit.events());
            }
        });
    }

    /** S2: after every step the store shows every part of each successful commit and no part of a failed one. */
    void s2_commitIsAtomic() {
        run((store, model, attempt, failure) -> {
            for (String caseId : CASE_IDS) {
                assertThat(store.load(caseId).map(StoredCase::version)).as("version of %s", caseId)
                        .isEqualTo(model.version(caseId) == 0 ? Optional.empty() : Optional.of(model.version(caseId)));
                assertThat(store.load(caseId).map(StoredCase::events).orElse(List.of())).as("events of %s", caseId)
                        .isEqualTo(model.events(caseId));
                assertThat(store.load(caseId).map(StoredCase::snapshot)).as("snapshot of %s", caseId)
                        .isEqualTo(model.snapshot(caseId));
                assertThat(store.indexRow(caseId)).as("index row of %s", caseId).isEqualTo(model.indexRow(caseId));
                for (String key : model.triedKeys()) {
                    assertThat(store.findApplied(caseId, key)).as("findApplied(%s, %s)", caseId, key)
                            .isEqualTo(model.applied(caseId, key));
                }
            }
        });
    }

    /** S3: a commit at a stale or future version throws a conflict naming the versions and changes nothing. */
    void s3_staleVersionFailsAndChangesNothing() {
        run((store, model, attempt, failure) -> {
            String caseId = attempt.commit().caseId();
            if (failure instanceof VersionConflictException) {
                VersionConflictException conflict = (VersionConflictException) failure;
                assertThat(attempt.commit().expectedVersion()).as("a conflict only for a wrong expected version")
                        .isNotEqualTo(attempt.versionBefore());
                assertThat(conflict.caseId()).isEqualTo(caseId);
                assertThat(conflict.expectedVersion()).isEqualTo(attempt.commit().expectedVersion());
                assertThat(conflict.actualVersion()).isIn(attempt.versionBefore(), -1L);
            }
            if (attempt.commit().expectedVersion() != attempt.versionBefore()) {
                assertThat(failure).as("commit at version %d over stored %d", attempt.commit().expectedVersion(),
                        attempt.versionBefore()).isNotNull();
            }
            assertThat(store.load(caseId).map(StoredCase::version).orElse(0L)).as("version of %s", caseId)
                    .isEqualTo(model.version(caseId));
            assertThat(store.load(caseId).map(StoredCase::events).orElse(List.of())).as("events of %s", caseId)
                    .isEqualTo(model.events(caseId));
            assertThat(store.indexRow(caseId)).as("index row of %s", caseId).isEqualTo(model.indexRow(caseId));
        });
    }

    /** S4: version = number of commits; sequences 1..n without gaps; a gap or overlap is refused. */
    void s4_sequencesContinueWithoutGaps() {
        run((store, model, attempt, failure) -> {
            for (String caseId : CASE_IDS) {
                Optional<StoredCase> loaded = store.load(caseId);
                long commits = model.version(caseId);
                assertThat(loaded.map(StoredCase::version).orElse(0L)).as("version of %s", caseId).isEqualTo(commits);
                List<StoredEvent> events = loaded.map(StoredCase::events).orElse(List.of());
                assertThat(events).as("events of %s", caseId).hasSize(model.events(caseId).size());
                for (int i = 0; i < events.size(); i++) {
                    assertThat(events.get(i).sequence()).as("sequence at index %d of %s", i, caseId).isEqualTo(i + 1L);
                }
            }
        });
    }

    /** S5: a key already recorded for the case is refused; every recorded key finds exactly its commit. */
    void s5_duplicateKeyIsRefusedAndLookupReturnsTheCommit() {
        run((store, model, attempt, failure) -> {
            String caseId = attempt.commit().caseId();
            String key = attempt.commit().idempotencyKey();
            if (failure instanceof DuplicateCommandException) {
                DuplicateCommandException duplicate = (DuplicateCommandException) failure;
                assertThat(model.applied(caseId, key)).as("a duplicate only for a recorded key").isPresent();
                assertThat(duplicate.caseId()).isEqualTo(caseId);
                assertThat(duplicate.idempotencyKey()).isEqualTo(key);
            }
            for (String id : CASE_IDS) {
                for (String k : model.triedKeys()) {
                    assertThat(store.findApplied(id, k)).as("findApplied(%s, %s)", id, k)
                            .isEqualTo(model.applied(id, k));
                }
            }
            assertThat(store.findApplied(UNKNOWN_CASE, key)).isEmpty();
        });
    }

    /** S6: load returns the latest version, its snapshot and the whole history in order; unknown is empty. */
    void s6_loadReturnsLatestVersionAndWholeHistory() {
        run((store, model, attempt, failure) -> {
            for (String caseId : CASE_IDS) {
                Optional<StoredCase> loaded = store.load(caseId);
                if (model.version(caseId) == 0) {
                    assertThat(loaded).as("load of uncommitted %s", caseId).isEmpty();
                    continue;
                }
                assertThat(loaded).as("load(%s)", caseId).isPresent();
                assertThat(loaded.get().caseId()).isEqualTo(caseId);
                assertThat(loaded.get().version()).isEqualTo(model.version(caseId));
                assertThat(loaded.get().snapshot()).isEqualTo(model.snapshot(caseId).orElseThrow());
                assertThat(loaded.get().events()).containsExactlyElementsOf(model.events(caseId));
            }
            assertThat(store.load(UNKNOWN_CASE)).isEmpty();
        });
    }

    /** S7: the index row is the one of the latest commit; unknown is empty. */
    void s7_indexRowIsTheLastCommitted() {
        run((store, model, attempt, failure) -> {
            for (String caseId : CASE_IDS) {
                assertThat(store.indexRow(caseId)).as("index row of %s", caseId).isEqualTo(model.indexRow(caseId));
                store.indexRow(caseId).ifPresent(row ->
                        assertThat(row.version()).isEqualTo(store.load(caseId).orElseThrow().version()));
            }
            assertThat(store.indexRow(UNKNOWN_CASE)).isEmpty();
        });
    }

    private void run(StepCheck check) {
        theory.get().forAll(histories()).checkAssert(steps -> {
            CaseStore store = stores.get();
            CaseStoreModel model = new CaseStoreModel();
            for (var step : steps) {
                Attempt attempt = model.plan(step);
                RuntimeException failure = null;
                Outcome outcome;
                try {
                    store.commit(attempt.commit());
                    outcome = Outcome.COMMITTED;
                } catch (VersionConflictException e) {
                    failure = e;
                    outcome = Outcome.CONFLICT;
                } catch (DuplicateCommandException e) {
                    failure = e;
                    outcome = Outcome.DUPLICATE;
                } catch (IllegalArgumentException e) {
                    failure = e;
                    outcome = Outcome.BAD_SEQUENCE;
                }
                assertThat(outcome).as("outcome of %s", attempt.commit()).isIn(attempt.allowed());
                if (attempt.mustCommit()) model.record(attempt.commit());
                check.after(store, model, attempt, failure);
            }
        });
    }

    private static void assertSameRecords(List<StoredEvent> actual, List<StoredEvent> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            StoredEvent a = actual.get(i);
            StoredEvent e = expected.get(i);
            assertThat(a.caseId()).isEqualTo(e.caseId());
            assertThat(a.sequence()).isEqualTo(e.sequence());
            assertThat(a.type()).isEqualTo(e.type());
            assertThat(a.schemaVersion()).isEqualTo(e.schemaVersion());
            assertThat(a.recordedAt()).isEqualTo(e.recordedAt());
            assertThat(a.payload().getBytes(UTF_8)).as("payload bytes of event %d", e.sequence())
                    .isEqualTo(e.payload().getBytes(UTF_8));
        }
    }

    private static void assertSameSnapshot(StoredSnapshot actual, StoredSnapshot expected) {
        assertThat(actual.caseId()).isEqualTo(expected.caseId());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.schemaVersion()).isEqualTo(expected.schemaVersion());
        assertThat(actual.payload().getBytes(UTF_8)).as("snapshot payload bytes").isEqualTo(expected.payload().getBytes(UTF_8));
    }
}
