package io.github.xinfang.internal.codec;

import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.cases.CodecException.Problem;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Examples of corrupt stored rows beyond the payload's own shape: numbers out of range, a payload stored under
 * the wrong type name, limits on the snapshot, and the sequence and version columns that the SPI itself guards.
 */
class CaseCodecHostileInputTests {
    private final CaseCodec codec = CaseCodec.create();
    private final StoredEvent routed = codec.encode(GoldenSamples.of(ProcedureEvent.Routed.class));
    private final StoredSnapshot snapshot = codec.encodeSnapshot(GoldenSamples.of(CaseState.class), 7);

    /**
     * A row with a negative (or zero) sequence or schema version never reaches the codec: {@link StoredEvent}'s
     * constructor refuses it, naming the column, so an adapter reading such a row fails while mapping it (and
     * reports it as a {@code StoreException}, rule S8) instead of handing the codec something to half-decode.
     */
    @Test
    void aStoredRowWithANegativeSequenceOrVersionIsRefusedByTheSpiBeforeDecoding() {
        assertThatThrownBy(() -> new StoredEvent("c-1", -1, "case.routed", 1, routed.payload(), routed.recordedAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> new StoredEvent("c-1", 0, "case.routed", 1, routed.payload(), routed.recordedAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> new StoredEvent("c-1", 1, "case.routed", 0, routed.payload(), routed.recordedAt()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> new StoredSnapshot("c-1", 7, -1, snapshot.payload()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemaVersion");
    }

    @Test
    void aNegativeSequenceInsideASnapshotIsAnInvalidValueNamingIt() {
        CodecException e = refusedSnapshot(snapshot.payload().replace("\"lastSequence\":3", "\"lastSequence\":-3"));

        assertThat(e.problem()).isEqualTo(Problem.INVALID_VALUE);
        assertThat(e.fieldPath()).hasValue("lastSequence");
    }

    @Test
    void numbersThatDoNotFitOrAreNotIntegersAreTheWrongType() {
        for (String n : new String[] {"99999999999999999999", "3.5", "3e2", "\"3\"", "true"}) {
            CodecException e = refusedSnapshot(snapshot.payload().replace("\"lastSequence\":3", "\"lastSequence\":" + n));
            assertThat(e.problem()).as(n).isIn(Problem.WRONG_TYPE, Problem.INVALID_VALUE);
            assertThat(e.fieldPath()).as(n).hasValue("lastSequence");
        }
        CodecException tooLong = refusedSnapshot(snapshot.payload().replace("\"lastSequence\":3",
                "\"lastSequence\":" + "9".repeat(CaseCodec.MAX_NUMBER_LENGTH + 1)));
        assertThat(tooLong.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
    }

    @Test
    void aNegativeExtensionIsRefusedByItsConstructorAndNamed() {
        StoredEvent extended = codec.encode(GoldenSamples.of(ProcedureEvent.Extended.class));

        CodecException e = refused(withPayload(extended, extended.payload().replace("\"days\":15", "\"days\":-15")));

        assertThat(e.problem()).isEqualTo(Problem.INVALID_VALUE);
        assertThat(e.fieldPath()).hasValue("days");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPayloadStoredUnderAnotherTypeNameIsRefusedAtTheFirstFieldThatDoesNotFit() {
        StoredEvent mislabelled = new StoredEvent(routed.caseId(), routed.sequence(), "case.accepted", 1, routed.payload(),
                routed.recordedAt());

        CodecException e = refused(mislabelled);

        assertThat(e.typeName()).isEqualTo("case.accepted");
        assertThat(e.problem()).isIn(Problem.UNKNOWN_FIELD, Problem.MISSING_FIELD);
        assertThat(e.fieldPath()).isPresent();
    }

    @Test
    void theSnapshotHasTheSameLimitsAsEvents() {
        String deep = "[".repeat(CaseCodec.MAX_NESTING_DEPTH + 1) + "]".repeat(CaseCodec.MAX_NESTING_DEPTH + 1);
        CodecException nested = refusedSnapshot(snapshot.payload().replace("\"reworkCount\":1", "\"reworkCount\":" + deep));
        assertThat(nested.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
        assertThat(nested.fieldPath()).hasValueSatisfying(p -> assertThat(p).startsWith("procedure.reworkCount"));

        CodecException large = refusedSnapshot(snapshot.payload().replace("\"profile\":\"national-2022\"",
                "\"profile\":\"" + "x".repeat(CaseCodec.MAX_STRING_LENGTH + 1) + "\""));
        assertThat(large.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
        assertThat(large.fieldPath()).hasValue("profile");

        CodecException huge = refusedSnapshot(" ".repeat(CaseCodec.MAX_DOCUMENT_LENGTH) + snapshot.payload());
        assertThat(huge.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);

        CodecException truncated = refusedSnapshot(snapshot.payload().substring(0, snapshot.payload().length() / 2));
        assertThat(truncated.problem()).isEqualTo(Problem.MALFORMED_JSON);
    }

    private CodecException refused(StoredEvent stored) {
        Throwable thrown = catchThrowable(() -> codec.decode(stored));
        assertThat(thrown).isInstanceOf(CodecException.class);
        assertThat(((CodecException) thrown).typeName()).isEqualTo(stored.type());
        return (CodecException) thrown;
    }

    private CodecException refusedSnapshot(String payload) {
        Throwable thrown = catchThrowable(() -> codec.decodeSnapshot(new StoredSnapshot(snapshot.caseId(), 7, snapshot.schemaVersion(), payload)));
        assertThat(thrown).isInstanceOf(CodecException.class);
        assertThat(((CodecException) thrown).typeName()).isEqualTo(TypeTable.SNAPSHOT_TYPE);
        return (CodecException) thrown;
    }

    private static StoredEvent withPayload(StoredEvent s, String payload) {
        return new StoredEvent(s.caseId(), s.sequence(), s.type(), s.schemaVersion(), payload, s.recordedAt());
    }
}
