package io.github.xinfang.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The dates a {@link WorkCalendar} covers, and which of them are final.
 *
 * <p>Coverage is one range {@code [first, last]}: from the first date the earliest loaded notice covers
 * (January 1 of its year, or an earlier December date it names) to December 31 of the last loaded year.
 * A covered date is <em>final</em> up to and including {@code finalThrough}; the last days of the last
 * covered year are <em>provisional</em>, because the next year's notice, once published, may move them (the
 * notice for 2008 made 2007-12-29 a working day and 2007-12-30/31 holidays). Dates outside coverage are
 * never final.
 *
 * <p>Immutable; thread-safe.
 *
 * @param first the first covered date
 * @param last the last covered date
 * @param finalThrough the last final date; {@code first - 1 day} when no date is final
 * @since 0.1
 */
public record Coverage(LocalDate first, LocalDate last, LocalDate finalThrough) {
    /**
     * Validates.
     *
     * @param first the first covered date
     * @param last the last covered date
     * @param finalThrough the last final date
     */
    public Coverage {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(finalThrough, "finalThrough");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last must not be before first");
        }
        if (finalThrough.isAfter(last) || finalThrough.isBefore(first.minusDays(1))) {
            throw new IllegalArgumentException("finalThrough must lie in [first - 1 day, last]");
        }
    }

    /**
     * Whether a loaded notice covers the date.
     *
     * @param date the date
     * @return true when {@code first <= date <= last}
     */
    public boolean isCovered(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /**
     * Whether an answer about the date is final: covered, and not in the provisional tail.
     *
     * @param date the date
     * @return true when {@code first <= date <= finalThrough}
     */
    public boolean isFinal(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(first) && !date.isAfter(finalThrough);
    }

    /**
     * Whether every date from {@code from} to {@code to} (inclusive, either order) is final.
     *
     * @param from one end
     * @param to the other end
     * @return true when both ends, and so every date between, are final
     */
    public boolean isFinal(LocalDate from, LocalDate to) {
        return isFinal(from) && isFinal(to);
    }
}
