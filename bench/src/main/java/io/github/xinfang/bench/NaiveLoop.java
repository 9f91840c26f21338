package io.github.xinfang.bench;

import java.time.LocalDate;

/**
 * The baseline: adding working days by stepping one day at a time over the same holiday set.
 *
 * <p>Immutable; thread-safe.
 *
 * @since 0.1
 */
public final class NaiveLoop {
    private final HolidaySet holidays;

    NaiveLoop(HolidaySet holidays) {
        this.holidays = holidays;
    }

    boolean isWorkingDay(LocalDate d) {
        if (HolidaySet.isWeekend(d)) {
            return holidays.makeUpWorkingDays.contains(d);
        }
        return !holidays.weekdayHolidays.contains(d);
    }

    LocalDate plusWorkingDays(LocalDate start, int n) {
        LocalDate d = start;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
