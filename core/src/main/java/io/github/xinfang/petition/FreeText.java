package io.github.xinfang.petition;

import io.github.xinfang.text.TextRule;

/**
 * Free text written by or about people (a petition's summary, a reason, an opinion, a reply): treated as
 * personal data and masked in {@code toString} (only its length shows). Immutable.
 *
 * <p>A {@link Withheld} placeholder (erased, restricted or masked data) is a value of this type too.
 *
 * @param value the text under {@link TextRule#TEXT}, at most {@value #MAX_LENGTH} code points
 * @since 0.1
 */
public record FreeText(String value) {
    /** The most code points accepted. */
    public static final int MAX_LENGTH = 20_000;

    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#TEXT} (blank, too long, a control character)
     */
    public FreeText {
        if (Withheld.reason(value) == null) {
            TextRule.TEXT.require(value, "value", MAX_LENGTH);
        }
    }

    /**
     * @return why this value is a placeholder ({@link Withheld}), or empty when it holds real data
     * @since 0.9
     */
    public java.util.Optional<Withheld> withheld() {
        return Withheld.of(value);
    }

    @Override
    public String toString() {
        Withheld withheld = Withheld.reason(value);
        if (withheld != null) return withheld.english();
        return "FreeText[" + value.length() + " chars]";
    }
}
