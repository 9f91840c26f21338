package io.github.xinfang.persistence.chain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Signs checkpoints of the event chain and verifies their signatures: the port through which a key the database never
 * holds vouches for the chain heads (an attacker who edits the database and recomputes the chain cannot sign). The
 * factories cover a signature key pair (SM2 with SM3 or ECDSA, through a JCA provider) and an HMAC key; a portal may
 * implement it over a hardware security module or a signing service. Implementations are thread-safe.
 *
 * @since 0.7
 */
public interface CheckpointSigner {

    /** @return the name of the signature algorithm, written into the checkpoint ({@code SM3withSM2}, {@code HmacSHA256}) */
    String algorithm();

    /**
     * Signs a checkpoint's content.
     *
     * @param content the bytes to sign ({@link ChainCheckpoint#content()})
     * @return the signature
     * @throws CheckpointException if signing fails, or this signer can only verify
     */
    byte[] sign(byte[] content);

    /**
     * Verifies a signature.
     *
     * @param content the signed bytes
     * @param signature the signature
     * @return true if the signature is this signer's over exactly these bytes
     * @throws CheckpointException if the provider fails
     */
    boolean verify(byte[] content, byte[] signature);

    /**
     * A signer over a key pair: {@code SHA256withECDSA} from the JDK, or {@code SM3withSM2} from Bouncy Castle.
     *
     * @param algorithm the JCA signature algorithm
     * @param privateKey the signing key, or null for a signer that only verifies (a third party's)
     * @param publicKey the verifying key
     * @param provider the provider, or null for the registered providers
     * @return the signer
     * @throws NullPointerException if algorithm or publicKey is null
     * @throws IllegalArgumentException if the algorithm is not available
     */
    static CheckpointSigner keyPair(String algorithm, PrivateKey privateKey, PublicKey publicKey, Provider provider) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        try {
            if (provider == null) Signature.getInstance(algorithm);
            else Signature.getInstance(algorithm, provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("algorithm " + algorithm + " is not available", e);
        }
        return new NamedSigner(algorithm) {
            private Signature signature() throws GeneralSecurityException {
                return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
            }

            @Override
            public byte[] sign(byte[] content) {
                Objects.requireNonNull(content, "content");
                if (privateKey == null) throw new CheckpointException("this " + algorithm + " signer holds no private key: it only verifies");
                try {
                    Signature s = signature();
                    s.initSign(privateKey);
                    s.update(content);
                    return s.sign();
                } catch (GeneralSecurityException e) {
                    throw new CheckpointException("signing a checkpoint with " + algorithm + " failed", e);
                }
            }

            @Override
            public boolean verify(byte[] content, byte[] sig) {
                Objects.requireNonNull(content, "content");
                Objects.requireNonNull(sig, "signature");
                try {
                    Signature s = signature();
                    s.initVerify(publicKey);
                    s.update(content);
                    return s.verify(sig);
                } catch (java.security.SignatureException e) {
                    return false;   // a malformed signature is not this key's
                } catch (GeneralSecurityException e) {
                    throw new CheckpointException("verifying a checkpoint with " + algorithm + " failed", e);
                }
            }

        };
    }

    /**
     * A signer over a secret key kept outside the database: {@code HmacSHA256} from the JDK, or {@code HmacSM3} from
     * Bouncy Castle. Whoever verifies needs the same key.
     *
     * @param algorithm the JCA MAC algorithm
     * @param key the secret key
     * @param provider the provider, or null for the registered providers
     * @return the signer
     * @throws NullPointerException if algorithm or key is null
     * @throws IllegalArgumentException if the algorithm is not available or refuses the key
     */
    static CheckpointSigner hmac(String algorithm, SecretKey key, Provider provider) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        try {
            Mac probe = provider == null ? Mac.getInstance(algorithm) : Mac.getInstance(algorithm, provider);
            probe.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("algorithm " + algorithm + " is not available for this key", e);
        }
        return new NamedSigner(algorithm) {
            @Override
            public byte[] sign(byte[] content) {
                Objects.requireNonNull(content, "content");
                try {
                    Mac mac = provider == null ? Mac.getInstance(algorithm) : Mac.getInstance(algorithm, provider);
                    mac.init(key);
                    return mac.doFinal(content);
                } catch (GeneralSecurityException e) {
                    throw new CheckpointException("signing a checkpoint with " + algorithm + " failed", e);
                }
            }

            @Override
            public boolean verify(byte[] content, byte[] signature) {
                Objects.requireNonNull(signature, "signature");
                return MessageDigest.isEqual(sign(content), signature);
            }
        };
    }
}
