package io.github.xinfang.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An {@link OrganisationDirectory} that remembers the answers of another for a while
 * ({@link OrganisationDirectory#caching}): a unit or official asked for again before its answer is {@code ttl} old
 * is answered from memory, an unknown id too (so a new unit is seen once the answer about it expires). A failing
 * lookup is not remembered. Each of the two maps holds at most {@code maxEntries} answers: past that, the expired
 * ones go, and if that is not enough, all of them (ids a caller makes up cannot grow it without bound). Thread-safe;
 * two threads asking for the same id at once may both ask the source.
 */
final class CachingDirectory implements OrganisationDirectory {
    /** The most answers kept of each kind, by default. */
    static final int MAX_ENTRIES = 100_000;

    private final OrganisationDirectory source;
    private final Duration ttl;
    private final InstantSource clock;
    private final int maxEntries;
    private final ConcurrentHashMap<UnitId, Answer<Unit>> units = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<OfficialId, Answer<Official>> officials = new ConcurrentHashMap<>();

    CachingDirectory(OrganisationDirectory source, Duration ttl, InstantSource clock, int maxEntries) {
        this.source = Objects.requireNonNull(source, "source");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive");
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be at least 1");
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<Unit> unit(UnitId id) {
        return lookUp(units, Objects.requireNonNull(id, "id"), source::unit);
    }

    @Override
    public Optional<Official> official(OfficialId id) {
        return lookUp(officials, Objects.requireNonNull(id, "id"), source::official);
    }

    private <K, V> Optional<V> lookUp(ConcurrentHashMap<K, Answer<V>> answers, K id, Function<K, Optional<V>> ask) {
        Instant now = clock.instant();
        Answer<V> known = answers.get(id);
        if (known != null && now.isBefore(known.expiresAt())) return known.value();
        Optional<V> value = Objects.requireNonNull(ask.apply(id), "the source directory answered null");
        if (known == null && answers.size() >= maxEntries) {
            answers.values().removeIf(a -> !now.isBefore(a.expiresAt()));
            if (answers.size() >= maxEntries) answers.clear();
        }
        answers.put(id, new Answer<>(value, now.plus(ttl)));
        return value;
    }

    /** One remembered answer and the instant it stops being used. */
    private record Answer<V>(Optional<V> value, Instant expiresAt) {}
}
