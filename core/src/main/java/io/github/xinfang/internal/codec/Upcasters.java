package io.github.xinfang.internal.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The upcasting chains of the stored types: for a type name and a schema version {@code k}, the
 * {@link Upcaster} that turns a payload at version {@code k} into one at {@code k + 1}. The codec applies the
 * steps from a stored record's version up to the type's current version (from {@code TypeTable}) after
 * parsing and before binding.
 *
 * <h2>Changing a stored type</h2>
 * When a release changes the fields of an event or of the snapshot:
 * <ol>
 *   <li>raise the type's schema version in {@code TypeTable} (or {@link TypeTable#SNAPSHOT_SCHEMA_VERSION});</li>
 *   <li>add the step from the old version here, in {@link #standard()};</li>
 *   <li>keep the old golden file (it becomes the committed old-format fixture that must still decode) and
 *       write the new one with {@code -Dxinfang.writeGoldenFiles=true}.</li>
 * </ol>
 * Every type is at its first version today, so the standard set is empty. Immutable and thread-safe.
 */
final class Upcasters {
    private static final Upcasters NONE = new Upcasters(Map.of());

    /** Type name to (from-version to step). */
    private final Map<String, Map<Integer, Upcaster>> steps;

    private Upcasters(Map<String, Map<Integer, Upcaster>> steps) {
        this.steps = steps;
    }

    /** @return the chains of this release (empty: no stored type has changed since its first version) */
    static Upcasters standard() {
        return NONE;
    }

    /** @return a builder for a custom set (tests, or a release preparing a change) */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @param typeName a stored type name
     * @param fromVersion a schema version
     * @return the step from that version to the next, or null
     */
    Upcaster step(String typeName, int fromVersion) {
        Map<Integer, Upcaster> chain = steps.get(typeName);
        return chain == null ? null : chain.get(fromVersion);
    }

    /**
     * @param typeName a stored type name
     * @param current the type's current version
     * @return the lowest version from which an unbroken chain of steps reaches {@code current}
     */
    int oldestReadable(String typeName, int current) {
        int v = current;
        while (v > 1 && step(typeName, v - 1) != null) v--;
        return v;
    }

    /**
     * Checks that every step belongs to a known type and leads to a version not beyond its current one.
     *
     * @param currentVersions the current version of every stored type name
     * @throws IllegalArgumentException naming the first step that does not fit
     */
    void checkAgainst(Map<String, Integer> currentVersions) {
        steps.forEach((type, chain) -> {
            Integer current = currentVersions.get(type);
            if (current == null) throw new IllegalArgumentException("upcaster for unknown type " + type);
            chain.keySet().forEach(from -> {
                if (from < 1 || from >= current) {
                    throw new IllegalArgumentException("upcaster of " + type + " from v" + from
                            + " does not lead to a version up to the current v" + current);
                }
            });
        });
    }

    /** Collects steps. Not thread-safe. */
    static final class Builder {
        private final Map<String, Map<Integer, Upcaster>> steps = new HashMap<>();

        private Builder() {}

        /**
         * @param typeName the stored type name
         * @param fromVersion the version the step reads (it writes {@code fromVersion + 1})
         * @param step the step
         * @return this builder
         * @throws IllegalArgumentException if a step from that version is already set
         */
        Builder add(String typeName, int fromVersion, Upcaster step) {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(step, "step");
            if (steps.computeIfAbsent(typeName, t -> new HashMap<>()).putIfAbsent(fromVersion, step) != null) {
                throw new IllegalArgumentException("two upcasters of " + typeName + " from v" + fromVersion);
            }
            return this;
        }

        Upcasters build() {
            Map<String, Map<Integer, Upcaster>> copy = new HashMap<>();
            steps.forEach((t, chain) -> copy.put(t, Map.copyOf(chain)));
            return new Upcasters(Map.copyOf(copy));
        }
    }
}
