package io.github.xinfang.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One parsed holiday notice: the year it is for and the dates it names, each off or working.
 *
 * <p>Immutable; thread-safe.
 *
 * @param year the notice year
 * @param title the notice's title, or the source's name when the format has no title
 * @param offDays every date the notice names, mapped to {@code true} when off and {@code false} when
 *     a working day, in date order
 * @since 0.1
 */
record Notice(int year, String title, Map<LocalDate, Boolean> offDays) {
    /**
     * Validates and copies.
     *
     * @param year the notice year
     * @param title the title
     * @param offDays the dates it names
     */
    public Notice {
        Objects.requireNonNull(title, "title");
        offDays = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(offDays, "offDays")));
    }

    /**
     * The first date this notice covers: January 1 of its year, or an earlier date it names.
     *
     * @return the first covered date
     */
    public LocalDate firstCovered() {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        if (offDays.isEmpty()) {
            return jan1;
        }
        LocalDate earliest = offDays.keySet().iterator().next();
        return earliest.isBefore(jan1) ? earliest : jan1;
    }

    /**
     * The earliest date a notice for a year may name: December 1 of the previous year.
     *
     * @param year the notice year
     * @return the earliest permitted date
     */
    public static LocalDate earliestPermitted(int year) {
        return LocalDate.of(year - 1, 12, 1);
    }
}
