package io.github.xinfang.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date a {@link WorkCalendar} computed, with whether it is final.
 *
 * <p>An answer is final when every date it depended on is final (see {@link Coverage}); a provisional
 * answer may change when the next year's notice is loaded, or was computed with Saturday/Sunday rules
 * for dates no notice covers ({@link UncoveredDatePolicy#WEEKENDS_ONLY}).
 *
 * <p>Immutable; thread-safe.
 *
 * @param date the computed date
 * @param isFinal whether the answer is final
 * @since 0.1
 */
public record CalendarAnswer(LocalDate date, boolean isFinal) {
    /**
     * Validates.
     *
     * @param date the computed date
     * @param isFinal whether the answer is final
     */
    public CalendarAnswer {
        Objects.requireNonNull(date, "date");
    }

    /**
     * The opposite of {@link #isFinal()}.
     *
     * @return true when the answer may still change
     */
    public boolean isProvisional() {
        return !isFinal;
    }
}
