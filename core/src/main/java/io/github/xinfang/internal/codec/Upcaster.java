package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of an upcasting chain: turns the payload of one stored type at schema version {@code k} into the
 * payload of the same type at version {@code k + 1}, as a JSON tree, before the codec binds it to the domain
 * record. It may rename, add (with a default), remove or reshape fields; it must not read the wall clock or
 * anything outside the payload, so that decoding stays a pure function of the stored record.
 *
 * <p>An upcaster may change the tree it is given and return it, or return a new one. It should only throw
 * for payloads that no earlier version could have written; the codec turns any exception it throws into a
 * {@link io.github.xinfang.cases.CodecException} naming the type and the stored version (its message is not
 * kept, since it might quote the payload). Implementations must be stateless and thread-safe.
 */
@FunctionalInterface
interface Upcaster {
    /**
     * @param payload the payload at the older version (a fresh tree, owned by the upcaster)
     * @return the payload at the next version
     */
    ObjectNode upcast(ObjectNode payload);

    /**
     * @param from the old property name
     * @param to the new property name
     * @return an upcaster that renames one top-level property, keeping the order of the others; a payload that
     *     already has both names is refused rather than merged
     */
    static Upcaster renaming(String from, String to) {
        return payload -> {
            if (!payload.has(from)) return payload;            // the binder reports the missing field
            if (payload.has(to)) throw new IllegalArgumentException("payload has both the old and the new name");
            ObjectNode renamed = payload.objectNode();
            payload.fields().forEachRemaining(e -> renamed.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue()));
            return renamed;
        };
    }

    /**
     * @param name the new property name
     * @return an upcaster that adds a top-level property as JSON null when it is absent (a new optional field)
     */
    static Upcaster addingNull(String name) {
        return payload -> {
            if (!payload.has(name)) payload.putNull(name);
            return payload;
        };
    }
}
