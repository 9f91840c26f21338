package io.github.xinfang.directory;

import io.github.xinfang.text.TextRule;

/**
 * The identifier of a unit (单位) in the organisation directory. Immutable.
 *
 * @param value an id under {@link TextRule#ID}: at most 64 code points, no whitespace, control, format or private-use character
 * @since 0.1
 */
public record UnitId(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#ID} (blank, too long, a character an id may not hold)
     */
    public UnitId {
        TextRule.ID.require(value, "value", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
