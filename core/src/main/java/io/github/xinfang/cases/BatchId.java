package io.github.xinfang.cases;

import io.github.xinfang.text.TextRule;

/**
 * The identifier of a batch of backlog cases handed down by a higher level (上级交办批次). Immutable.
 *
 * @param value an id under {@link TextRule#ID}: at most 64 code points, no whitespace, control, format or private-use character
 * @since 0.2
 */
public record BatchId(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#ID} (blank, too long, a character an id may not hold)
     */
    public BatchId {
        TextRule.ID.require(value, "value", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
