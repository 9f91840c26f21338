package io.github.xinfang.petition;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number: a mainland mobile number (11 digits starting with 1) or a landline (area code and number,
 * 7 to 12 digits, optionally with one hyphen). Personal data, masked in {@code toString} (138****5678). Immutable.
 *
 * <p>A {@link Withheld} placeholder (erased, restricted or masked data) is a value of this type too.
 *
 * @param value the number as digits, with at most one hyphen
 * @since 0.1
 */
public record PhoneNumber(String value) {
    private static final Pattern SHAPE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is not a mobile or landline number
     */
    public PhoneNumber {
        if (Withheld.reason(value) == null) {
            Objects.requireNonNull(value, "value");
            if (!SHAPE.matcher(value).matches()) throw new IllegalArgumentException("value must be a mobile or landline number");
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
        return Masking.keepEnds(value, 3, 4);
    }
}
