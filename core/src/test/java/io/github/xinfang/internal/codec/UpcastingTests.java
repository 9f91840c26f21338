package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.cases.CodecException.Problem;
import io.github.xinfang.cases.EventId;
import io.github.xinfang.cases.SweepEvent;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.testing.DomainGenerators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

/**
 * The upcasting hook, proved with committed old-format fixtures (under
 * {@code core/src/test/resources/io/github/xinfang/codec/upcasting/}). Every event type of this release is
 * at version 1, so the tests configure a codec whose table pretends that some types have moved on:
 * <ul>
 *   <li>{@code case.routed} at v3: v1 wrote the unit as {@code handlingUnit} and the day as {@code unitReceivedOn};
 *       v2 renamed {@code handlingUnit} to {@code unit}; v3 renamed {@code unitReceivedOn} to {@code receivedOn}
 *       (a field renamed, twice, through a chain);</li>
 *   <li>{@code case.conclusion-proposed} at v2: v1 had no {@code outcome} (a field added, null for old events);</li>
 *   <li>the snapshot at v3, whose step from v1 here first adds the {@code objectionCount} that the v1 fixture lacks
 *       (a counter added, 0 for old snapshots), then groups the flat v1 payload as the release's own step does; its
 *       steps from v2 and v3 are the release's own.</li>
 * </ul>
 */
class UpcastingTests {
    private static final Upcasters CHAINS = Upcasters.builder()
            .add("case.routed", 1, Upcaster.renaming("handlingUnit", "unit"))
            .add("case.routed", 2, Upcaster.renaming("unitReceivedOn", "receivedOn"))
            .add("case.conclusion-proposed", 1, Upcaster.addingNull("outcome"))
            .add(TypeTable.SNAPSHOT_TYPE, 1, payload -> {
                if (!payload.has("objectionCount")) payload.put("objectionCount", 0);
                return Upcasters.groupTheFlatSnapshot(payload);
            })
            .add(TypeTable.SNAPSHOT_TYPE, 2, Upcasters::mergeClocksAndDuties)
            .add(TypeTable.SNAPSHOT_TYPE, 3, Upcasters::addSubjectTags)
            .build();
    private static final Map<String, Integer> VERSIONS = Map.of("case.routed", 3, "case.conclusion-proposed", 2,
            TypeTable.SNAPSHOT_TYPE, 4);

    private final CaseCodec later = CaseCodec.create(VERSIONS, CHAINS);

    private static final ProcedureEvent.Routed ROUTED = new ProcedureEvent.Routed(new EventId(GoldenSamples.CASE, GoldenSamples.SEQUENCE),
            GoldenSamples.of(ProcedureEvent.Routed.class).actor(), GoldenSamples.RECORDED_AT, GoldenSamples.UNIT, LocalDate.of(2024, 5, 10));

    @Test
    void aRoutedEventWrittenAtVersion1ReadsAfterTwoRenames() {
        assertThat(later.decode(routed(1, fixture("case.routed.v1.json")))).isEqualTo(ROUTED);
    }

    @Test
    void aRoutedEventWrittenAtVersion2ReadsThroughTheLastStepOnly() {
        assertThat(later.decode(routed(2, fixture("case.routed.v2.json")))).isEqualTo(ROUTED);
    }

    @Test
    void encodingWritesTheCurrentVersionWhichReadsWithoutUpcasting() {
        StoredEvent stored = later.encode(ROUTED);

        assertThat(stored.schemaVersion()).isEqualTo(3);
        assertThat(stored.payload()).contains("\"unit\":").contains("\"receivedOn\":").doesNotContain("unitReceivedOn");
        assertThat(later.decode(stored)).isEqualTo(ROUTED);
    }

    @Test
    void anEventWrittenBeforeAFieldWasAddedReadsWithTheDefault() {
        ProcedureEvent.ConclusionProposed sample = GoldenSamples.of(ProcedureEvent.ConclusionProposed.class);
        StoredEvent old = new StoredEvent(GoldenSamples.CASE.value(), GoldenSamples.SEQUENCE, "case.conclusion-proposed", 1,
                fixture("case.conclusion-proposed.v1.json"), GoldenSamples.RECORDED_AT);

        ProcedureEvent.ConclusionProposed read = (ProcedureEvent.ConclusionProposed) later.decode(old);

        assertThat(read.outcome()).isNull();
        assertThat(read).isEqualTo(new ProcedureEvent.ConclusionProposed(sample.id(), sample.actor(), sample.recordedAt(), null,
                sample.replyText(), sample.proposedOn()));
    }

    @Test
    void aSnapshotWrittenBeforeACounterWasAddedReadsWithZero() {
        CaseState sample = GoldenSamples.of(CaseState.class);

        CaseState read = later.decodeSnapshot(new StoredSnapshot(GoldenSamples.CASE.value(), 7, 1, fixture("case.snapshot.v1.json")));

        assertThat(read.procedure().objectionCount()).isZero();
        assertThat(later.encodeSnapshot(read, 7).payload())
                .isEqualTo(later.encodeSnapshot(sample, 7).payload().replace("\"objectionCount\":1", "\"objectionCount\":0")
                        .replace("\"subjectTags\":[\"estate:样例花园\"]", "\"subjectTags\":[]"));
        assertThat(later.encodeSnapshot(sample, 7).schemaVersion()).isEqualTo(4);
    }

    /**
     * The release's own chain: any state, written as version 2 did (its clocks and duties in two ledgers of the timing
     * part), reads back through the merging step as the same state.
     */
    @Test
    void everyStateWrittenAtVersion2ReadsAsTheSameState() {
        CaseCodec released = CaseCodec.create();
        qt().forAll(DomainGenerators.caseStates()).checkAssert(state -> {
            ObjectNode v2 = asVersion2(released.encodeSnapshot(state, 5));
            CaseState read = released.decodeSnapshot(new StoredSnapshot(state.caseId().value(), 5, 2, v2.toString()));
            assertThat(read).isEqualTo(withoutSubjectTags(released, state));
        });
    }

    /**
     * The release's own chain: any state, written as version 3 did (a petition without subject tags), reads back as the
     * same state with no tags; and any event holding a petition, written at version 1, reads as the same event whose
     * petition has no tags.
     */
    @Test
    void everyStateAndPetitionEventWrittenBeforeSubjectTagsReadsWithNone() {
        CaseCodec released = CaseCodec.create();
        qt().forAll(DomainGenerators.caseStates()).checkAssert(state -> {
            ObjectNode v3 = asVersion3(released.encodeSnapshot(state, 5));
            assertThat(v3.get("petition").has("subjectTags")).isFalse();
            CaseState read = released.decodeSnapshot(new StoredSnapshot(state.caseId().value(), 5, 3, v3.toString()));
            assertThat(read).isEqualTo(withoutSubjectTags(released, state));
            assertThat(read.petition().subjectTags()).isEmpty();
        });
        Gen<CaseEvent> petitionEvents = DomainGenerators.events(ProcedureEvent.Registered.class).map(e -> (CaseEvent) e)
                .mix(DomainGenerators.events(ProcedureEvent.Imported.class).map(e -> (CaseEvent) e))
                .mix(DomainGenerators.events(ProcedureEvent.PetitionCorrected.class).map(e -> (CaseEvent) e));
        qt().forAll(petitionEvents).checkAssert(event -> {
            assertThat(TypeTable.PETITION_EVENTS).contains(event.typeName());
            StoredEvent current = released.encode(event);
            assertThat(current.schemaVersion()).isEqualTo(2);
            ObjectNode v1 = readTree(current.payload());
            ((ObjectNode) v1.get("petition")).remove("subjectTags");
            CaseEvent read = released.decode(new StoredEvent(current.caseId(), current.sequence(), current.type(), 1, v1.toString(),
                    current.recordedAt()));
            ((ObjectNode) v1.get("petition")).putArray("subjectTags");
            assertThat(read).isEqualTo(released.decode(new StoredEvent(current.caseId(), current.sequence(), current.type(), 2,
                    v1.toString(), current.recordedAt())));
            assertThat(released.encode(read).payload()).contains("\"subjectTags\":[]");
        });
    }

    /** The state as a snapshot written before subject tags reads: the same, its petition without tags. */
    private static CaseState withoutSubjectTags(CaseCodec codec, CaseState state) {
        ObjectNode payload = readTree(codec.encodeSnapshot(state, 5).payload());
        ((ObjectNode) payload.get("petition")).putArray("subjectTags");
        return codec.decodeSnapshot(new StoredSnapshot(state.caseId().value(), 5, TypeTable.SNAPSHOT_SCHEMA_VERSION, payload.toString()));
    }

    /** A version 4 payload as version 3 wrote it: the petition without subject tags. */
    private static ObjectNode asVersion3(StoredSnapshot v4) {
        ObjectNode out = readTree(v4.payload());
        ((ObjectNode) out.get("petition")).remove("subjectTags");
        return out;
    }

    /** A retired duty record of the sweep reads as the sweep's record of that duty, a clock of round 1. */
    @Test
    void aRetiredDutyRecordReadsAsTheRecordOfItsClock() {
        String payload = "{\"actor\":{\"kind\":\"system\",\"job\":\"deadline-sweep\"},\"recordedAt\":\"2026-06-09T01:00:00Z\","
                + "\"duty\":{\"kind\":\"PLAN_STEP\",\"ref\":\"2.3\"},\"dueAt\":\"2026-06-08T16:00:00Z\"}";
        CaseCodec released = CaseCodec.create();
        for (String name : List.of("case.duty-warning-recorded", "case.duty-breach-recorded")) {
            CaseEvent read = released.decode(new StoredEvent("C-1", 4, name, 1, payload, Instant.parse("2026-06-09T01:00:00Z")));
            io.github.xinfang.time.Obligation.Source clock = read instanceof SweepEvent.WarningRecorded w ? w.clock()
                    : ((SweepEvent.BreachRecorded) read).clock();
            assertThat(clock).as(name).isEqualTo(io.github.xinfang.time.Obligation.DutyId.planStep(2, 3));
            assertThat(read).as(name).isInstanceOf(name.contains("warning") ? SweepEvent.WarningRecorded.class : SweepEvent.BreachRecorded.class);
            assertThat(read).isEqualTo(released.decode(released.encode(read)));
            String round = read instanceof SweepEvent.WarningRecorded w ? String.valueOf(w.round())
                    : String.valueOf(((SweepEvent.BreachRecorded) read).round());
            assertThat(round).isEqualTo("1");
        }
        // a payload of another shape is not guessed at: the binder refuses it by name
        CodecException e = (CodecException) catchThrowable(() -> released.decode(new StoredEvent("C-1", 4, "case.duty-warning-recorded", 1,
                payload.replace("\"ref\":\"2.3\"", "\"ref\":23"), Instant.parse("2026-06-09T01:00:00Z"))));
        assertThat(e.typeName()).isEqualTo("case.warning-recorded");
    }

    /**
     * A version 4 payload as version 2 wrote it: the petition without subject tags, the timing part's obligations split
     * into its clocks and its duties.
     */
    private static ObjectNode asVersion2(StoredSnapshot v4) {
        ObjectNode out = asVersion3(v4);
        ObjectNode timing = (ObjectNode) out.get("timing");
        ObjectNode v2Timing = JSON.createObjectNode();
        timing.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("obligations")) {
                v2Timing.set(f.getKey(), f.getValue());
                return;
            }
            var clocks = v2Timing.putObject("clocks").putArray("runs");
            var duties = v2Timing.putObject("duties").putArray("duties");
            for (var run : f.getValue().get("runs")) {
                String source = run.get("source").asText();
                ObjectNode o;
                if (source.contains(":")) {
                    o = duties.addObject();
                    ObjectNode id = o.putObject("id");
                    id.put("kind", source.substring(0, source.indexOf(':')));
                    id.put("ref", source.substring(source.indexOf(':') + 1));
                    for (String n : List.of("startedOn", "dueOn", "limit", "metOn", "stopped", "warned", "breached")) o.set(n, run.get(n));
                } else {
                    o = clocks.addObject();
                    o.set("clock", run.get("source"));
                    for (String n : List.of("round", "startedOn", "metOn", "stopped", "extensionDays", "pausedDays", "pausedSince",
                            "warned", "breached")) {
                        o.set(n, run.get(n));
                    }
                }
            }
        });
        out.set("timing", v2Timing);
        return out;
    }

    /**
     * The release's own chain: any state, written flat as version 1 did (every field of the parts at the top level, the
     * clocks and duties apart), reads back through the grouping and merging steps as the same state.
     */
    @Test
    void everyStateWrittenFlatAtVersion1ReadsAsTheSameState() {
        CaseCodec released = CaseCodec.create();
        qt().forAll(DomainGenerators.caseStates()).checkAssert(state -> {
            ObjectNode v2 = asVersion2(released.encodeSnapshot(state, 5));
            ObjectNode flat = JSON.createObjectNode();
            v2.fields().forEachRemaining(f -> {
                if (List.of("procedure", "conclusion", "timing").contains(f.getKey())) {
                    f.getValue().fields().forEachRemaining(g -> flat.set(g.getKey(), g.getValue()));
                } else {
                    flat.set(f.getKey(), f.getValue());
                }
            });
            assertThat(flat.size()).isEqualTo(GoldenSamples.V1_STATE.size());
            CaseState read = released.decodeSnapshot(new StoredSnapshot(state.caseId().value(), 5, 1, flat.toString()));
            assertThat(read).isEqualTo(withoutSubjectTags(released, state));
        });
    }

    @Test
    void aVersion1SnapshotThatAlreadyHasAPartIsRefused() {
        String v1 = fixture("case.snapshot.v1.json").replace("\"reworkCount\":1,", "\"reworkCount\":1,\"timing\":{},");
        CodecException e = (CodecException) catchThrowable(() -> CaseCodec.create().decodeSnapshot(
                new StoredSnapshot(GoldenSamples.CASE.value(), 7, 1, v1)));
        assertThat(e.problem()).isEqualTo(Problem.INVALID_VALUE);
        assertThat(e.getMessage()).contains("upcaster from v1 failed");
    }

    @Test
    void theReleasedCodecRefusesTheOldFixturesAsUnsupportedVersions() {
        // Without the chains the v1 routed fixture is not a known version of case.routed: refused, never mis-bound.
        CaseCodec released = CaseCodec.create();
        StoredEvent v2 = routed(2, fixture("case.routed.v2.json"));

        CodecException e = (CodecException) catchThrowable(() -> released.decode(v2));

        assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_SCHEMA_VERSION);
        assertThat(e.typeName()).isEqualTo("case.routed");
        assertThat(e.schemaVersion()).isEqualTo(2);
        assertThat(e.getMessage()).contains("supported: 1");
    }

    @Test
    void aVersionNewerThanTheTableOrWithoutAChainIsUnsupported() {
        CodecException newer = (CodecException) catchThrowable(() -> later.decode(routed(4, fixture("case.routed.v2.json"))));
        assertThat(newer.problem()).isEqualTo(Problem.UNSUPPORTED_SCHEMA_VERSION);
        assertThat(newer.getMessage()).contains("supported: 1 to 3");

        CaseCodec broken = CaseCodec.create(VERSIONS, Upcasters.builder()
                .add("case.routed", 2, Upcaster.renaming("unitReceivedOn", "receivedOn")).build());
        CodecException gap = (CodecException) catchThrowable(() -> broken.decode(routed(1, fixture("case.routed.v1.json"))));
        assertThat(gap.problem()).isEqualTo(Problem.UNSUPPORTED_SCHEMA_VERSION);
        assertThat(gap.getMessage()).contains("supported: 2 to 3");
    }

    @Test
    void theUpcastPayloadIsBoundAsStrictlyAsACurrentOne() {
        // A v1 payload lacking the day: after the chain, the missing field is named as the current schema calls it.
        CodecException missing = (CodecException) catchThrowable(() -> later.decode(routed(1,
                "{\"actor\":{\"kind\":\"system\",\"job\":\"import\"},\"recordedAt\":\"2024-05-06T07:08:09Z\",\"handlingUnit\":\"u\"}")));
        assertThat(missing.problem()).isEqualTo(Problem.MISSING_FIELD);
        assertThat(missing.fieldPath()).hasValue("receivedOn");
        assertThat(missing.schemaVersion()).isEqualTo(1);

        // A v1 payload already using a v3 name next to the old one is not silently merged.
        CodecException both = (CodecException) catchThrowable(() -> later.decode(routed(1, fixture("case.routed.v1.json")
                .replace("\"handlingUnit\"", "\"receivedOn\":\"2024-05-10\",\"handlingUnit\""))));
        assertThat(both.problem()).isEqualTo(Problem.INVALID_VALUE);
        assertThat(both.getMessage()).contains("upcaster from v2 failed");
    }

    @Test
    void aFailingUpcasterIsACodecExceptionWithoutItsMessage() {
        CaseCodec failing = CaseCodec.create(Map.of("case.routed", 2), Upcasters.builder()
                .add("case.routed", 1, payload -> {
                    throw new IllegalStateException("would quote " + payload);
                }).build());

        CodecException e = (CodecException) catchThrowable(() -> failing.decode(routed(1, fixture("case.routed.v1.json"))));

        assertThat(e.problem()).isEqualTo(Problem.INVALID_VALUE);
        assertThat(e.typeName()).isEqualTo("case.routed");
        assertThat(e.getMessage()).contains("upcaster from v1 failed: IllegalStateException").doesNotContain("golden");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void chainsThatDoNotFitTheTableAreRefusedWhenTheCodecIsBuilt() {
        assertThatThrownBy(() -> CaseCodec.create(Map.of(), Upcasters.builder()
                .add("case.routed", 1, Upcaster.addingNull("x")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case.routed from v1");
        assertThatThrownBy(() -> CaseCodec.create(Map.of(), Upcasters.builder()
                .add("case.no-such-type", 1, Upcaster.addingNull("x")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown type");
        assertThatThrownBy(() -> Upcasters.builder().add("case.routed", 1, p -> p).add("case.routed", 1, p -> p))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReleasedChainsFitTheReleasedTable() {
        for (TypeTable.EventType row : TypeTable.events()) {
            assertThat(Upcasters.standard().oldestReadable(row.name(), row.schemaVersion()))
                    .as("%s: every version from 1 to the current one reads (a missing step is a data loss)", row.name())
                    .isEqualTo(1);
        }
        assertThat(Upcasters.standard().oldestReadable(TypeTable.SNAPSHOT_TYPE, TypeTable.SNAPSHOT_SCHEMA_VERSION)).isEqualTo(1);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode readTree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static StoredEvent routed(int version, String payload) {
        return new StoredEvent(GoldenSamples.CASE.value(), GoldenSamples.SEQUENCE, "case.routed", version, payload,
                GoldenSamples.RECORDED_AT);
    }

    private static String fixture(String name) {
        try (InputStream in = UpcastingTests.class.getResourceAsStream("/io/github/xinfang/codec/upcasting/" + name)) {
            if (in == null) throw new AssertionError("missing fixture " + name);
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
