package io.github.xinfang.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parser of xinfang's calendar text format (the shipped {@code cn-national.txt} and
 * {@code cn-regional.txt}).
 *
 * <p>The format, one statement per line, {@code #} starting a comment:
 * <pre>
 * notice 2008  国务院办公厅关于2008年部分节假日安排的通知
 * off   2007-12-30..01-01   元旦
 * work  2007-12-29          元旦
 * overlay 45  广西壮族自治区：壮族三月三
 * off   2026-04-19..2026-04-20  壮族三月三
 * </pre>
 * {@code off} and {@code work} take a comma-separated list of dates or {@code FROM..TO} ranges; in a
 * notice a date may be written {@code MM-dd} for the notice's year. A notice may name dates from December
 * 1 of the previous year to December 31 of its year; a {@code work} date must be a Saturday or Sunday; a
 * date named twice in one block is an error.
 *
 * <p>Limits ({@link CalendarLimits}): a source of at most {@value CalendarLimits#MAX_SOURCE_CHARS} characters,
 * lines of at most {@value CalendarLimits#MAX_LINE_CHARS}, titles of at most
 * {@value CalendarLimits#MAX_TITLE_CHARS}, ranges of at most {@value CalendarLimits#MAX_RANGE_DAYS} days, at most
 * {@value CalendarLimits#MAX_DATES_PER_BLOCK} dates in a block; a notice or overlay block must leave each year it
 * names a working day and make at most {@value CalendarLimits#MAX_WEEKDAYS_OFF_PER_YEAR} weekdays of a year off. A
 * refusal names the line and repeats no long value.
 *
 * <p>Stateless; thread-safe.
 *
 * @since 0.1
 */
final class CalendarText {
    private static final Pattern DATE_TOKEN = Pattern.compile("[0-9.,\\-]+");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern PREFIX = Pattern.compile("\\d{2,6}");

    /** The parsed content of one text source. */
    public record Parsed(List<Notice> notices, List<OverlayBlock> overlays) {
        /**
         * Copies.
         *
         * @param notices the notices
         * @param overlays the overlay blocks
         */
        public Parsed {
            notices = List.copyOf(notices);
            overlays = List.copyOf(overlays);
        }
    }

    private CalendarText() {
    }

    /**
     * Parses a text source.
     *
     * @param reader the text; read to its end, not closed
     * @param source the source's name, for messages
     * @return the notices and overlays it holds
     * @throws CalendarSource.CalendarDataException naming the source and line when the text is malformed or unreadable
     */
    public static Parsed parse(Reader reader, String source) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        List<Notice> notices = new ArrayList<>();
        List<OverlayBlock> overlays = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        Block block = null;
        int lineNo = 0;
        try {
            Lines in = new Lines(new BufferedReader(reader), source);
            for (String raw = in.next(); raw != null; raw = in.next()) {
                lineNo = in.number();
                String line = stripComment(raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] tokens = line.split("\\s+");
                String where = "line " + lineNo;
                switch (tokens[0]) {
                    case "notice": {
                        flush(block, notices, overlays, source);
                        if (tokens.length < 2 || !YEAR.matcher(tokens[1]).matches()) {
                            throw new CalendarSource.CalendarDataException(source, where, "'notice' needs a four-digit year");
                        }
                        int year = Integer.parseInt(tokens[1]);
                        if (!years.add(year)) {
                            throw new CalendarSource.CalendarDataException(source, where, "a second notice for " + year);
                        }
                        block = new Block(year, null, title(tokens, "notice " + year, source, where), where);
                        break;
                    }
                    case "overlay": {
                        flush(block, notices, overlays, source);
                        if (tokens.length < 2 || !PREFIX.matcher(tokens[1]).matches()) {
                            throw new CalendarSource.CalendarDataException(source, where,
                                    "'overlay' needs a region code prefix of 2 to 6 digits");
                        }
                        block = new Block(0, tokens[1], title(tokens, "overlay " + tokens[1], source, where), where);
                        break;
                    }
                    case "off":
                    case "work": {
                        if (block == null) {
                            throw new CalendarSource.CalendarDataException(source, where,
                                    "'" + tokens[0] + "' before any 'notice' or 'overlay' line");
                        }
                        boolean off = tokens[0].equals("off");
                        StringBuilder dates = new StringBuilder();
                        int i = 1;
                        while (i < tokens.length && DATE_TOKEN.matcher(tokens[i]).matches()) {
                            dates.append(tokens[i++]);
                        }
                        if (dates.length() == 0) {
                            throw new CalendarSource.CalendarDataException(source, where, "'" + tokens[0] + "' needs dates");
                        }
                        for (String item : dates.toString().split(",")) {
                            addItem(block, item, off, source, where);
                        }
                        break;
                    }
                    default:
                        throw new CalendarSource.CalendarDataException(source, where, "unknown statement "
                                + CalendarLimits.excerpt(tokens[0]));
                }
            }
        } catch (IOException e) {
            throw new CalendarSource.CalendarDataException(source, "line " + (lineNo + 1), "could not read: " + e.getMessage(), e);
        }
        flush(block, notices, overlays, source);
        return new Parsed(notices, overlays);
    }

    private static void addItem(Block block, String item, boolean off, String source, String where) {
        if (item.isEmpty()) {
            throw new CalendarSource.CalendarDataException(source, where, "empty date in list");
        }
        int dots = item.indexOf("..");
        LocalDate from = date(block, dots < 0 ? item : item.substring(0, dots), source, where);
        LocalDate to = dots < 0 ? from : date(block, item.substring(dots + 2), source, where);
        if (to.isBefore(from)) {
            throw new CalendarSource.CalendarDataException(source, where, "range " + CalendarLimits.excerpt(item) + " ends before it starts");
        }
        if (to.toEpochDay() - from.toEpochDay() >= CalendarLimits.MAX_RANGE_DAYS) {
            throw new CalendarSource.CalendarDataException(source, where, "range " + CalendarLimits.excerpt(item) + " is longer than "
                    + CalendarLimits.MAX_RANGE_DAYS + " days");
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (block.overlayPrefix == null) {
                if (d.isBefore(Notice.earliestPermitted(block.year)) || d.getYear() > block.year) {
                    throw new CalendarSource.CalendarDataException(source, where, "date " + d + " lies outside the notice for "
                            + block.year + " (it may name dates from " + Notice.earliestPermitted(block.year)
                            + " to " + block.year + "-12-31)");
                }
            }
            if (!off && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new CalendarSource.CalendarDataException(source, where,
                        "make-up working day " + d + " is a " + d.getDayOfWeek() + ", not a weekend day");
            }
            if (block.days.put(d, off) != null) {
                throw new CalendarSource.CalendarDataException(source, where, "date " + d + " is named twice in one block");
            }
            if (block.days.size() > CalendarLimits.MAX_DATES_PER_BLOCK) {
                throw new CalendarSource.CalendarDataException(source, where, "a block names more than "
                        + CalendarLimits.MAX_DATES_PER_BLOCK + " dates");
            }
        }
    }

    private static LocalDate date(Block block, String text, String source, String where) {
        try {
            if (FULL_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            if (MONTH_DAY.matcher(text).matches() && block.overlayPrefix == null) {
                return LocalDate.parse(block.year + "-" + text);
            }
        } catch (DateTimeParseException e) {
            throw new CalendarSource.CalendarDataException(source, where, CalendarLimits.excerpt(text) + " is not a date", e);
        }
        throw new CalendarSource.CalendarDataException(source, where, CalendarLimits.excerpt(text) + " is not a date ("
                + (block.overlayPrefix == null ? "yyyy-MM-dd or MM-dd" : "yyyy-MM-dd") + ")");
    }

    private static void flush(Block block, List<Notice> notices, List<OverlayBlock> overlays, String source) {
        if (block == null) {
            return;
        }
        CalendarLimits.checkYears(block.days, source, block.where);
        if (block.overlayPrefix == null) {
            notices.add(new Notice(block.year, block.title, block.days));
        } else {
            overlays.add(new OverlayBlock(block.overlayPrefix, block.title, block.days));
        }
    }

    /** The title after a block's keyword and argument, or the fallback when there is none. */
    private static String title(String[] tokens, String fallback, String source, String where) {
        if (tokens.length <= 2) {
            return fallback;
        }
        String title = String.join(" ", List.of(tokens).subList(2, tokens.length));
        java.util.Optional<io.github.xinfang.text.TextRule.Problem> problem =
                io.github.xinfang.text.TextRule.LINE.check(title, CalendarLimits.MAX_TITLE_CHARS);
        if (problem.isPresent()) throw new CalendarSource.CalendarDataException(source, where, "the title " + problem.get().english());
        return title;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static final class Block {
        final int year;
        final String overlayPrefix;
        final String title;
        /** The line that opened the block. */
        final String where;
        final Map<LocalDate, Boolean> days = new LinkedHashMap<>();

        Block(int year, String overlayPrefix, String title, String where) {
            this.year = year;
            this.overlayPrefix = overlayPrefix;
            this.title = title;
            this.where = where;
        }
    }

    /**
     * The lines of a source, as {@link BufferedReader#readLine()} splits them, refusing a line longer than
     * {@link CalendarLimits#MAX_LINE_CHARS} and a source longer than {@link CalendarLimits#MAX_SOURCE_CHARS}
     * before reading them whole.
     */
    private static final class Lines {
        private final BufferedReader in;
        private final String source;
        private final StringBuilder line = new StringBuilder();
        private long read;
        private int number;
        private boolean pendingLf;

        Lines(BufferedReader in, String source) {
            this.in = in;
            this.source = source;
        }

        /** The next line without its terminator, or null at the end. */
        String next() throws IOException {
            line.setLength(0);
            boolean any = false;
            while (true) {
                int c = in.read();
                if (c < 0) {
                    if (!any) {
                        return null;
                    }
                    number++;
                    return line.toString();
                }
                if (++read > CalendarLimits.MAX_SOURCE_CHARS) {
                    throw new CalendarSource.CalendarDataException(source, "line " + (number + 1), "the source is longer than "
                            + CalendarLimits.MAX_SOURCE_CHARS + " characters");
                }
                if (pendingLf) {
                    pendingLf = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                any = true;
                if (c == '\n' || c == '\r') {
                    pendingLf = c == '\r';
                    number++;
                    return line.toString();
                }
                if (line.length() == CalendarLimits.MAX_LINE_CHARS) {
                    throw new CalendarSource.CalendarDataException(source, "line " + (number + 1), "longer than "
                            + CalendarLimits.MAX_LINE_CHARS + " characters");
                }
                line.append((char) c);
            }
        }

        /** The number of the line {@link #next()} returned last, from 1. */
        int number() {
            return number;
        }
    }
}
