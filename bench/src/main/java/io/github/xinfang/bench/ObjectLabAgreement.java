package io.github.xinfang.bench;

import io.github.xinfang.calendar.WorkCalendar;
import java.time.LocalDate;
import net.objectlab.kit.datecalc.jdk8.LocalDateCalculator;

/**
 * Counts how often ObjectLab Kit's "add n working days" differs from xinfang's over sampled starts, and
 * why. Run: {@code java -cp bench/target/benchmarks.jar io.github.xinfang.bench.ObjectLabAgreement}.
 *
 * <p>Stateless entry point.
 *
 * @since 0.1
 */
public final class ObjectLabAgreement {
    private static final int[] NS = {1, 5, 10, 20, 30, 60};

    private ObjectLabAgreement() {
    }

    /**
     * Prints the disagreement counts.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        WorkCalendar calendar = WorkCalendar.chinaNational();
        HolidaySet set = new HolidaySet(calendar);
        NaiveLoop loop = new NaiveLoop(set);
        LocalDateCalculator modelled = ObjectLabCalendars.withMakeUpDays(set);
        LocalDateCalculator plain = ObjectLabCalendars.plain(set);
        LocalDate[] all = HolidaySet.starts(4096, false, calendar);
        LocalDate[] working = HolidaySet.starts(4096, true, calendar);
        report("working-day starts (as benchmarked)", working, calendar, loop, modelled, plain);
        report("any starts (incl. weekends and holidays)", all, calendar, loop, modelled, plain);
    }

    private static void report(String title, LocalDate[] starts, WorkCalendar calendar, NaiveLoop loop,
                               LocalDateCalculator modelled, LocalDateCalculator plain) {
        int comparisons = 0;
        int loopDiff = 0;
        int modelledDiff = 0;
        int modelledDiffNonWorkingStart = 0;
        int plainDiff = 0;
        int plainDiffNonWorkingStart = 0;
        int nonWorkingStarts = 0;
        for (LocalDate start : starts) {
            boolean startWorking = calendar.isWorkingDay(start);
            if (!startWorking) {
                nonWorkingStarts++;
            }
            for (int n : NS) {
                comparisons++;
                LocalDate ours = calendar.plusWorkingDays(start, n);
                if (!ours.equals(loop.plusWorkingDays(start, n))) {
                    loopDiff++;
                }
                if (!ours.equals(ObjectLabCalendars.plusWorkingDays(modelled, start, n))) {
                    modelledDiff++;
                    if (!startWorking) {
                        modelledDiffNonWorkingStart++;
                    }
                }
                if (!ours.equals(ObjectLabCalendars.plusWorkingDays(plain, start, n))) {
                    plainDiff++;
                    if (!startWorking) {
                        plainDiffNonWorkingStart++;
                    }
                }
            }
        }
        System.out.printf("%s: %d starts (%d not working days) x n in {1,5,10,20,30,60} = %d comparisons%n",
                title, starts.length, nonWorkingStarts, comparisons);
        System.out.printf("  naive loop differs:                      %d%n", loopDiff);
        System.out.printf("  ObjectLab, make-up days modelled differs: %d (of which non-working start: %d)%n",
                modelledDiff, modelledDiffNonWorkingStart);
        System.out.printf("  ObjectLab plain differs:                  %d (of which non-working start: %d)%n",
                plainDiff, plainDiffNonWorkingStart);
    }
}
