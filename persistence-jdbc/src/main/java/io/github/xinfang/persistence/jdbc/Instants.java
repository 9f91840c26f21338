package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.StoreException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * How instants are stored: a {@code NUMERIC(38,9)} of epoch seconds whose fraction holds the nanoseconds.
 * Exact for every {@link Instant} (PostgreSQL's {@code TIMESTAMP} keeps microseconds only), ordered as the
 * instants are, and one column, so keyset comparisons and indexes stay simple. Stateless.
 */
final class Instants {
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private Instants() {}

    static BigDecimal toDecimal(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }

    /**
     * @param value a stored instant
     * @return the instant
     * @throws StoreException if the stored value is null or makes no {@link Instant} (beyond its range, or more than
     *                        nine decimals): a damaged row
     */
    static Instant fromDecimal(BigDecimal value) {
        if (value == null) throw new StoreException("a stored instant is null");
        try {
            BigInteger nanos = value.setScale(9).unscaledValue();   // exact: the column's scale is 9
            BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
            return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new StoreException("a stored instant is out of range: " + value.toPlainString(), e);
        }
    }
}
