package io.github.xinfang.calendar;

import io.github.xinfang.persistence.XinfangException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official work calendar: which dates are working days, and arithmetic in working days, under the
 * State Council's yearly holiday notices (国务院办公厅关于部分节假日安排的通知) and any regional overlays.
 *
 * <p><b>Semantics.</b> A date a loaded notice names is off or working as the notice says (its holidays
 * off, the weekend days it names as make-up working days, 调休上班, on); any other covered date is off on
 * Saturday and Sunday and a working day otherwise; overlays then change the dates they name. Counting
 * follows Chinese legal practice: the start day itself is not counted, so
 * {@code plusWorkingDays(d, 1)} is the first working day strictly after {@code d}, and
 * {@code workingDaysBetween(from, to)} counts the working days in {@code (from, to]}; hence
 * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}.
 *
 * <p><b>Coverage.</b> The calendar covers one range of dates ({@link #coverage()}). What it does for a date
 * outside that range, including a count that starts inside and runs past the end, is the
 * {@link UncoveredDatePolicy} chosen when it was built: {@link UncoveredDatePolicy#FAIL} (the default)
 * throws {@link CoverageException}; {@link UncoveredDatePolicy#WEEKENDS_ONLY} uses Saturday/Sunday
 * rules and the answer is provisional. The {@code answer...} methods say whether an answer is final.
 *
 * <p><b>Cost.</b> Every question is answered in constant time: when the calendar is built it
 * precomputes, over the covered range, the running count of working days per day and the working days by
 * ordinal; outside coverage weekend rules have a closed form.
 *
 * <p>Immutable; thread-safe. Build one at start-up and share it.
 *
 * @since 0.1
 */
public final class WorkCalendar {
    /** The zone in which petition cases count days unless a case or profile says otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(WorkCalendar.class);

    private final UncoveredDatePolicy policy;
    private final Coverage coverage;
    private final long firstEpoch;
    private final long lastEpoch;
    /** cumulative[i]: working days in [first, first + i]. */
    private final int[] cumulative;
    /** byOrdinal[k - 1]: the k-th working day (shared instances: no date arithmetic on the hot path). */
    private final LocalDate[] byOrdinal;
    private final int total;

    private WorkCalendar(Builder b, Map<Integer, Notice> notices) {
        this.policy = b.policy;
        LocalDate first = notices.values().stream().map(Notice::firstCovered).min(LocalDate::compareTo)
                .orElseThrow();
        int lastYear = notices.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        LocalDate last = LocalDate.of(lastYear, 12, 31);
        LocalDate finalThrough = last.minusDays(b.provisionalDays);
        if (finalThrough.isBefore(first)) {
            finalThrough = first.minusDays(1);
        }
        this.coverage = new Coverage(first, last, finalThrough);
        this.firstEpoch = first.toEpochDay();
        this.lastEpoch = last.toEpochDay();
        int size = Math.toIntExact(lastEpoch - firstEpoch + 1);
        boolean[] working = new boolean[size];
        for (int i = 0; i < size; i++) {
            working[i] = Weekdays.isWeekday(firstEpoch + i);
        }
        for (Notice notice : notices.values()) {   // ascending years: a later notice decides December dates
            apply(notice.offDays(), working);
        }
        for (CalendarOverlay overlay : b.overlays) {
            apply(overlay.days(), working);
        }
        this.cumulative = new int[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (working[i]) {
                count++;
            }
            cumulative[i] = count;
        }
        this.total = count;
        this.byOrdinal = new LocalDate[count];
        for (int i = 0, k = 0; i < size; i++) {
            if (working[i]) {
                byOrdinal[k++] = LocalDate.ofEpochDay(firstEpoch + i);
            }
        }
    }

    private void apply(Map<LocalDate, Boolean> days, boolean[] working) {
        days.forEach((date, off) -> {
            long e = date.toEpochDay();
            if (e >= firstEpoch && e <= lastEpoch) {
                working[(int) (e - firstEpoch)] = !off;
            }
        });
    }

    /**
     * The national calendar shipped with xinfang (State Council notices 2007 to 2026), failing on
     * uncovered dates.
     *
     * @return the national calendar
     */
    public static WorkCalendar chinaNational() {
        return builder().national().build();
    }

    /**
     * The national calendar with the shipped overlays of a region, failing on uncovered dates.
     *
     * @param regionCode a six-digit region code, such as {@code 450802} (a district of Guangxi)
     * @return the calendar for cases in that region
     * @throws IllegalArgumentException when the code is not six digits
     */
    public static WorkCalendar forRegion(String regionCode) {
        return builder().national().region(regionCode).build();
    }

    /**
     * A builder with no source, no overlay and {@link UncoveredDatePolicy#FAIL}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The calendar date of an instant in a zone: the day a legal fact happened, for counting.
     *
     * @param instant the instant
     * @param zone the case's zone
     * @return the local date
     */
    public static LocalDate dateOf(Instant instant, ZoneId zone) {
        return Objects.requireNonNull(instant, "instant").atZone(Objects.requireNonNull(zone, "zone")).toLocalDate();
    }

    /**
     * The calendar date of an instant in {@link #DEFAULT_ZONE} (Asia/Shanghai).
     *
     * @param instant the instant
     * @return the local date in Asia/Shanghai
     */
    public static LocalDate dateOf(Instant instant) {
        return dateOf(instant, DEFAULT_ZONE);
    }

    /**
     * The dates this calendar covers, and which are final.
     *
     * @return the coverage
     */
    public Coverage coverage() {
        return coverage;
    }

    /**
     * What this calendar does for dates it does not cover.
     *
     * @return the policy chosen when it was built
     */
    public UncoveredDatePolicy uncoveredDatePolicy() {
        return policy;
    }

    /**
     * Whether an answer about the date is final; shorthand for {@code coverage().isFinal(date)}.
     *
     * @param date the date
     * @return true when covered and outside the provisional tail
     */
    public boolean isFinal(LocalDate date) {
        return coverage.isFinal(date);
    }

    /**
     * Whether a date is a working day.
     *
     * @param date the date
     * @return true for a working day
     * @throws CoverageException when the date is not covered and the policy is {@code FAIL}
     */
    public boolean isWorkingDay(LocalDate date) {
        long e = Objects.requireNonNull(date, "date").toEpochDay();
        if (!covers(e)) {
            throw uncovered(e, "isWorkingDay(" + date + ")");
        }
        return isWorking(e);
    }

    /**
     * The date {@code n} working days after {@code start}, the start day not counted:
     * {@code plusWorkingDays(d, 1)} is the first working day strictly after {@code d}, and
     * {@code plusWorkingDays(d, 0)} is {@code d} itself.
     *
     * @param start the day of the starting fact
     * @param n the number of working days, at least 0
     * @return the n-th working day after start
     * @throws IllegalArgumentException when n is negative
     * @throws CoverageException when the policy is {@code FAIL} and start, or the count, leaves
     *     coverage
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        long e = Objects.requireNonNull(start, "start").toEpochDay();
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        if (!covers(e)) {
            throw uncovered(e, "plusWorkingDays(" + start + ", " + n + ")");
        }
        if (n == 0) {
            return start;
        }
        long k = ordinalOf(e) + n;
        if (k >= 1 && k <= total) {
            return byOrdinal[(int) (k - 1)];   // the common case: two array reads
        }
        if (k > total && policy == UncoveredDatePolicy.FAIL) {   // ran past the end from a covered start
            throw uncovered(lastEpoch + 1, "plusWorkingDays(" + start + ", " + n + ")");
        }
        return dayOfOrdinal(k);
    }

    /**
     * {@link #plusWorkingDays(LocalDate, int)}, with whether the answer is final (start and result final).
     *
     * @param start the day of the starting fact
     * @param n the number of working days, at least 0
     * @return the n-th working day after start, with its finality
     * @throws IllegalArgumentException when n is negative
     * @throws CoverageException when the policy is {@code FAIL} and the count leaves coverage
     */
    public Answer answerPlusWorkingDays(LocalDate start, int n) {
        LocalDate result = plusWorkingDays(start, n);
        return new Answer(result, coverage.isFinal(start, result));
    }

    /**
     * The number of working days in {@code (from, to]}; negative (minus the count in {@code (to, from]})
     * when {@code to} is before {@code from}.
     *
     * @param from the day of the starting fact, not counted
     * @param to the last day counted
     * @return the number of working days
     * @throws CoverageException when the policy is {@code FAIL} and either date is not covered
     * @throws ArithmeticException when the count does not fit an int (dates millennia apart)
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        long f = Objects.requireNonNull(from, "from").toEpochDay();
        long t = Objects.requireNonNull(to, "to").toEpochDay();
        if (!covers(f) || !covers(t)) {
            throw uncovered(covers(f) ? t : f, "workingDaysBetween(" + from + ", " + to + ")");
        }
        return Math.toIntExact(ordinalOf(t) - ordinalOf(f));
    }

    /**
     * The date itself when it is a working day, otherwise the first working day after it.
     *
     * @param date the date
     * @return the next working day on or after the date
     * @throws CoverageException when the policy is {@code FAIL} and the date, or the working day
     *     found, is not covered
     */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        long e = Objects.requireNonNull(date, "date").toEpochDay();
        if (!covers(e)) {
            throw uncovered(e, "nextWorkingDayOnOrAfter(" + date + ")");
        }
        if (isWorking(e)) {
            return date;
        }
        long k = ordinalOf(e) + 1;
        if (k > total && policy == UncoveredDatePolicy.FAIL) {
            throw uncovered(lastEpoch + 1, "nextWorkingDayOnOrAfter(" + date + ")");
        }
        return dayOfOrdinal(k);
    }

    /**
     * {@link #nextWorkingDayOnOrAfter(LocalDate)}, with whether the answer is final.
     *
     * @param date the date
     * @return the next working day on or after the date, with its finality
     * @throws CoverageException when the policy is {@code FAIL} and the answer leaves coverage
     */
    public Answer answerNextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate result = nextWorkingDayOnOrAfter(date);
        return new Answer(result, coverage.isFinal(date, result));
    }

    /** Working days in [first, e]; zero or negative before first (weekend rules outside coverage). */
    private long ordinalOf(long e) {
        if (e < firstEpoch) {
            return Weekdays.prefix(e) - Weekdays.prefix(firstEpoch - 1);
        }
        if (e > lastEpoch) {
            return total + Weekdays.prefix(e) - Weekdays.prefix(lastEpoch);
        }
        return cumulative[(int) (e - firstEpoch)];
    }

    /** The working day whose ordinal is k: the inverse of ordinalOf on working days. */
    private LocalDate dayOfOrdinal(long k) {
        if (k <= 0) {
            return LocalDate.ofEpochDay(Weekdays.nth(k + Weekdays.prefix(firstEpoch - 1)));
        }
        if (k > total) {
            return LocalDate.ofEpochDay(Weekdays.nth(k - total + Weekdays.prefix(lastEpoch)));
        }
        return byOrdinal[(int) (k - 1)];
    }

    private boolean isWorking(long e) {
        if (e < firstEpoch || e > lastEpoch) {
            return Weekdays.isWeekday(e);
        }
        int i = (int) (e - firstEpoch);
        return cumulative[i] != (i == 0 ? 0 : cumulative[i - 1]);
    }

    /** Whether the policy lets the calendar answer about epoch day e. */
    private boolean covers(long e) {
        return policy == UncoveredDatePolicy.WEEKENDS_ONLY || (e >= firstEpoch && e <= lastEpoch);
    }

    /** The exception for an uncovered date; the message is built only on this cold path. */
    private CoverageException uncovered(long e, String question) {
        return new CoverageException(LocalDate.ofEpochDay(e), coverage, question);
    }

    @Override
    public String toString() {
        return "WorkCalendar[" + coverage.first() + ".." + coverage.last() + ", final through "
                + coverage.finalThrough() + ", " + policy + "]";
    }

    /**
     * Builds a {@link WorkCalendar} from sources, overlays and an uncovered-date policy.
     *
     * <p>Sources combine in the order added: a later source's notice for a year replaces an earlier one's.
     * Overlays apply after all notices, in the order added. The loaded notice years must be consecutive
     * (one coverage range). By default the last 7 days of the last covered year are provisional.
     *
     * <p>Mutable and not thread-safe; the calendar it builds is immutable.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final List<CalendarSource> sources = new ArrayList<>();
        private final List<CalendarOverlay> overlays = new ArrayList<>();
        private UncoveredDatePolicy policy = UncoveredDatePolicy.FAIL;
        private int provisionalDays = 7;

        private Builder() {
        }

        /**
         * Adds the State Council notices shipped with xinfang ({@link CalendarSource#national()}).
         *
         * @return this builder
         */
        public Builder national() {
            return withSource(CalendarSource.national());
        }

        /**
         * Adds a source; its notices replace those of earlier sources for the same years.
         *
         * @param source the source
         * @return this builder
         */
        public Builder withSource(CalendarSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Adds one holiday-cn JSON file; shorthand for {@code withSource(CalendarSource.holidayCn(reader, name))}.
         *
         * @param reader the JSON text; read to its end, not closed
         * @param sourceName a name for messages
         * @return this builder
         * @throws CalendarSource.CalendarDataException when the file is malformed
         */
        public Builder withHolidayCn(Reader reader, String sourceName) {
            return withSource(CalendarSource.holidayCn(reader, sourceName));
        }

        /**
         * Adds the overlays shipped with xinfang for a region ({@link CalendarOverlay#forRegion(String)}).
         *
         * @param regionCode a six-digit region code
         * @return this builder
         * @throws IllegalArgumentException when the code is not six digits
         */
        public Builder region(String regionCode) {
            CalendarOverlay.forRegion(regionCode).forEach(this::withOverlay);
            return this;
        }

        /**
         * Adds an overlay, applied after the notices and the overlays added before it.
         *
         * @param overlay the overlay
         * @return this builder
         */
        public Builder withOverlay(CalendarOverlay overlay) {
            overlays.add(Objects.requireNonNull(overlay, "overlay"));
            return this;
        }

        /**
         * Chooses what the calendar does for dates it does not cover; {@link UncoveredDatePolicy#FAIL} by default.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder uncoveredDates(UncoveredDatePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How many days at the end of the last covered year stay provisional until the next year's notice
         * is loaded; 7 by default (December 25 to 31: notices have moved days as early as December 29).
         *
         * @param days the number of days, 0 to 366
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder provisionalDays(int days) {
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException("provisionalDays must be in [0, 366]");
            }
            this.provisionalDays = days;
            return this;
        }

        /**
         * Builds the calendar.
         *
         * @return the calendar
         * @throws IllegalStateException when no source holds a notice
         * @throws CalendarSource.CalendarDataException when the loaded years are not consecutive, or a notice year has no
         *     working day once the overlays are applied
         */
        public WorkCalendar build() {
            TreeMap<Integer, Notice> notices = new TreeMap<>();
            TreeMap<Integer, String> from = new TreeMap<>();
            for (CalendarSource source : sources) {
                for (Notice notice : source.notices()) {
                    notices.put(notice.year(), notice);
                    from.put(notice.year(), source.name());
                }
            }
            if (notices.isEmpty()) {
                throw new IllegalStateException("no source holds a notice: add national() or a holiday-cn file");
            }
            int previous = notices.firstKey();
            for (int year : notices.keySet()) {
                if (year > previous + 1) {
                    throw new CalendarSource.CalendarDataException(from.get(year), "year " + year, "notices for "
                            + (previous + 1) + (year - 1 > previous + 1 ? ".." + (year - 1) : "")
                            + " are missing between " + previous + " and " + year
                            + "; a calendar covers consecutive years");
                }
                previous = year;
            }
            WorkCalendar calendar = new WorkCalendar(this, notices);
            for (int year : notices.keySet()) {
                long lastOfYear = LocalDate.of(year, 12, 31).toEpochDay();
                if (calendar.ordinalOf(lastOfYear) == calendar.ordinalOf(lastOfYear - LocalDate.of(year, 12, 31).getDayOfYear())) {
                    throw new CalendarSource.CalendarDataException(from.get(year), "year " + year, "the notice and the overlays leave "
                            + year + " without a single working day");
                }
            }
            log.debug("work calendar built: {} notices {}..{}, {} overlays, {}", notices.size(),
                    notices.firstKey(), notices.lastKey(), overlays.size(), calendar);
            return calendar;
        }
    }

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
    public record Answer(LocalDate date, boolean isFinal) {
        /**
         * Validates.
         *
         * @param date the computed date
         * @param isFinal whether the answer is final
         */
        public Answer {
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

    /**
     * What a {@link WorkCalendar} does for a date no loaded notice covers; chosen when the calendar is built.
     *
     * <p>A question that starts inside coverage and runs past its end (adding working days near the end of
     * the last covered year) follows the same policy. Stateless enum; thread-safe.
     *
     * @since 0.1
     */
    public enum UncoveredDatePolicy {
        /** Throw {@link CoverageException} naming the date. The default: never a silent guess. */
        FAIL,
        /**
         * Treat uncovered dates as working Monday to Friday and off on Saturday and Sunday, and mark every
         * answer that used such a date provisional ({@link WorkCalendar.Answer#isFinal()} is false).
         */
        WEEKENDS_ONLY
    }

    /**
     * A calendar built with {@link WorkCalendar.UncoveredDatePolicy#FAIL} was asked about a date no loaded notice covers,
     * or a count that started inside its coverage ran past its end.
     *
     * <p>The remedy is to load the notice that covers the date (see {@link CalendarSource}) or to build the
     * calendar with {@link WorkCalendar.UncoveredDatePolicy#WEEKENDS_ONLY}. Immutable, like every exception once thrown.
     *
     * @since 0.1
     */
    public static final class CoverageException extends XinfangException {
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
        public CoverageException(LocalDate date, Coverage coverage, String question) {
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
}
