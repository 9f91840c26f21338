package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.cases.CodecException.Problem;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.testing.DomainGenerators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Hostile stored records: whatever the damage, decoding gives either a whole, valid value of the stored type
 * or a {@link CodecException} naming the type (and the field, when one is at fault), never another exception
 * and never a half-built object.
 */
class CaseCodecHostileInputProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CaseCodec codec = CaseCodec.create();

    /** One edit of a payload's text: kind, where, and what (a code point or a bit). */
    record Mutation(int kind, int at, int what) {}

    static Gen<List<Mutation>> mutations() {
        Gen<Mutation> one = integers().between(0, 5).zip(integers().between(0, Integer.MAX_VALUE), integers().between(0, 0xFFFF),
                Mutation::new);
        return lists().of(one).ofSizeBetween(1, 4);
    }

    /** Characters that matter to JSON and to the domain, and any other UTF-16 unit (lone surrogates included). */
    private static final String INTERESTING = "{}[]:,\"\\0123456789-+.eEntrufalsx \t\n\u0000\u001f\u00e9\u4e00\ud800\udc00";

    static String mutate(String s, List<Mutation> edits) {
        for (Mutation m : edits) {
            if (s.isEmpty()) return s;
            int i = m.at() % s.length();
            char c = m.what() % 3 == 0 ? (char) m.what() : INTERESTING.charAt(m.what() % INTERESTING.length());
            switch (m.kind()) {
                case 0 -> s = s.substring(0, i) + c + s.substring(i + 1);                       // replace a character
                case 1 -> s = s.substring(0, i) + s.substring(i + 1);                           // delete one
                case 2 -> s = s.substring(0, i) + c + s.substring(i);                           // insert one
                case 3 -> s = i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s;
                case 4 -> s = s.substring(0, i) + s.substring(i, Math.min(s.length(), i + 1 + m.what() % 40)) + s.substring(i);
                default -> {                                                                     // flip a bit of a UTF-8 byte
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    b[m.at() % b.length] ^= (byte) (1 << (m.what() % 8));
                    s = new String(b, StandardCharsets.UTF_8);
                }
            }
        }
        return s;
    }

    @Test
    void aMutatedEventPayloadGivesAWholeEventOfItsTypeOrACodecExceptionNamingIt() {
        qt().forAll(DomainGenerators.events(), mutations()).checkAssert((event, edits) -> {
            StoredEvent stored = codec.encode(event);
            StoredEvent damaged = withPayload(stored, mutate(stored.payload(), edits));
            CaseEvent[] read = new CaseEvent[1];
            Throwable thrown = catchThrowable(() -> read[0] = codec.decode(damaged));
            if (thrown == null) {
                assertThat(read[0]).isInstanceOf(event.getClass());
                assertThat(read[0].id()).isEqualTo(event.id());
                assertThat(codec.decode(codec.encode(read[0]))).isEqualTo(read[0]);   // whole: it round-trips
            } else {
                assertThat(thrown).isInstanceOf(CodecException.class);
                assertThat(((CodecException) thrown).typeName()).isEqualTo(stored.type());
                assertThat(((CodecException) thrown).schemaVersion()).isEqualTo(stored.schemaVersion());
            }
        });
    }

    @Test
    void aMutatedSnapshotGivesAWholeStateOrACodecExceptionNamingIt() {
        qt().forAll(DomainGenerators.caseStates(), mutations()).checkAssert((state, edits) -> {
            StoredSnapshot stored = codec.encodeSnapshot(state, 5);
            StoredSnapshot damaged = new StoredSnapshot(stored.caseId(), 5, stored.schemaVersion(), mutate(stored.payload(), edits));
            CaseState[] read = new CaseState[1];
            Throwable thrown = catchThrowable(() -> read[0] = codec.decodeSnapshot(damaged));
            if (thrown == null) {
                assertThat(read[0].caseId()).isEqualTo(state.caseId());
                assertThat(codec.decodeSnapshot(codec.encodeSnapshot(read[0], 5))).isEqualTo(read[0]);
            } else {
                assertThat(thrown).isInstanceOf(CodecException.class);
                assertThat(((CodecException) thrown).typeName()).isEqualTo(TypeTable.SNAPSHOT_TYPE);
            }
        });
    }

    @Test
    void removingAnyFieldAtAnyDepthIsAMissingFieldNamedByItsPath() {
        qt().forAll(DomainGenerators.events(), integers().between(0, Integer.MAX_VALUE)).checkAssert((event, choice) -> {
            StoredEvent stored = codec.encode(event);
            ObjectNode root = tree(stored.payload());
            List<String[]> fields = new ArrayList<>();
            objectFields(root, "", fields);
            String[] field = fields.get(choice % fields.size());          // {path of the object, name, full path}
            ((ObjectNode) at(root, field[0])).remove(field[1]);

            CodecException e = refused(withPayload(stored, root.toString()));

            assertThat(e.problem()).as(e.getMessage()).isEqualTo(Problem.MISSING_FIELD);
            assertThat(e.fieldPath()).as(e.getMessage()).hasValue(field[2]);
        });
    }

    @Test
    void aValueOfTheWrongJsonTypeAnywhereIsRefusedAtItsPathOrReadsAsAValidValue() {
        List<JsonNode> wrong = List.of(JsonNodeFactory.instance.numberNode(12345), JsonNodeFactory.instance.numberNode(1.5),
                JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.nullNode());
        qt().forAll(DomainGenerators.events(), integers().between(0, Integer.MAX_VALUE), integers().between(0, wrong.size() - 1))
                .checkAssert((event, choice, w) -> {
                    StoredEvent stored = codec.encode(event);
                    ObjectNode root = tree(stored.payload());
                    List<String[]> fields = new ArrayList<>();
                    objectFields(root, "", fields);
                    String[] field = fields.get(choice % fields.size());
                    ((ObjectNode) at(root, field[0])).set(field[1], wrong.get(w));
                    CaseEvent[] read = new CaseEvent[1];
                    Throwable thrown = catchThrowable(() -> read[0] = codec.decode(withPayload(stored, root.toString())));
                    if (thrown == null) {
                        // e.g. "x" is a valid reason, null a valid optional field: then the whole event is valid
                        assertThat(read[0]).isInstanceOf(event.getClass());
                        assertThat(codec.decode(codec.encode(read[0]))).isEqualTo(read[0]);
                    } else {
                        assertThat(thrown).isInstanceOf(CodecException.class);
                        CodecException e = (CodecException) thrown;
                        assertThat(e.typeName()).isEqualTo(stored.type());
                        // a valid value may break a rule across fields of its object (true for firstPetition with
                        // repeatsCase set): the refusal then names the other field of the same object
                        assertThat(e.fieldPath()).as(e.getMessage()).hasValueSatisfying(p -> assertThat(
                                p.startsWith(field[2]) || (e.problem() == Problem.INVALID_VALUE && p.startsWith(field[0]))).isTrue());
                    }
                });
    }

    @Test
    void aTypeNameOutsideTheTableIsAnUnknownTypeWhateverThePayload() {
        qt().forAll(DomainGenerators.events(), integers().between(0, Integer.MAX_VALUE)).checkAssert((event, n) -> {
            StoredEvent stored = codec.encode(event);
            String type = List.of("case.Routed", "case.routed ", "Routed", "io.github.xinfang.cases.CaseEvent$Routed",
                    "case.snapshot", "case.route", "case.routed.v2", "x" + n).get(n % 8);
            CodecException e = refused(new StoredEvent(stored.caseId(), stored.sequence(), type, 1, stored.payload(), stored.recordedAt()));
            assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_TYPE);
            assertThat(e.fieldPath()).isEmpty();
        });
    }

    // ------------------------------------------------------------------ helpers

    private CodecException refused(StoredEvent stored) {
        Throwable thrown = catchThrowable(() -> codec.decode(stored));
        assertThat(thrown).isInstanceOf(CodecException.class);
        return (CodecException) thrown;
    }

    private static StoredEvent withPayload(StoredEvent s, String payload) {
        return new StoredEvent(s.caseId(), s.sequence(), s.type(), s.schemaVersion(), payload, s.recordedAt());
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Collects every property of every object: {path of its object, its name, its full path in the codec's notation}. */
    private static void objectFields(JsonNode node, String path, List<String[]> out) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                String full = path.isEmpty() ? name : path + "." + name;
                out.add(new String[] {path, name, full});
                objectFields(o.get(name), full, out);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) objectFields(a.get(i), path + "[" + i + "]", out);
        }
    }

    /** The node at a path in the codec's notation ({@code petition.petitioners[0]}). */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        if (path.isEmpty()) return n;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            n = n.get(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                n = n.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return n;
    }
}
