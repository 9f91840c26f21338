package io.github.xinfang.privacy;

import javax.crypto.SecretKey;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keys held in this object's memory: for tests, demos and a single JVM that may lose every encrypted value on restart.
 * A production portal keeps its keys in a key service instead. Thread-safe.
 *
 * @since 0.9
 */
public final class InMemoryKeyProvider implements KeyProvider {
    private final PersonalDataCipher cipher;
    private final ConcurrentMap<DataKey, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<DataKey> destroyed = ConcurrentHashMap.newKeySet();
    private final Set<DataKey> restricted = ConcurrentHashMap.newKeySet();

    private InMemoryKeyProvider(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * @param cipher the cipher whose keys it creates
     * @return an empty provider
     * @throws NullPointerException if cipher is null
     */
    public static InMemoryKeyProvider create(PersonalDataCipher cipher) {
        return new InMemoryKeyProvider(Objects.requireNonNull(cipher, "cipher"));
    }

    @Override
    public SecretKey keyForWriting(DataKey key) {
        Objects.requireNonNull(key, "key");
        if (destroyed.contains(key)) throw new PersonalDataException(key + " was destroyed", null);
        SecretKey k = keys.computeIfAbsent(key, x -> cipher.newKey());
        // destroy() may have run between the check and the lookup: never hand out a key it removed.
        if (destroyed.contains(key)) {
            keys.remove(key);
            throw new PersonalDataException(key + " was destroyed", null);
        }
        return k;
    }

    @Override
    public Optional<SecretKey> keyForReading(DataKey key) {
        Objects.requireNonNull(key, "key");
        SecretKey k = keys.get(key);
        if (k != null) return Optional.of(k);
        if (destroyed.contains(key)) return Optional.empty();
        throw new PersonalDataException(key + " is unknown to this key provider", null);
    }

    @Override
    public boolean isRestricted(DataKey key) {
        return restricted.contains(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void restrict(DataKey key) {
        restricted.add(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void liftRestriction(DataKey key) {
        restricted.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void destroy(DataKey key) {
        destroyed.add(Objects.requireNonNull(key, "key"));
        keys.remove(key);
        restricted.remove(key);
    }

    /** @return how many keys it holds (for tests) */
    public int size() {
        return keys.size();
    }
}
