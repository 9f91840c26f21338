package io.github.xinfang.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A time limit in days, and how its due date is counted on a {@link WorkCalendar}.
 *
 * <p>The default follows Chinese law and practice (民法典 Art. 201 and 203; 民事诉讼法 Art. 85): the day of
 * the starting fact is not counted; a limit in working days ends on the n-th working day after the start;
 * a limit in calendar days ends n days after the start, and, when that day is not a working day (a
 * statutory holiday or a rest day), on the next working day. Both rules are options.
 *
 * <p>Immutable; thread-safe.
 *
 * @param length the number of days, at least 0 (at least 1 when the start day counts)
 * @param dayCount calendar days or working days
 * @param countsStartDay whether the start day is day 1 (default false)
 * @param rollsToWorkingDay whether a calendar-day limit ending on a non-working day moves to the next
 *     working day (default true); working-day limits always end on a working day
 * @since 0.1
 */
public record TimeLimit(int length, DayCount dayCount, boolean countsStartDay, boolean rollsToWorkingDay) {
    /**
     * Validates.
     *
     * @param length the number of days
     * @param dayCount the day count
     * @param countsStartDay whether the start day counts
     * @param rollsToWorkingDay whether a calendar-day limit rolls to a working day
     */
    public TimeLimit {
        Objects.requireNonNull(dayCount, "dayCount");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        if (countsStartDay && length == 0) {
            throw new IllegalArgumentException("length must be at least 1 when the start day counts");
        }
    }

    /**
     * A limit with the default counting rules (start day not counted; calendar-day limits roll forward).
     *
     * @param length the number of days
     * @param dayCount the day count
     * @return the limit
     */
    public static TimeLimit of(int length, DayCount dayCount) {
        return new TimeLimit(length, dayCount, false, true);
    }

    /**
     * A limit in calendar days with the default rules ("15日").
     *
     * @param length the number of days
     * @return the limit
     */
    public static TimeLimit days(int length) {
        return of(length, DayCount.CALENDAR_DAYS);
    }

    /**
     * A limit in working days with the default rules ("5个工作日").
     *
     * @param length the number of working days
     * @return the limit
     */
    public static TimeLimit workingDays(int length) {
        return of(length, DayCount.WORKING_DAYS);
    }

    /**
     * This limit, counting the start day as day 1.
     *
     * @return the changed limit
     */
    public TimeLimit countingStartDay() {
        return new TimeLimit(length, dayCount, true, rollsToWorkingDay);
    }

    /**
     * This limit, ending on its last day even when that is not a working day.
     *
     * @return the changed limit
     */
    public TimeLimit withoutRolling() {
        return new TimeLimit(length, dayCount, countsStartDay, false);
    }

    /**
     * The last day of this limit for a starting fact on {@code start}.
     *
     * @param start the day of the starting fact
     * @param calendar the work calendar
     * @return the due date
     * @throws WorkCalendar.CoverageException when the calendar fails on uncovered dates and the count needs one
     */
    public LocalDate dueDate(LocalDate start, WorkCalendar calendar) {
        return due(start, calendar).date();
    }

    /**
     * The last day of this limit, with whether the answer is final on the calendar.
     *
     * @param start the day of the starting fact
     * @param calendar the work calendar
     * @return the due date and its finality
     * @throws WorkCalendar.CoverageException when the calendar fails on uncovered dates and the count needs one
     */
    public WorkCalendar.Answer due(LocalDate start, WorkCalendar calendar) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(calendar, "calendar");
        LocalDate base = countsStartDay ? start.minusDays(1) : start;
        if (dayCount == DayCount.WORKING_DAYS) {
            // a limit of no working days ends on the start if that is a working day, else on the next one
            LocalDate due = length == 0 ? calendar.nextWorkingDayOnOrAfter(base) : calendar.plusWorkingDays(base, length);
            return new WorkCalendar.Answer(due, calendar.coverage().isFinal(base, due));
        }
        LocalDate last = base.plusDays(length);
        if (!rollsToWorkingDay) {
            return new WorkCalendar.Answer(last, true);
        }
        LocalDate due = calendar.nextWorkingDayOnOrAfter(last);
        return new WorkCalendar.Answer(due, calendar.coverage().isFinal(last, due));
    }

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
}
