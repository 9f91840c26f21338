package io.github.xinfang.bench;

import java.time.LocalDate;
import java.util.Set;
import net.objectlab.kit.datecalc.common.DefaultHolidayCalendar;
import net.objectlab.kit.datecalc.common.HolidayCalendar;
import net.objectlab.kit.datecalc.jdk8.LocalDateCalculator;
import net.objectlab.kit.datecalc.jdk8.LocalDateForwardHandler;

/**
 * ObjectLab Kit ({@code datecalc-jdk8}) calculators over the same holiday set.
 *
 * <p>ObjectLab has no notion of a weekend day that is a working day: its {@code WorkingWeek} is per day of
 * week, and a {@code HolidayCalendar} can only add non-working days (a day is non-working when
 * {@code isWeekend(d) || isHoliday(d)}). {@link #withMakeUpDays} models make-up days by overriding the
 * public {@code LocalDateCalculator.isWeekend}, which its {@code isNonWorkingDay} calls; {@link #plain}
 * is ObjectLab as documented (holidays and a Monday-to-Friday week only). Both use the FORWARD holiday
 * handler, which also moves a non-working start date to the next working day before counting.
 *
 * <p>Calculators are mutable and not thread-safe (one per JMH thread).
 *
 * @since 0.1
 */
public final class ObjectLabCalendars {
    private ObjectLabCalendars() {
    }

    private static HolidayCalendar<LocalDate> holidayCalendar(HolidaySet set) {
        return new DefaultHolidayCalendar<>(set.weekdayHolidays, set.first, set.last);
    }

    /**
     * ObjectLab with Chinese make-up working days modelled through an {@code isWeekend} override.
     *
     * @param set the holiday set
     * @return a FORWARD calculator
     */
    static LocalDateCalculator withMakeUpDays(HolidaySet set) {
        Set<LocalDate> makeUp = set.makeUpWorkingDays;
        return new LocalDateCalculator("CN+makeup", set.first.plusDays(30), holidayCalendar(set),
                new LocalDateForwardHandler()) {
            @Override
            public boolean isWeekend(LocalDate date) {
                return super.isWeekend(date) && !makeUp.contains(date);
            }
        };
    }

    /**
     * ObjectLab as it comes: holidays and a Monday-to-Friday week, no make-up working days.
     *
     * @param set the holiday set
     * @return a FORWARD calculator
     */
    static LocalDateCalculator plain(HolidaySet set) {
        return new LocalDateCalculator("CN", set.first.plusDays(30), holidayCalendar(set), new LocalDateForwardHandler());
    }

    static LocalDate plusWorkingDays(LocalDateCalculator calculator, LocalDate start, int n) {
        calculator.setStartDate(start);
        calculator.moveByBusinessDays(n);
        return calculator.getCurrentBusinessDate();
    }
}
