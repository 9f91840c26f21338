package io.github.xinfang.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated cipher that protects personal values: AES-256-GCM (the default, in every Java platform) or
 * SM4-GCM (GB/T 32907, for the commercial-cryptography assessment of GB/T 39786-2021) through a JCA provider that has
 * it, such as Bouncy Castle's. A sealed value is {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}; the
 * associated data, which binds the value to its case, record, field and key, is authenticated and not stored.
 * Immutable and thread-safe (each call takes its own {@link Cipher}).
 *
 * @since 0.9
 */
public final class PersonalDataCipher {
    /** The nonce's length in bytes (96 bits, as GCM recommends). */
    public static final int NONCE_LENGTH = 12;
    /** The tag's length in bits. */
    public static final int TAG_BITS = 128;

    private final String name;
    private final String keyAlgorithm;
    private final int keyBits;
    private final Provider provider;
    private final SecureRandom random;

    private PersonalDataCipher(String name, String keyAlgorithm, int keyBits, Provider provider, SecureRandom random) {
        this.name = name;
        this.keyAlgorithm = keyAlgorithm;
        this.keyBits = keyBits;
        this.provider = provider;
        this.random = random;
    }

    /** @return AES-256-GCM through the platform's providers */
    public static PersonalDataCipher aesGcm() {
        return new PersonalDataCipher("AES-GCM", "AES", 256, null, new SecureRandom());
    }

    /**
     * @param provider a JCA provider implementing {@code SM4/GCM/NoPadding} (e.g. Bouncy Castle's)
     * @return SM4-GCM (128-bit keys) through that provider
     * @throws NullPointerException if provider is null
     * @throws PersonalDataException if the provider has no SM4-GCM
     */
    public static PersonalDataCipher sm4Gcm(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        PersonalDataCipher cipher = new PersonalDataCipher("SM4-GCM", "SM4", 128, provider, new SecureRandom());
        cipher.cipher();   // fail now, not on the first commit
        return cipher;
    }

    /**
     * @param name a cipher's name as stored beside each value ({@code AES-GCM} or {@code SM4-GCM})
     * @return whether this cipher is the one named
     */
    public boolean is(String name) {
        return this.name.equals(name);
    }

    /** @return the name stored beside each value: {@code AES-GCM} or {@code SM4-GCM} */
    public String name() {
        return name;
    }

    /** @return the algorithm of the keys it takes: {@code AES} or {@code SM4} */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /**
     * @return a new random key for this cipher (what a key service does on first use)
     * @throws PersonalDataException if the platform cannot generate one
     */
    public SecretKey newKey() {
        try {
            KeyGenerator generator = provider == null ? KeyGenerator.getInstance(keyAlgorithm)
                    : KeyGenerator.getInstance(keyAlgorithm, provider);
            generator.init(keyBits, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("cannot generate a " + name + " key", e);
        }
    }

    /**
     * Encrypts and authenticates.
     *
     * @param key the key
     * @param associatedData what the value is bound to (authenticated, not stored)
     * @param clear the value's bytes
     * @return nonce, ciphertext and tag
     * @throws NullPointerException if an argument is null
     * @throws PersonalDataException if the key does not fit the cipher or the platform fails
     */
    public byte[] seal(SecretKey key, byte[] associatedData, byte[] clear) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(associatedData, "associatedData");
        Objects.requireNonNull(clear, "clear");
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData);
            byte[] sealed = Arrays.copyOf(nonce, NONCE_LENGTH + c.getOutputSize(clear.length));
            int n = c.doFinal(clear, 0, clear.length, sealed, NONCE_LENGTH);
            return n == sealed.length - NONCE_LENGTH ? sealed : Arrays.copyOf(sealed, NONCE_LENGTH + n);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("cannot encrypt with " + name + " (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /**
     * Decrypts and checks the tag.
     *
     * @param key the key
     * @param associatedData what the value was bound to when sealed
     * @param sealed nonce, ciphertext and tag
     * @return the value's bytes, or empty if they do not authenticate (altered, moved to another field or record, or
     *     sealed under another key)
     * @throws NullPointerException if an argument is null
     * @throws PersonalDataException if the key does not fit the cipher or the platform fails
     */
    public Optional<byte[]> open(SecretKey key, byte[] associatedData, byte[] sealed) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(associatedData, "associatedData");
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) return Optional.empty();
        try {
            Cipher c = cipher();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_LENGTH));
            c.updateAAD(associatedData);
            return Optional.of(c.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("cannot decrypt with " + name + " (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private Cipher cipher() {
        String transformation = keyAlgorithm + "/GCM/NoPadding";
        try {
            return provider == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException(transformation + " is not available"
                    + (provider == null ? "" : " from " + provider.getName()), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
