package io.github.xinfang.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A ratio of a report (DESIGN.md section 5, "Metrics"): numerator and denominator exposed, with the unit both count in.
 * A zero denominator means "no data": {@link #ratio()} and {@link #percent()} are empty then, never 0% or NaN.
 *
 * <p>Rounding is fixed: {@link #percent()} is the exact quotient times 100 rounded {@link RoundingMode#HALF_UP} to one
 * decimal (900 of 924 is 97.4), {@link #percent(int)} to the scale asked for (94.65 with two decimals). Immutable and
 * thread-safe.
 *
 * @param numerator the count on top, at most the denominator
 * @param denominator the count below
 * @param unit what both count
 * @since 0.6
 */
public record Ratio(long numerator, long denominator, Ratio.Unit unit) {
    /**
     * @throws NullPointerException if unit is null
     * @throws IllegalArgumentException naming a negative count, or the numerator when it exceeds the denominator
     */
    public Ratio {
        Objects.requireNonNull(unit, "unit");
        if (numerator < 0) throw new IllegalArgumentException("numerator must not be negative");
        if (denominator < 0) throw new IllegalArgumentException("denominator must not be negative");
        if (numerator > denominator) throw new IllegalArgumentException("numerator must not exceed denominator");
    }

    /**
     * @param unit what it counts
     * @return 0 ÷ 0: no data
     */
    public static Ratio none(Unit unit) {
        return new Ratio(0, 0, unit);
    }

    /** @return whether the denominator is zero (no data) */
    public boolean isEmpty() {
        return denominator == 0;
    }

    /** @return the quotient as a double, or empty when the denominator is zero */
    public Optional<Double> ratio() {
        return denominator == 0 ? Optional.empty() : Optional.of((double) numerator / denominator);
    }

    /** @return the ratio as a percentage rounded half-up to one decimal (e.g. 97.4), or empty for a zero denominator */
    public Optional<BigDecimal> percent() {
        return percent(1);
    }

    /**
     * @param scale decimals kept, 0 to 10
     * @return the ratio as a percentage rounded half-up to that many decimals, or empty for a zero denominator
     * @throws IllegalArgumentException if scale is out of range
     */
    public Optional<BigDecimal> percent(int scale) {
        if (scale < 0 || scale > 10) throw new IllegalArgumentException("scale must be between 0 and 10");
        if (denominator == 0) return Optional.empty();
        return Optional.of(BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP));
    }

    /**
     * Compares the exact quotients (by cross-multiplication, no rounding).
     *
     * @param other another ratio with data
     * @return negative, zero or positive as this ratio is below, equal to or above the other
     * @throws IllegalArgumentException if either has no data
     */
    public int compareQuotient(Ratio other) {
        Objects.requireNonNull(other, "other");
        if (denominator == 0 || other.denominator == 0) throw new IllegalArgumentException("other: a ratio without data has no quotient");
        return Math.multiplyHigh(numerator, other.denominator) == 0 && Math.multiplyHigh(other.numerator, denominator) == 0
                ? Long.compare(numerator * other.denominator, other.numerator * denominator)
                : BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(other.denominator))
                        .compareTo(BigDecimal.valueOf(other.numerator).multiply(BigDecimal.valueOf(denominator)));
    }

    /**
     * @param other a ratio of the same unit
     * @return the sum of both numerators over the sum of both denominators
     * @throws IllegalArgumentException if the units differ
     */
    public Ratio plus(Ratio other) {
        Objects.requireNonNull(other, "other");
        if (other.unit != unit) throw new IllegalArgumentException("other: unit " + other.unit + " differs from " + unit);
        return new Ratio(Math.addExact(numerator, other.numerator), Math.addExact(denominator, other.denominator), unit);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator + " " + unit.chinese() + percent().map(p -> " (" + p.toPlainString() + "%)").orElse("");
    }

    /**
     * What a ratio counts (DESIGN.md section 5). Immutable.
     *
     * @since 0.6
     */
    public enum Unit {
        /** 件: cases. */
        CASES("件"),
        /** 件次: petitions (a case petitioned about three times is three). */
        PETITIONS("件次"),
        /** 人次: persons (the headcount behind each petition, added up). */
        PERSONS("人次"),
        /** 批次: group visits. */
        GROUP_VISITS("批次");

        private final String chinese;

        Unit(String chinese) {
            this.chinese = chinese;
        }

        /** @return the Chinese name, e.g. 件次 */
        public String chinese() {
            return chinese;
        }
    }
}
