package io.github.xinfang.directory;

import io.github.xinfang.text.TextRule;

/**
 * The identifier of an official (工作人员/领导干部) in the organisation directory. Immutable.
 *
 * @param value an id under {@link TextRule#ID}: at most 64 code points, no whitespace, control, format or private-use character
 * @since 0.1
 */
public record OfficialId(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#ID} (blank, too long, a character an id may not hold)
     */
    public OfficialId {
        TextRule.ID.require(value, "value", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
