package io.github.xinfang.cases;

import io.github.xinfang.text.TextRule;

/**
 * A case's identifier, supplied by the caller (e.g. the portal's 信访件编号). Immutable.
 *
 * @param value an id under {@link TextRule#ID}: at most 64 code points, no whitespace, control, format or private-use character
 * @since 0.1
 */
public record CaseId(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#ID} (blank, too long, a character an id may not hold)
     */
    public CaseId {
        TextRule.ID.require(value, "value", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
