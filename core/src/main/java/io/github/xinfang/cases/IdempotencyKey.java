package io.github.xinfang.cases;

import io.github.xinfang.text.TextRule;

/**
 * A command's idempotency key, unique per case (DESIGN invariant 8). Immutable.
 *
 * @param value an id under {@link TextRule#ID}: at most 128 code points, no whitespace, control, format or private-use character
 * @since 0.1
 */
public record IdempotencyKey(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#ID} (blank, too long, a character an id may not hold)
     */
    public IdempotencyKey {
        TextRule.ID.require(value, "value", 128);
    }

    @Override
    public String toString() {
        return value;
    }
}
