package io.github.xinfang.calendar;

/**
 * How a {@link TimeLimit} counts its days.
 *
 * <p>Plain "日" in a rule means calendar days; "工作日" means working days on the official calendar.
 * Stateless enum; thread-safe.
 *
 * @since 0.1
 */
public enum DayCount {
    /** Every day counts ("15日"). */
    CALENDAR_DAYS,
    /** Only working days count ("5个工作日"). */
    WORKING_DAYS
}
