package io.github.xinfang.calendar;

import io.github.xinfang.persistence.XinfangException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar built with {@link UncoveredDatePolicy#FAIL} was asked about a date no loaded notice covers,
 * or a count that started inside its coverage ran past its end.
 *
 * <p>The remedy is to load the notice that covers the date (see {@link CalendarSource}) or to build the
 * calendar with {@link UncoveredDatePolicy#WEEKENDS_ONLY}. Immutable, like every exception once thrown.
 *
 * @since 0.1
 */
public final class CalendarCoverageException extends XinfangException {
    private static final long serialVersionUID = 1L;

    /** The first uncovered date the question needed. */
    private final LocalDate date;
    /** What the calendar covers. */
    private final Coverage coverage;

    /**
     * Creates a coverage failure.
     *
     * @param date the first uncovered date the question needed
     * @param coverage what the calendar covers
     * @param question what was asked, for the message
     */
    public CalendarCoverageException(LocalDate date, Coverage coverage, String question) {
        super(Objects.requireNonNull(question, "question") + " needs " + Objects.requireNonNull(date, "date")
                + ", which the work calendar does not cover (it covers "
                + Objects.requireNonNull(coverage, "coverage").first() + ".." + coverage.last()
                + "; load the notice for " + date.getYear() + " or use UncoveredDatePolicy.WEEKENDS_ONLY)");
        this.date = date;
        this.coverage = coverage;
    }

    /**
     * The first uncovered date the question needed.
     *
     * @return the date
     */
    public LocalDate date() {
        return date;
    }

    /**
     * What the calendar covers.
     *
     * @return the coverage
     */
    public Coverage coverage() {
        return coverage;
    }
}
