package io.github.xinfang.calendar;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A deliberately simple model of a work calendar for the tests: a map of listed dates over weekend
 * rules, and day-by-day loops for the arithmetic. Slow, obviously right, and independent of the
 * precomputed tables in {@link WorkCalendar}.
 */
final class NaiveCalendar {
    private final Map<LocalDate, Boolean> offDays;

    NaiveCalendar(Map<LocalDate, Boolean> offDays) {
        this.offDays = Map.copyOf(offDays);
    }

    /** The model of the shipped national data: notices applied in year order. */
    static NaiveCalendar national() {
        try (Reader reader = new InputStreamReader(
                WorkCalendar.class.getResourceAsStream("cn-national.txt"), StandardCharsets.UTF_8)) {
            Map<LocalDate, Boolean> days = new HashMap<>();
            for (Notice notice : CalendarText.parse(reader, "cn-national.txt").notices()) {
                days.putAll(notice.offDays());
            }
            return new NaiveCalendar(days);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Saturday/Sunday rules only. */
    static NaiveCalendar weekendsOnly() {
        return new NaiveCalendar(Map.of());
    }

    NaiveCalendar with(Map<LocalDate, Boolean> more) {
        Map<LocalDate, Boolean> days = new HashMap<>(offDays);
        days.putAll(more);
        return new NaiveCalendar(days);
    }

    boolean isWorkingDay(LocalDate d) {
        Boolean off = offDays.get(d);
        if (off != null) {
            return !off;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Day by day: each of the n working days is the first working day after the one before. */
    LocalDate plusWorkingDays(LocalDate start, int n) {
        LocalDate d = start;
        for (int i = 0; i < n; i++) {
            d = nextWorkingDayOnOrAfter(d.plusDays(1));
        }
        return d;
    }

    int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
