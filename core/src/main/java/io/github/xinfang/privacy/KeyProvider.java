package io.github.xinfang.privacy;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * The port to the portal's key service: one secret key per {@link DataKey} (per case, and per person of the case),
 * created on first use, restricted and destroyed on request. The codec asks it for keys while it encodes and decodes;
 * the case service restricts and destroys through it. Implementations must be thread-safe, keep keys outside the
 * case store (a key kept beside the data it protects protects nothing), and never lose a key they handed out except
 * by {@link #destroy}.
 *
 * <p>{@link InMemoryKeyProvider} is a complete implementation for tests and demos.
 *
 * @since 0.9
 */
public interface KeyProvider {

    /**
     * The key to encrypt with, created on first use.
     *
     * @param key which key
     * @return the key, for the cipher the provider was set up with
     * @throws PersonalDataException if the key was destroyed (a destroyed person's data is never written again) or
     *     the key service failed
     */
    SecretKey keyForWriting(DataKey key);

    /**
     * The key to decrypt with.
     *
     * @param key which key
     * @return the key, or empty if it was destroyed (the values it protected read as {@code Withheld.ERASED})
     * @throws PersonalDataException if the key service failed, or does not know the key at all (it was never created
     *     there: a key service that is not the one the data was written with must not make the data look erased)
     */
    Optional<SecretKey> keyForReading(DataKey key);

    /**
     * @param key which key
     * @return whether processing of the data under it is restricted (PIPL Art. 47: a deletion request while a
     *     retention period runs)
     * @throws PersonalDataException if the key service failed
     */
    boolean isRestricted(DataKey key);

    /**
     * Restricts processing of the data under a key: reads show it as restricted, exports omit it. The data stays
     * stored and encrypted.
     *
     * @param key which key
     * @throws PersonalDataException if the key service failed
     */
    void restrict(DataKey key);

    /**
     * Lifts a restriction (the deletion request was withdrawn or refused).
     *
     * @param key which key
     * @throws PersonalDataException if the key service failed
     */
    void liftRestriction(DataKey key);

    /**
     * Destroys a key for good: the retention period ended, or a deletion ground applies. Every value encrypted under it
     * reads as erased from then on; destroying an unknown or destroyed key does nothing.
     *
     * @param key which key
     * @throws PersonalDataException if the key service failed
     */
    void destroy(DataKey key);
}
