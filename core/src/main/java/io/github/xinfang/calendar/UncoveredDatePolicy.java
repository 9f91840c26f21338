package io.github.xinfang.calendar;

/**
 * What a {@link WorkCalendar} does for a date no loaded notice covers; chosen when the calendar is built.
 *
 * <p>A question that starts inside coverage and runs past its end (adding working days near the end of
 * the last covered year) follows the same policy. Stateless enum; thread-safe.
 *
 * @since 0.1
 */
public enum UncoveredDatePolicy {
    /** Throw {@link CalendarCoverageException} naming the date. The default: never a silent guess. */
    FAIL,
    /**
     * Treat uncovered dates as working Monday to Friday and off on Saturday and Sunday, and mark every
     * answer that used such a date provisional ({@link CalendarAnswer#isFinal()} is false).
     */
    WEEKENDS_ONLY
}
