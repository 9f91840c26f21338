package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.petition.Withheld;
import io.github.xinfang.privacy.DataKey;
import io.github.xinfang.privacy.InMemoryKeyProvider;
import io.github.xinfang.privacy.KeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.privacy.PersonalDataException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal values at rest in the codec: every event type's and the snapshot's personal values are sealed (AES-GCM and
 * SM4-GCM), none stays in clear, each decodes back, each is bound to its case, record, field and key, a destroyed key
 * reads as erased, and the committed test vectors ({@code golden/encrypted}, the ones {@code docs/personal-data.md}
 * quotes) decode with their fixed keys. Regenerate the vectors with {@code -Dxinfang.writeGoldenFiles=true}.
 */
class PersonalValuesCodecTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VECTORS = GoldenFileTests.ROOT.resolve("encrypted");
    private static final boolean WRITE = Boolean.getBoolean("xinfang.writeGoldenFiles");

    private final CaseCodec plain = CaseCodec.create();

    static List<PersonalDataCipher> ciphers() {
        return List.of(PersonalDataCipher.aesGcm(), PersonalDataCipher.sm4Gcm(new BouncyCastleProvider()));
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeSealsEveryPersonalValueAndDecodesBack() {
        return ciphers().stream().flatMap(cipher -> TypeTable.events().stream().map(row -> DynamicTest.dynamicTest(
                cipher + " " + row.name(), () -> {
                    CaseCodec sealing = CaseCodec.create(InMemoryKeyProvider.create(cipher), cipher);
                    CaseEvent sample = GoldenSamples.of(row.type());
                    StoredEvent clear = plain.encode(sample);
                    StoredEvent sealed = sealing.encode(sample);
                    assertSealedWherePersonal(clear.payload(), plain.encode(plain.withhold(sample, k -> Withheld.MASKED)).payload(),
                            sealed.payload());
                    assertThat(sealing.decode(sealed)).isEqualTo(sample);
                    assertThat(sealed.schemaVersion()).isEqualTo(clear.schemaVersion());
                    // a payload stored in clear (before encryption was set up) still reads
                    assertThat(sealing.decode(clear)).isEqualTo(sample);
                })));
    }

    @Test
    void theSnapshotSealsEveryPersonalValueAndABindingToItsVersion() throws IOException {
        for (PersonalDataCipher cipher : ciphers()) {
            CaseCodec sealing = CaseCodec.create(InMemoryKeyProvider.create(cipher), cipher);
            CaseState sample = GoldenSamples.of(CaseState.class);
            StoredSnapshot clear = plain.encodeSnapshot(sample, 7);
            StoredSnapshot sealed = sealing.encodeSnapshot(sample, 7);
            List<String> sealedAt = assertSealedWherePersonal(clear.payload(),
                    plain.encodeSnapshot(plain.withhold(sample, k -> Withheld.MASKED), 7).payload(), sealed.payload());
            assertThat(sealedAt).contains("/petition/petitioners/0/name", "/petition/petitioners/0/idNumber",
                    "/petition/petitioners/0/phone", "/petition/petitioners/0/address", "/petition/accused/2/name", "/petition/summary");
            assertThat(sealed.payload()).doesNotContain(GoldenSamples.ID_NUMBER).doesNotContain(GoldenSamples.PHONE)
                    .doesNotContain(GoldenSamples.ADDRESS);
            assertThat(sealing.decodeSnapshot(sealed)).isEqualTo(sample);
            // the same payload presented as another version of the snapshot does not authenticate
            assertThatThrownBy(() -> sealing.decodeSnapshot(new StoredSnapshot(sealed.caseId(), 8, sealed.schemaVersion(), sealed.payload())))
                    .isInstanceOf(CodecException.class)
                    .satisfies(e -> assertThat(((CodecException) e).problem()).isEqualTo(CodecException.Problem.INVALID_VALUE));
        }
    }

    @Test
    void aSealedValueIsBoundToItsFieldItsRecordAndItsKey() throws IOException {
        KeyProvider keys = InMemoryKeyProvider.create(PersonalDataCipher.aesGcm());
        CaseCodec sealing = CaseCodec.create(keys, PersonalDataCipher.aesGcm());
        StoredEvent sealed = sealing.encode(GoldenSamples.of(ProcedureEvent.Registered.class));
        ObjectNode tree = (ObjectNode) JSON.readTree(sealed.payload());
        ObjectNode petitioner = (ObjectNode) tree.at("/petition/petitioners/0");
        ObjectNode petition = (ObjectNode) tree.get("petition");

        // the name's sealed value moved to the address: it does not authenticate there
        ObjectNode moved = tree.deepCopy();
        ((ObjectNode) moved.at("/petition/petitioners/0")).set("address", petitioner.get("name"));
        assertRefused(sealing, sealed, moved, "petition.petitioners[0].address");
        // the summary re-labelled as a petitioner's value
        ObjectNode relabelled = tree.deepCopy();
        ((ObjectNode) relabelled.get("petition").get("summary")).put("$enc", "p0");
        assertRefused(sealing, sealed, relabelled, "petition.summary");
        // one bit of the ciphertext flipped
        ObjectNode flipped = tree.deepCopy();
        String ct = petition.get("summary").get("ct").textValue();
        String other = ct.substring(0, 20) + (ct.charAt(20) == 'A' ? 'B' : 'A') + ct.substring(21);
        ((ObjectNode) flipped.get("petition").get("summary")).put("ct", other);
        assertRefused(sealing, sealed, flipped, "petition.summary");
        // the whole payload presented as another event of the case
        assertThatThrownBy(() -> sealing.decode(new StoredEvent(sealed.caseId(), sealed.sequence() + 1, sealed.type(),
                sealed.schemaVersion(), sealed.payload(), sealed.recordedAt()))).isInstanceOf(CodecException.class);
        // a malformed sealed value, another cipher's, and one read by a codec without keys
        ObjectNode malformed = tree.deepCopy();
        ((ObjectNode) malformed.get("petition").get("summary")).remove("alg");
        assertThatThrownBy(() -> sealing.decode(withPayload(sealed, malformed))).isInstanceOf(CodecException.class)
                .satisfies(e -> assertThat(((CodecException) e).problem()).isEqualTo(CodecException.Problem.WRONG_TYPE));
        ObjectNode sm4 = tree.deepCopy();
        ((ObjectNode) sm4.get("petition").get("summary")).put("alg", "SM4-GCM");
        assertRefused(sealing, sealed, sm4, "petition.summary");
        assertThatThrownBy(() -> plain.decode(sealed)).isInstanceOf(CodecException.class)
                .hasMessageContaining("no key provider").hasMessageNotContaining(GoldenSamples.NAME);
    }

    @Test
    void aDestroyedKeyReadsAsErasedAndTheOtherKeysAreUnaffected() {
        KeyProvider keys = InMemoryKeyProvider.create(PersonalDataCipher.aesGcm());
        CaseCodec sealing = CaseCodec.create(keys, PersonalDataCipher.aesGcm());
        ProcedureEvent.Registered sample = GoldenSamples.of(ProcedureEvent.Registered.class);
        StoredEvent sealed = sealing.encode(sample);
        keys.destroy(DataKey.petitioner(GoldenSamples.CASE, 0));
        ProcedureEvent.Registered read = (ProcedureEvent.Registered) sealing.decode(sealed);
        var petitioner = read.petition().petitioners().get(0);
        assertThat(petitioner.name().withheld()).contains(Withheld.ERASED);
        assertThat(petitioner.idNumber().withheld()).contains(Withheld.ERASED);
        assertThat(petitioner.phone().withheld()).contains(Withheld.ERASED);
        assertThat(petitioner.address().withheld()).contains(Withheld.ERASED);
        assertThat(petitioner.name()).hasToString("[erased]");
        assertThat(read.petition().summary()).isEqualTo(sample.petition().summary());
        assertThat(read.petition().accused()).isEqualTo(sample.petition().accused());
        // re-encoding an erased value stores its marker, and writing new data under the destroyed key is refused
        assertThat(sealing.decode(sealing.encode(read))).isEqualTo(read);
        assertThatThrownBy(() -> sealing.encode(sample)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("p0").hasMessageNotContaining(GoldenSamples.NAME);
    }

    @Test
    void theCommittedTestVectorsDecodeWithTheirKeys() throws IOException {
        ProcedureEvent.Registered sample = GoldenSamples.of(ProcedureEvent.Registered.class);
        CaseState state = GoldenSamples.of(CaseState.class);
        for (PersonalDataCipher cipher : ciphers()) {
            KeyProvider keys = new VectorKeys(cipher);
            CaseCodec sealing = CaseCodec.create(keys, cipher);
            String tag = cipher.name().toLowerCase(java.util.Locale.ROOT);
            Path event = VECTORS.resolve("case.registered." + tag + ".json");
            Path snapshot = VECTORS.resolve("case.snapshot." + tag + ".json");
            if (WRITE && (!Files.exists(event) || !Files.exists(snapshot))) {
                Files.createDirectories(VECTORS);
                Files.writeString(event, sealing.encode(sample).payload() + "\n");
                Files.writeString(snapshot, sealing.encodeSnapshot(state, 7).payload() + "\n");
            }
            StoredEvent stored = plain.encode(sample);
            StoredEvent vector = withPayloadText(stored, Files.readString(event, StandardCharsets.UTF_8).strip());
            assertThat(vector.payload()).contains("\"alg\":\"" + cipher.name() + "\"").doesNotContain(GoldenSamples.NAME);
            assertThat(sealing.decode(vector)).isEqualTo(sample);
            assertThat(sealing.decodeSnapshot(new StoredSnapshot(GoldenSamples.CASE.value(), 7,
                    plain.currentVersion(TypeTable.SNAPSHOT_TYPE), Files.readString(snapshot, StandardCharsets.UTF_8).strip())))
                    .isEqualTo(state);
        }
    }

    @Test
    void theDocumentedVectorOpensWithAnyAesGcm() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "personal-data.md"), StandardCharsets.UTF_8);
        Map<String, String> vector = new java.util.HashMap<>();
        for (String line : doc.substring(doc.indexOf("cipher:    AES-GCM")).split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.startsWith("```")) break;
            vector.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        // with the JDK's own AES-GCM, not the library's cipher class
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        byte[] sealed = java.util.Base64.getDecoder().decode(vector.get("sealed"));
        aes.init(javax.crypto.Cipher.DECRYPT_MODE, new SecretKeySpec(java.util.HexFormat.of().parseHex(vector.get("key")), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, sealed, 0, 12));
        aes.updateAAD(vector.get("aad").replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(new String(aes.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8)).isEqualTo(vector.get("plaintext"));
        assertThat(Files.readString(VECTORS.resolve("case.registered.aes-gcm.json"))).contains(vector.get("sealed"));
        assertThat(vector.get("key")).isEqualTo(java.util.HexFormat.of().formatHex(
                new VectorKeys(PersonalDataCipher.aesGcm()).keyForReading(DataKey.petitioner(GoldenSamples.CASE, 0)).orElseThrow().getEncoded()));
    }

    /** The test vectors' keys: SHA-256 of {@code "xinfang test vector " + ref}, cut to the cipher's key length. */
    static final class VectorKeys implements KeyProvider {
        private final PersonalDataCipher cipher;

        VectorKeys(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public SecretKey keyForWriting(DataKey key) {
            return keyForReading(key).orElseThrow();
        }

        @Override
        public Optional<SecretKey> keyForReading(DataKey key) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(("xinfang test vector " + key.ref()).getBytes(StandardCharsets.UTF_8));
                int length = cipher.keyAlgorithm().equals("SM4") ? 16 : 32;
                return Optional.of(new SecretKeySpec(java.util.Arrays.copyOf(digest, length), cipher.keyAlgorithm()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public boolean isRestricted(DataKey key) {
            return false;
        }

        @Override
        public void restrict(DataKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void liftRestriction(DataKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroy(DataKey key) {
            throw new UnsupportedOperationException();
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The places of a clear payload whose strings change when every personal value is masked are its personal values:
     * each must be a sealed value in the sealed payload, whose other strings are those of the clear one.
     *
     * @return the places, as JSON pointers
     */
    private static List<String> assertSealedWherePersonal(String clear, String masked, String sealed) throws IOException {
        List<String> found = new ArrayList<>();
        diff(JSON.readTree(clear), JSON.readTree(masked), JSON.readTree(sealed), "", found);
        return found;
    }

    private static void diff(JsonNode a, JsonNode masked, JsonNode sealed, String at, List<String> found) {
        if (a.isTextual()) {
            if (a.equals(masked)) {
                assertThat(sealed).as("%s is not personal and stays as it was", at).isEqualTo(a);
            } else {
                assertThat(sealed.isObject() && sealed.has("$enc") && sealed.has("ct")).as("%s is sealed", at).isTrue();
                found.add(at);
            }
        } else if (a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                diff(f.getValue(), masked.get(f.getKey()), sealed.get(f.getKey()), at + "/" + f.getKey(), found);
            }
        } else if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) diff(a.get(i), masked.get(i), sealed.get(i), at + "/" + i, found);
        }
    }

    private static void assertRefused(CaseCodec codec, StoredEvent stored, JsonNode payload, String path) {
        assertThatThrownBy(() -> codec.decode(withPayload(stored, payload)))
                .isInstanceOf(CodecException.class)
                .satisfies(e -> {
                    CodecException c = (CodecException) e;
                    assertThat(c.problem()).isEqualTo(CodecException.Problem.INVALID_VALUE);
                    assertThat(c.fieldPath()).contains(path);
                    assertThat(c.getMessage()).doesNotContain(GoldenSamples.NAME).doesNotContain(GoldenSamples.TEXT);
                });
    }

    private static StoredEvent withPayload(StoredEvent stored, JsonNode payload) {
        return withPayloadText(stored, payload.toString());
    }

    private static StoredEvent withPayloadText(StoredEvent stored, String payload) {
        return new StoredEvent(stored.caseId(), stored.sequence(), stored.type(), stored.schemaVersion(), payload, stored.recordedAt());
    }
}
