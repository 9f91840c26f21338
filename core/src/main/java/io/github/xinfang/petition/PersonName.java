package io.github.xinfang.petition;

import io.github.xinfang.text.TextRule;

/**
 * A person's name: personal data, masked in {@code toString} (张三 → 张*). Immutable.
 *
 * <p>A {@link Withheld} placeholder (erased, restricted or masked data) is a value of this type too.
 *
 * @param value the name as given, one line under {@link TextRule#LINE}, at most {@value #MAX_LENGTH} code points
 * @since 0.1
 */
public record PersonName(String value) {
    /** The most code points accepted. @since 0.3 */
    public static final int MAX_LENGTH = 100;

    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#LINE} (blank, too long, a control character)
     */
    public PersonName {
        if (Withheld.reason(value) == null) {
            TextRule.LINE.require(value, "value", MAX_LENGTH);
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
        return Masking.keepFirst(value.strip());
    }
}
