package io.github.xinfang.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;

/**
 * The limits calendar sources are read under, shared by the text and the holiday-cn parsers: how large a source,
 * a line, a string or a title may be, and what a notice or an overlay may do to a year. A refusal names the
 * source and the line or field and never repeats a long value ({@link #excerpt}).
 *
 * <p>Stateless; thread-safe.
 *
 * @since 0.3
 */
final class CalendarLimits {
    /** The longest source read, in characters (a year's holiday-cn file has about 5,000). */
    public static final int MAX_SOURCE_CHARS = 1 << 20;
    /** The longest line of the text format, in characters. */
    public static final int MAX_LINE_CHARS = 1_000;
    /** The longest string in a holiday-cn file, in characters (its longest real string, a URL, has about 80). */
    public static final int MAX_STRING_CHARS = 1_000;
    /** The deepest nesting of arrays and objects in a holiday-cn file (it uses 3). */
    public static final int MAX_DEPTH = 16;
    /** The longest title of a notice or overlay block, and the longest holiday name. */
    public static final int MAX_TITLE_CHARS = 200;
    /**
     * The most weekdays (Monday to Friday) one notice or overlay block may make days off in one year. The State
     * Council notices of 2007 to 2026 make 16 to 23 each; a source that makes more than this is not a holiday
     * notice.
     */
    public static final int MAX_WEEKDAYS_OFF_PER_YEAR = 60;

    /** The longest range {@code FROM..TO} of the text format, in days (a year). */
    public static final int MAX_RANGE_DAYS = 366;
    /** The most dates one notice or overlay block of the text format may name. */
    public static final int MAX_DATES_PER_BLOCK = 2_000;

    private static final int EXCERPT_CHARS = 24;

    private CalendarLimits() {
    }

    /**
     * A value as a message may show it: itself when short, else its beginning and its length.
     *
     * @param value the value
     * @return at most about 50 characters
     */
    public static String excerpt(String value) {
        if (value.length() <= EXCERPT_CHARS) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, EXCERPT_CHARS) + "…' (" + value.length() + " characters)";
    }

    /**
     * Checks what a notice or an overlay block does to each year it names: in no year may it make more than
     * {@link #MAX_WEEKDAYS_OFF_PER_YEAR} weekdays off, nor, together with Saturday/Sunday rules for the dates it
     * does not name, leave a year without a working day.
     *
     * @param days the dates it names, {@code true} for off
     * @param source the source's name
     * @param where the line or field of the notice or block
     * @throws CalendarSource.CalendarDataException naming the year when a limit is broken
     */
    public static void checkYears(Map<LocalDate, Boolean> days, String source, String where) {
        TreeSet<Integer> years = new TreeSet<>();
        days.keySet().forEach(d -> years.add(d.getYear()));
        for (int year : years) {
            int weekdaysOff = 0;
            int working = 0;
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                boolean weekday = Weekdays.isWeekday(d.toEpochDay());
                Boolean off = days.get(d);
                if (off == null ? weekday : !off) {
                    working++;
                }
                if (weekday && Boolean.TRUE.equals(off)) {
                    weekdaysOff++;
                }
            }
            if (working == 0) {
                throw new CalendarSource.CalendarDataException(source, where, "leaves " + year + " without a single working day");
            }
            if (weekdaysOff > MAX_WEEKDAYS_OFF_PER_YEAR) {
                throw new CalendarSource.CalendarDataException(source, where, "makes " + weekdaysOff + " weekdays of " + year
                        + " days off; a holiday notice makes at most " + MAX_WEEKDAYS_OFF_PER_YEAR);
            }
        }
    }
}
