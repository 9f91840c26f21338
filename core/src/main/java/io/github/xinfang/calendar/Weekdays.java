package io.github.xinfang.calendar;

/**
 * Closed-form arithmetic on Monday-to-Friday weeks, over epoch days: the fallback rule for dates no
 * notice covers.
 *
 * <p>Stateless; thread-safe.
 *
 * @since 0.1
 */
final class Weekdays {
    /** Epoch day of Monday 1969-12-29, the origin of the count. */
    private static final long MONDAY_ORIGIN = -3;

    private Weekdays() {
    }

    /**
     * Whether an epoch day falls on Monday to Friday.
     *
     * @param epochDay the day
     * @return true for Monday to Friday
     */
    public static boolean isWeekday(long epochDay) {
        return Math.floorMod(epochDay - MONDAY_ORIGIN, 7) < 5;
    }

    /**
     * A signed running count of weekdays: {@code prefix(b) - prefix(a)} is the number of weekdays in
     * {@code (a, b]}.
     *
     * @param epochDay the day
     * @return the count of weekdays from the origin up to and including the day
     */
    public static long prefix(long epochDay) {
        long m = epochDay - MONDAY_ORIGIN;
        return 5 * Math.floorDiv(m, 7) + Math.min(Math.floorMod(m, 7) + 1, 5);
    }

    /**
     * The inverse of {@link #prefix(long)}: the weekday whose running count is {@code k}.
     *
     * @param k a running count
     * @return the epoch day of the weekday with {@code prefix(day) == k}
     */
    public static long nth(long k) {
        return MONDAY_ORIGIN + 7 * Math.floorDiv(k - 1, 5) + Math.floorMod(k - 1, 5);
    }
}
