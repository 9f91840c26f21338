package io.github.xinfang.directory;

import java.util.Objects;

/**
 * The identifier of a unit (单位) in the organisation directory. Immutable.
 *
 * @param value not blank, at most 64 characters
 * @since 0.1
 */
public record UnitId(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is blank or longer than 64 characters
     */
    public UnitId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("value must not be blank");
        if (value.length() > 64) throw new IllegalArgumentException("value must be at most 64 characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
