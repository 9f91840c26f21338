package io.github.xinfang.petition;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A resident identity card number (居民身份证号码, GB 11643): 17 digits and a check character (digit or X),
 * checked with its ISO 7064 MOD 11-2 check character. Personal data, masked in {@code toString}
 * (4401**********1234). Immutable.
 *
 * <p>A {@link Withheld} placeholder (erased, restricted or masked data) is a value of this type too.
 *
 * @param value the 18-character number, upper-case X
 * @since 0.1
 */
public record IdNumber(String value) {
    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is not 18 characters of the right shape or its check character is wrong
     */
    public IdNumber {
        if (Withheld.reason(value) == null) {
            Objects.requireNonNull(value, "value");
            if (!SHAPE.matcher(value).matches()) throw new IllegalArgumentException("value must be 17 digits and a digit or X");
            if (checkCharacter(value) != value.charAt(17)) throw new IllegalArgumentException("value has a wrong check character");
        }
    }

    /**
     * Computes the check character of the first 17 digits.
     *
     * @param seventeenDigits a string whose first 17 characters are digits
     * @return the check character
     */
    public static char checkCharacter(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        return CHECK[sum % 11];
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
        return Masking.keepEnds(value, 4, 4);
    }
}
