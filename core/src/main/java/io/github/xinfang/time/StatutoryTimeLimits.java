package io.github.xinfang.time;

import io.github.xinfang.petition.Category;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The national 2022 profile's windows with a stand-in work calendar on which Monday to Friday are working
 * days. The official calendar (holiday notices, make-up working days) replaces the stand-in when it arrives;
 * the counting rules stay. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class StatutoryTimeLimits implements TimeLimits {
    private static final StatutoryTimeLimits MONDAY_TO_FRIDAY = new StatutoryTimeLimits();

    private static final int OBJECTION_WORKING_DAYS = 5;
    private static final int REVIEW_WINDOW_DAYS = 30;
    private static final int RE_REVIEW_WINDOW_DAYS = 30;
    private static final int MAX_EXTENSION_DAYS = 30;

    private StatutoryTimeLimits() {}

    /** @return the national profile counted on Monday-to-Friday working days */
    public static StatutoryTimeLimits mondayToFriday() {
        return MONDAY_TO_FRIDAY;
    }

    @Override
    public boolean knowsProfile(String profile) {
        return NATIONAL_2022.equals(profile);
    }

    @Override
    public LocalDate objectionWindowLastDay(String profile, LocalDate unitReceivedOn) {
        return plusWorkingDays(unitReceivedOn, OBJECTION_WORKING_DAYS);
    }

    @Override
    public LocalDate reviewWindowLastDay(String profile, LocalDate replyServedOn) {
        return rollToWorkingDay(replyServedOn.plusDays(REVIEW_WINDOW_DAYS));
    }

    @Override
    public LocalDate reReviewWindowLastDay(String profile, LocalDate opinionServedOn) {
        return rollToWorkingDay(opinionServedOn.plusDays(RE_REVIEW_WINDOW_DAYS));
    }

    @Override
    public boolean hasHandlingClock(String profile, Category category) {
        return category == Category.CLAIM;
    }

    @Override
    public int maxExtensionDays(String profile) {
        return MAX_EXTENSION_DAYS;
    }

    static boolean isWorkingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    /** The n-th working day strictly after {@code start} (the start day is not counted). */
    static LocalDate plusWorkingDays(LocalDate start, int n) {
        // O(1): whole weeks, then at most four more working days.
        LocalDate d = start;
        while (!isWorkingDay(d)) d = d.minusDays(1); // counting from a rest day equals counting from the working day before it
        int weeks = (n - 1) / 5;
        int rest = n - weeks * 5;
        d = d.plusWeeks(weeks);
        while (rest > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) rest--;
        }
        return d;
    }

    static LocalDate rollToWorkingDay(LocalDate d) {
        while (!isWorkingDay(d)) d = d.plusDays(1);
        return d;
    }
}
