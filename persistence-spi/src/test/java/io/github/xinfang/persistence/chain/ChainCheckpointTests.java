package io.github.xinfang.persistence.chain;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints: signed with HMAC, ECDSA and SM2 (Bouncy Castle), written as text, and their forgeries refused. */
class ChainCheckpointTests {
    static final Instant TAKEN = Instant.parse("2024-06-01T00:00:00.000000042Z");
    static final List<ChainCheckpoint.Head> HEADS = List.of(
            new ChainCheckpoint.Head("XF-440103-2024-000001", 3, "709dd7ed8cf5272b1b559d5979cf2c0400f1f28eb454d11bf615c3da7360e9ec"),
            new ChainCheckpoint.Head("XF-440103-2024-000002", 1, "c7f5771db4cd034928ed199b6c0559a434a96edade252ddf1fbeea6efb4e2a24"));

    static KeyPair keys(String algorithm, String curve, java.security.Provider provider) throws Exception {
        KeyPairGenerator g = provider == null ? KeyPairGenerator.getInstance(algorithm) : KeyPairGenerator.getInstance(algorithm, provider);
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    static void signsVerifiesAndRefusesForgeries(CheckpointSigner signer, CheckpointSigner verifier) {
        ChainCheckpoint c = ChainCheckpoint.sign(TAKEN, EventChain.sha256(), HEADS, signer);
        assertThat(c.signatureAlgorithm()).isEqualTo(signer.algorithm());
        assertThat(c.authentic(verifier)).isTrue();
        ChainCheckpoint read = ChainCheckpoint.parse(c.toText());
        assertThat(read).isEqualTo(c);
        assertThat(read.authentic(verifier)).isTrue();
        // A head moved back, a case left out, another instant: none verifies.
        ChainCheckpoint earlier = new ChainCheckpoint(c.takenAt(), c.chainAlgorithm(),
                List.of(new ChainCheckpoint.Head(HEADS.get(0).caseId(), 2, HEADS.get(0).link()), HEADS.get(1)), c.signatureAlgorithm(), c.signature());
        ChainCheckpoint fewer = new ChainCheckpoint(c.takenAt(), c.chainAlgorithm(), HEADS.subList(0, 1), c.signatureAlgorithm(), c.signature());
        ChainCheckpoint later = new ChainCheckpoint(c.takenAt().plusNanos(1), c.chainAlgorithm(), HEADS, c.signatureAlgorithm(), c.signature());
        for (ChainCheckpoint forged : List.of(earlier, fewer, later)) assertThat(forged.authentic(verifier)).isFalse();
        assertThat(ChainCheckpoint.parse(c.toText().replace("\t3\t", "\t2\t")).authentic(verifier)).isFalse();
    }

    @Test
    void hmacSha256WithAKeyOutsideTheDatabase() {
        CheckpointSigner hmac = CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec(new byte[32], "HmacSHA256"), null);
        signsVerifiesAndRefusesForgeries(hmac, hmac);
        CheckpointSigner otherKey = CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec(new byte[] {1, 2, 3}, "HmacSHA256"), null);
        assertThat(ChainCheckpoint.sign(TAKEN, EventChain.sha256(), HEADS, hmac).authentic(otherKey)).isFalse();
    }

    @Test
    void ecdsaOnP256VerifiedWithThePublicKeyAlone() throws Exception {
        KeyPair k = keys("EC", "secp256r1", null);
        CheckpointSigner signer = CheckpointSigner.keyPair("SHA256withECDSA", k.getPrivate(), k.getPublic(), null);
        CheckpointSigner thirdParty = CheckpointSigner.keyPair("SHA256withECDSA", null, k.getPublic(), null);
        signsVerifiesAndRefusesForgeries(signer, thirdParty);
        assertThatThrownBy(() -> thirdParty.sign(new byte[1])).isInstanceOf(CheckpointException.class).hasMessageContaining("only verifies");
    }

    @Test
    void sm2WithSm3ThroughBouncyCastle() throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        KeyPair k = keys("EC", "sm2p256v1", bc);
        CheckpointSigner signer = CheckpointSigner.keyPair("SM3withSM2", k.getPrivate(), k.getPublic(), bc);
        signsVerifiesAndRefusesForgeries(signer, CheckpointSigner.keyPair("SM3withSM2", null, k.getPublic(), bc));
        CheckpointSigner hmacSm3 = CheckpointSigner.hmac("HmacSM3", new SecretKeySpec(new byte[32], "HmacSM3"), bc);
        signsVerifiesAndRefusesForgeries(hmacSm3, hmacSm3);
        // An SM3 chain's checkpoint names it.
        ChainCheckpoint sm3 = ChainCheckpoint.sign(TAKEN, EventChain.of("SM3", bc), HEADS, signer);
        assertThat(new String(sm3.content(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("xinfang-checkpoint-v1\nchain SM3\ntaken 1717200000.000000042\n");
    }

    @Test
    void malformedTextAndValuesAreRefused() {
        assertThatThrownBy(() -> ChainCheckpoint.parse("xinfang-checkpoint-v1\n")).isInstanceOf(CheckpointException.class);
        assertThatThrownBy(() -> ChainCheckpoint.parse("no line feed")).isInstanceOf(CheckpointException.class);
        assertThatThrownBy(() -> new ChainCheckpoint.Head("a\tb", 1, "00".repeat(32))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseId");
        assertThatThrownBy(() -> new ChainCheckpoint.Head("a", 0, "00".repeat(32))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> new ChainCheckpoint.Head("a", 1, "XY")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link");
        assertThatThrownBy(() -> new ChainCheckpoint(TAKEN, "SHA-256", List.of(HEADS.get(1), HEADS.get(0)), "x", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> CheckpointSigner.hmac("HmacNope", new SecretKeySpec(new byte[1], "x"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HmacNope");
        assertThatThrownBy(() -> CheckpointSigner.keyPair("NopeWithNothing", null, new byte[0] == null ? null : dummyKey(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NopeWithNothing");
    }

    private static java.security.PublicKey dummyKey() {
        try {
            return keys("EC", "secp256r1", null).getPublic();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A checkpoint whose signature does not verify, or that names another chain, is refused before any walk. */
    @Test
    void aForgedCheckpointIsRefusedByTheVerifier() {
        CheckpointSigner hmac = CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec(new byte[32], "HmacSHA256"), null);
        ChainVerifier verifier = ChainVerifier.of(new ChainVerifierProperties.Listed(List.of()), EventChain.sha256());
        ChainCheckpoint signed = ChainCheckpoint.sign(TAKEN, EventChain.sha256(), HEADS, hmac);
        ChainCheckpoint forged = new ChainCheckpoint(TAKEN, "SHA-256", HEADS.subList(1, 2), signed.signatureAlgorithm(), signed.signature());
        assertThatThrownBy(() -> verifier.verifyStore(forged, hmac)).isInstanceOf(CheckpointException.class).hasMessageContaining("not authentic");
        ChainCheckpoint sm3 = ChainCheckpoint.sign(TAKEN, EventChain.of("SM3", new BouncyCastleProvider()), HEADS, hmac);
        assertThatThrownBy(() -> verifier.verifyStore(sm3, hmac)).isInstanceOf(CheckpointException.class).hasMessageContaining("SM3");
        assertThat(verifier.verifyStore(signed, hmac).firstBreak()).contains(new ChainBreak("XF-440103-2024-000001", 1, ChainBreak.Kind.DELETED));
    }
}
