package io.github.xinfang.cases;

import java.util.Objects;

/**
 * The identifier of a batch of backlog cases handed down by a higher level (上级交办批次). Immutable.
 *
 * @param value not blank, at most 64 characters, no control characters
 * @since 0.2
 */
public record BatchId(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is blank, too long, or has control characters
     */
    public BatchId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("value must not be blank");
        if (value.length() > 64) throw new IllegalArgumentException("value must be at most 64 characters");
        if (value.chars().anyMatch(Character::isISOControl)) throw new IllegalArgumentException("value must not contain control characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
