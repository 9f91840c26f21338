package io.github.xinfang.cases;

import java.util.Objects;

/**
 * A command's idempotency key, unique per case (DESIGN invariant 8). Immutable.
 *
 * @param value not blank, at most 128 characters
 * @since 0.1
 */
public record IdempotencyKey(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is blank or longer than 128 characters
     */
    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("value must not be blank");
        if (value.length() > 128) throw new IllegalArgumentException("value must be at most 128 characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
