package io.github.xinfang.bench;

import io.github.xinfang.calendar.WorkCalendar;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import net.objectlab.kit.datecalc.jdk8.LocalDateCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * "Add n working days" on the Chinese national calendar: xinfang's precomputed {@link WorkCalendar}
 * against a day-by-day loop and ObjectLab Kit over the same holidays. Starts are random working days in
 * 2024-01-01..2026-08-31 (ObjectLab's FORWARD handler would move a non-working start first, which Chinese
 * counting does not do), precomputed and cycled.
 *
 * <p>JMH state: one instance per thread.
 *
 * @since 0.1
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarBenchmark {
    private static final int STARTS = 4096;

    @Param({"1", "5", "10", "20", "30", "60"})
    public int n;

    private WorkCalendar calendar;
    private NaiveLoop loop;
    private LocalDateCalculator objectLab;
    private LocalDateCalculator objectLabPlain;
    private LocalDate[] starts;
    private int next;

    /** Builds the calendars and the start dates. */
    @Setup
    public void setUp() {
        calendar = WorkCalendar.chinaNational();
        HolidaySet set = new HolidaySet(calendar);
        loop = new NaiveLoop(set);
        objectLab = ObjectLabCalendars.withMakeUpDays(set);
        objectLabPlain = ObjectLabCalendars.plain(set);
        starts = HolidaySet.starts(STARTS, true, calendar);
    }

    private LocalDate nextStart() {
        LocalDate d = starts[next];
        next = (next + 1) & (STARTS - 1);
        return d;
    }

    /** @return xinfang's answer */
    @Benchmark
    public LocalDate xinfang() {
        return calendar.plusWorkingDays(nextStart(), n);
    }

    /** @return the day-by-day loop's answer */
    @Benchmark
    public LocalDate naiveLoop() {
        return loop.plusWorkingDays(nextStart(), n);
    }

    /** @return ObjectLab's answer, make-up working days modelled */
    @Benchmark
    public LocalDate objectLab() {
        return ObjectLabCalendars.plusWorkingDays(objectLab, nextStart(), n);
    }

    /** @return ObjectLab's answer as it comes (no make-up working days) */
    @Benchmark
    public LocalDate objectLabPlain() {
        return ObjectLabCalendars.plusWorkingDays(objectLabPlain, nextStart(), n);
    }
}
