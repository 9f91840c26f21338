package io.github.xinfang.persistence;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The SPI's stored records check their arguments at the boundary: a null argument throws
 * {@link NullPointerException} and an out-of-range or inconsistent one {@link IllegalArgumentException},
 * each naming the parameter; valid arguments are kept as given and lists are copied.
 */
class StoredRecordTests {

    private static final Instant AT = Instant.parse("2024-03-01T02:00:00Z");
    private static final String CASE = "积案-1";

    private static StoredEvent event(long sequence) {
        return new StoredEvent(CASE, sequence, "Registered", 1, "{\"a\":1}", AT);
    }

    private static StoredSnapshot snapshot(long version) {
        return new StoredSnapshot(CASE, version, 1, "{}");
    }

    private static IndexRow row(long version) {
        return IndexRow.builder(CASE).version(version).stage("REGISTERED").regionCode("440103").build();
    }

    private static CaseCommit commit(long expected, List<StoredEvent> events) {
        return new CaseCommit(CASE, expected, events, snapshot(expected + 1), row(expected + 1), "key-1", "sha256:ab");
    }

    /** One rejected construction: the exception type and the parameter its message must name. */
    private record Rejection(String name, Class<? extends RuntimeException> type, String parameter, ThrowingCallable call) {}

    private static Rejection npe(String parameter, ThrowingCallable call) {
        return new Rejection("null " + parameter, NullPointerException.class, parameter, call);
    }

    private static Rejection iae(String what, String parameter, ThrowingCallable call) {
        return new Rejection(what, IllegalArgumentException.class, parameter, call);
    }

    private static Stream<DynamicTest> rejections(List<Rejection> rejections) {
        return rejections.stream().map(r -> dynamicTest(r.name() + " is refused naming " + r.parameter(), () ->
                assertThatThrownBy(r.call()).isExactlyInstanceOf(r.type()).hasMessageContaining(r.parameter())));
    }

    @TestFactory
    Stream<DynamicTest> storedEventRefusesBadArguments() {
        return rejections(List.of(
                npe("caseId", () -> new StoredEvent(null, 1, "T", 1, "p", AT)),
                npe("type", () -> new StoredEvent(CASE, 1, null, 1, "p", AT)),
                npe("payload", () -> new StoredEvent(CASE, 1, "T", 1, null, AT)),
                npe("recordedAt", () -> new StoredEvent(CASE, 1, "T", 1, "p", null)),
                iae("blank caseId", "caseId", () -> new StoredEvent(" \t", 1, "T", 1, "p", AT)),
                iae("blank type", "type", () -> new StoredEvent(CASE, 1, "", 1, "p", AT)),
                iae("sequence 0", "sequence", () -> new StoredEvent(CASE, 0, "T", 1, "p", AT)),
                iae("negative sequence", "sequence", () -> new StoredEvent(CASE, Long.MIN_VALUE, "T", 1, "p", AT)),
                iae("schemaVersion 0", "schemaVersion", () -> new StoredEvent(CASE, 1, "T", 0, "p", AT))));
    }

    @Test
    void storedEventKeepsAnyPayloadAsGiven() {
        String payload = " \n{\"text\":\"他说：\\\"你好\\\" 😀\"}\t ";
        StoredEvent e = new StoredEvent(CASE, Long.MAX_VALUE, "T", Integer.MAX_VALUE, payload, Instant.MIN);
        assertThat(e.payload()).isEqualTo(payload);
        assertThat(new StoredEvent(CASE, 1, "T", 1, "", AT).payload()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> storedSnapshotRefusesBadArguments() {
        return rejections(List.of(
                npe("caseId", () -> new StoredSnapshot(null, 1, 1, "{}")),
                npe("payload", () -> new StoredSnapshot(CASE, 1, 1, null)),
                iae("blank caseId", "caseId", () -> new StoredSnapshot(" ", 1, 1, "{}")),
                iae("version 0", "version", () -> new StoredSnapshot(CASE, 0, 1, "{}")),
                iae("schemaVersion 0", "schemaVersion", () -> new StoredSnapshot(CASE, 1, 0, "{}"))));
    }

    @TestFactory
    Stream<DynamicTest> caseCommitRefusesBadOrInconsistentParts() {
        List<StoredEvent> one = List.of(event(1));
        return rejections(List.of(
                npe("caseId", () -> new CaseCommit(null, 0, one, snapshot(1), row(1), "k", "d")),
                npe("events", () -> new CaseCommit(CASE, 0, null, snapshot(1), row(1), "k", "d")),
                npe("snapshot", () -> new CaseCommit(CASE, 0, one, null, row(1), "k", "d")),
                npe("indexRow", () -> new CaseCommit(CASE, 0, one, snapshot(1), null, "k", "d")),
                npe("idempotencyKey", () -> new CaseCommit(CASE, 0, one, snapshot(1), row(1), null, "d")),
                npe("commandDigest", () -> new CaseCommit(CASE, 0, one, snapshot(1), row(1), "k", null)),
                iae("blank caseId", "caseId", () -> new CaseCommit(" ", 0, one, snapshot(1), row(1), "k", "d")),
                iae("negative expectedVersion", "expectedVersion",
                        () -> new CaseCommit(CASE, -1, one, snapshot(0 + 1), row(1), "k", "d")),
                iae("blank idempotencyKey", "idempotencyKey",
                        () -> new CaseCommit(CASE, 0, one, snapshot(1), row(1), " ", "d")),
                iae("blank commandDigest", "commandDigest",
                        () -> new CaseCommit(CASE, 0, one, snapshot(1), row(1), "k", "")),
                iae("no events", "events", () -> new CaseCommit(CASE, 0, List.of(), snapshot(1), row(1), "k", "d")),
                iae("an event of another case", "events", () -> new CaseCommit(CASE, 0,
                        List.of(event(1), new StoredEvent("other", 2, "T", 1, "p", AT)), snapshot(1), row(1), "k", "d")),
                iae("a gap between events", "events",
                        () -> new CaseCommit(CASE, 0, List.of(event(1), event(3)), snapshot(1), row(1), "k", "d")),
                iae("events out of order", "events",
                        () -> new CaseCommit(CASE, 0, List.of(event(2), event(1)), snapshot(1), row(1), "k", "d")),
                iae("a repeated event", "events",
                        () -> new CaseCommit(CASE, 0, List.of(event(1), event(1)), snapshot(1), row(1), "k", "d")),
                iae("a snapshot of another case", "snapshot", () -> new CaseCommit(CASE, 0, one,
                        new StoredSnapshot("other", 1, 1, "{}"), row(1), "k", "d")),
                iae("a snapshot at the old version", "snapshot",
                        () -> new CaseCommit(CASE, 1, List.of(event(2)), snapshot(1), row(2), "k", "d")),
                iae("a snapshot two versions ahead", "snapshot",
                        () -> new CaseCommit(CASE, 0, one, snapshot(2), row(1), "k", "d")),
                iae("an index row of another case", "indexRow", () -> new CaseCommit(CASE, 0, one, snapshot(1),
                        IndexRow.builder("other").version(1).stage("S").regionCode("440103").build(), "k", "d")),
                iae("an index row at another version", "indexRow",
                        () -> new CaseCommit(CASE, 0, one, snapshot(1), row(2), "k", "d"))));
    }

    @Test
    void caseCommitCopiesItsEventsAndNamesTheNextVersion() {
        List<StoredEvent> events = new ArrayList<>(List.of(event(4), event(5)));
        CaseCommit commit = commit(3, events);
        events.add(event(6));
        assertThat(commit.events()).containsExactly(event(4), event(5));
        assertThat(commit.newVersion()).isEqualTo(4);
        assertThatThrownBy(() -> commit.events().add(event(6))).isInstanceOf(UnsupportedOperationException.class);
    }

    @TestFactory
    Stream<DynamicTest> storedCaseRefusesBadOrInconsistentParts() {
        List<StoredEvent> one = List.of(event(1));
        return rejections(List.of(
                npe("caseId", () -> new StoredCase(null, 1, snapshot(1), one)),
                npe("snapshot", () -> new StoredCase(CASE, 1, null, one)),
                npe("events", () -> new StoredCase(CASE, 1, snapshot(1), null)),
                iae("blank caseId", "caseId", () -> new StoredCase(" ", 1, new StoredSnapshot(" x", 1, 1, "{}"), List.of())),
                iae("version 0", "version", () -> new StoredCase(CASE, 0, snapshot(1), one)),
                iae("a snapshot at a later version", "snapshot", () -> new StoredCase(CASE, 2, snapshot(3), one)),
                iae("a snapshot of another case", "snapshot",
                        () -> new StoredCase(CASE, 1, new StoredSnapshot("other", 1, 1, "{}"), one)),
                iae("an event of another case", "events", () -> new StoredCase(CASE, 1, snapshot(1),
                        List.of(new StoredEvent("other", 1, "T", 1, "p", AT))))));
    }

    @TestFactory
    Stream<DynamicTest> appliedCommandRefusesBadOrInconsistentParts() {
        List<StoredEvent> one = List.of(event(1));
        return rejections(List.of(
                npe("caseId", () -> new AppliedCommand(null, "k", "d", 0, 1, one)),
                npe("idempotencyKey", () -> new AppliedCommand(CASE, null, "d", 0, 1, one)),
                npe("commandDigest", () -> new AppliedCommand(CASE, "k", null, 0, 1, one)),
                npe("events", () -> new AppliedCommand(CASE, "k", "d", 0, 1, null)),
                iae("negative versionBefore", "versionBefore", () -> new AppliedCommand(CASE, "k", "d", -1, 0, one)),
                iae("versionAfter not the next", "versionAfter", () -> new AppliedCommand(CASE, "k", "d", 0, 2, one)),
                iae("versionAfter equal", "versionAfter", () -> new AppliedCommand(CASE, "k", "d", 3, 3, one)),
                iae("versionAfter wrapping around", "versionAfter",
                        () -> new AppliedCommand(CASE, "k", "d", Long.MAX_VALUE, Long.MIN_VALUE, one))));
    }

    @Test
    void aCommitMayOmitItsSnapshotExceptOnACasesFirstCommitAndACaseMayCarryAnEarlierSnapshot() {
        CaseCommit kept = new CaseCommit(CASE, 1, List.of(event(2)), null, row(2), "k", "d");
        assertThat(kept.carriesSnapshot()).isFalse();
        assertThat(kept.snapshot()).isNull();
        assertThat(new CaseCommit(CASE, 0, List.of(event(1)), snapshot(1), row(1), "k", "d").carriesSnapshot()).isTrue();
        StoredCase stale = new StoredCase(CASE, 3, snapshot(1), List.of(event(2), event(3)));
        assertThat(stale.snapshot().version()).isEqualTo(1);
        assertThat(stale.version()).isEqualTo(3);
    }

    @Test
    void storedCaseAndAppliedCommandCopyTheirEvents() {
        List<StoredEvent> events = new ArrayList<>(List.of(event(1)));
        StoredCase stored = new StoredCase(CASE, 1, snapshot(1), events);
        AppliedCommand applied = new AppliedCommand(CASE, "k", "d", 0, 1, events);
        events.add(event(2));
        assertThat(stored.events()).containsExactly(event(1));
        assertThat(applied.events()).containsExactly(event(1));
        assertThatCode(() -> new AppliedCommand(CASE, "k", "d", Long.MAX_VALUE - 1, Long.MAX_VALUE, List.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void conflictsAndDuplicatesAreStoreExceptionsCarryingTheirIds() {
        VersionConflictException conflict = new VersionConflictException(CASE, 2, 3);
        assertThat(conflict).isInstanceOf(StoreException.class).isInstanceOf(XinfangException.class);
        assertThat(conflict.caseId()).isEqualTo(CASE);
        assertThat(conflict.expectedVersion()).isEqualTo(2);
        assertThat(conflict.actualVersion()).isEqualTo(3);
        DuplicateCommandException duplicate = new DuplicateCommandException(CASE, "key-1");
        assertThat(duplicate).isInstanceOf(StoreException.class);
        assertThat(duplicate.caseId()).isEqualTo(CASE);
        assertThat(duplicate.idempotencyKey()).isEqualTo("key-1");
        IllegalStateException cause = new IllegalStateException("connection reset");
        assertThat(new StoreException("commit of " + CASE, cause)).hasCause(cause);
    }
}
