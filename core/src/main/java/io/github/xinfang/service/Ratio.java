package io.github.xinfang.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A ratio of a report (DESIGN.md section 5, "Metrics"): numerator and denominator exposed, with its unit (件
 * cases, 件次 petitions, 人次 persons). Immutable.
 *
 * @param numerator the count on top
 * @param denominator the count below
 * @param unit 件, 件次 or 人次
 * @since 0.2
 */
public record Ratio(long numerator, long denominator, String unit) {
    /**
     * @throws NullPointerException if unit is null
     * @throws IllegalArgumentException if a count is negative or the numerator exceeds the denominator
     */
    public Ratio {
        Objects.requireNonNull(unit, "unit");
        if (numerator < 0) throw new IllegalArgumentException("numerator must not be negative");
        if (denominator < 0) throw new IllegalArgumentException("denominator must not be negative");
        if (numerator > denominator) throw new IllegalArgumentException("numerator must not exceed denominator");
    }

    /** @return the ratio as a percentage rounded half-up to one decimal (e.g. 97.4), or empty for 0 ÷ 0 */
    public java.util.Optional<BigDecimal> percent() {
        if (denominator == 0) return java.util.Optional.empty();
        return java.util.Optional.of(BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator + " " + unit + percent().map(p -> " (" + p.toPlainString() + "%)").orElse("");
    }
}
