package io.github.xinfang.bench;

import io.github.xinfang.calendar.WorkCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * The holiday set of xinfang's shipped national calendar as plain sets, for the competitors: weekday
 * holidays, and weekend make-up working days (调休上班). Plus the sampled start dates shared by the
 * benchmark and the agreement check.
 *
 * <p>Immutable after construction; thread-safe.
 *
 * @since 0.1
 */
public final class HolidaySet {
    /** Starts are drawn from here; 60 working days after the last one still lies inside 2026. */
    static final LocalDate FIRST_START = LocalDate.of(2024, 1, 1);
    static final LocalDate LAST_START = LocalDate.of(2026, 8, 31);
    static final long SEED = 20_240_101L;

    final Set<LocalDate> weekdayHolidays = new HashSet<>();
    final Set<LocalDate> makeUpWorkingDays = new HashSet<>();
    final LocalDate first;
    final LocalDate last;

    HolidaySet(WorkCalendar calendar) {
        first = calendar.coverage().first();
        last = calendar.coverage().last();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            boolean weekend = isWeekend(d);
            boolean working = calendar.isWorkingDay(d);
            if (!weekend && !working) {
                weekdayHolidays.add(d);
            } else if (weekend && working) {
                makeUpWorkingDays.add(d);
            }
        }
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * Random start dates in [FIRST_START, LAST_START].
     *
     * @param count how many (a power of two)
     * @param workingOnly whether to keep only working days on {@code calendar}
     * @param calendar the calendar deciding working days
     * @return the dates
     */
    static LocalDate[] starts(int count, boolean workingOnly, WorkCalendar calendar) {
        Random random = new Random(SEED);
        int span = (int) (LAST_START.toEpochDay() - FIRST_START.toEpochDay() + 1);
        LocalDate[] starts = new LocalDate[count];
        for (int i = 0; i < count; ) {
            LocalDate d = FIRST_START.plusDays(random.nextInt(span));
            if (!workingOnly || calendar.isWorkingDay(d)) {
                starts[i++] = d;
            }
        }
        return starts;
    }
}
