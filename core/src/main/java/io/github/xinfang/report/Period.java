package io.github.xinfang.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The days a report counts (每日报告、半月调度、一月通报、半年考核): from its first day to its last day, <b>both inclusive</b>,
 * in the zone the legal dates are written in. A fact counts in the period when its legal date is one of these days.
 *
 * <p>A period has a kind: a day, a half-month (the 1st to the 15th, the 16th to the month's end), a month, a half-year
 * (January to June, July to December), a year, or any run of days. {@link #previous()} is the period of the same kind just
 * before (for a run of days, as many days just before); {@link #yearEarlier()} is the same period a year earlier (for a
 * run of days, the same dates a year earlier, 29 February becoming 28 February). Immutable and thread-safe.
 *
 * @param first the first day, inclusive
 * @param last the last day, inclusive, not before first
 * @param kind what kind of period it is; its dates must fit the kind
 * @since 0.6
 */
public record Period(LocalDate first, LocalDate last, Period.Kind kind) {
    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming last when it is before first, or kind when the dates do not fit it
     */
    public Period {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(kind, "kind");
        if (last.isBefore(first)) throw new IllegalArgumentException("last must not be before first");
        if (kind != Kind.DAYS && !last.equals(kind.lastDay(first))) {
            throw new IllegalArgumentException("kind: " + first + " to " + last + " is not a " + kind);
        }
    }

    /** @param day the day @return the period of that one day */
    public static Period day(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return new Period(day, day, Kind.DAY);
    }

    /** @param day a day @return the half-month holding it: the 1st to the 15th, or the 16th to the month's end */
    public static Period halfMonth(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return Kind.HALF_MONTH.startingOn(day.getDayOfMonth() <= 15 ? day.withDayOfMonth(1) : day.withDayOfMonth(16));
    }

    /** @param month the month @return the period of that month */
    public static Period month(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return Kind.MONTH.startingOn(month.atDay(1));
    }

    /** @param day a day @return the half-year holding it: January to June, or July to December */
    public static Period halfYear(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return Kind.HALF_YEAR.startingOn(LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1));
    }

    /** @param year the year @return the period of that calendar year */
    public static Period year(int year) {
        return Kind.YEAR.startingOn(LocalDate.of(year, 1, 1));
    }

    /**
     * @param first the first day, inclusive
     * @param last the last day, inclusive
     * @return the run of days between them
     */
    public static Period days(LocalDate first, LocalDate last) {
        return new Period(first, last, Kind.DAYS);
    }

    /** @return how many days the period has */
    public long length() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** @param date a date @return whether it is one of the period's days */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /** @return the period of the same kind just before this one */
    public Period previous() {
        return switch (kind) {
            case DAY -> day(first.minusDays(1));
            case HALF_MONTH -> halfMonth(first.minusDays(1));
            case MONTH -> Kind.MONTH.startingOn(first.minusMonths(1));
            case HALF_YEAR -> Kind.HALF_YEAR.startingOn(first.minusMonths(6));
            case YEAR -> Kind.YEAR.startingOn(first.minusYears(1));
            case DAYS -> days(first.minusDays(length()), first.minusDays(1));
        };
    }

    /** @return the same period a year earlier */
    public Period yearEarlier() {
        return switch (kind) {
            case DAY -> day(first.minusYears(1));
            case DAYS -> days(first.minusYears(1), last.minusYears(1));
            default -> kind.startingOn(first.minusYears(1));
        };
    }

    @Override
    public String toString() {
        return kind + " " + first + ".." + last;
    }

    /**
     * The kinds of period a bureau reports on. Immutable.
     *
     * @since 0.6
     */
    public enum Kind {
        /** One day (每日报告). */
        DAY,
        /** A half-month (半月调度): the 1st to the 15th, or the 16th to the month's end. */
        HALF_MONTH,
        /** A calendar month (一月通报). */
        MONTH,
        /** A half-year (半年考核): January to June, or July to December. */
        HALF_YEAR,
        /** A calendar year. */
        YEAR,
        /** Any run of days. */
        DAYS;

        /** The period of this kind starting on a day that can start one. */
        Period startingOn(LocalDate start) {
            return new Period(start, lastDay(start), this);
        }

        /** The last day of the period of this kind starting on a day, or null if no such period starts on it. */
        LocalDate lastDay(LocalDate start) {
            int d = start.getDayOfMonth();
            int m = start.getMonthValue();
            return switch (this) {
                case DAY, DAYS -> start;
                case HALF_MONTH -> d == 1 ? start.withDayOfMonth(15) : d == 16 ? start.withDayOfMonth(start.lengthOfMonth()) : null;
                case MONTH -> d == 1 ? start.withDayOfMonth(start.lengthOfMonth()) : null;
                case HALF_YEAR -> d == 1 && (m == 1 || m == 7) ? start.plusMonths(6).minusDays(1) : null;
                case YEAR -> d == 1 && m == 1 ? start.plusYears(1).minusDays(1) : null;
            };
        }
    }
}
