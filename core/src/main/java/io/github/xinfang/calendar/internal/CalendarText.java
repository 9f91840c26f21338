package io.github.xinfang.calendar.internal;

import io.github.xinfang.calendar.CalendarDataException;
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
 * <p>Stateless; thread-safe.
 *
 * @since 0.1
 */
public final class CalendarText {
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
     * @throws CalendarDataException naming the source and line when the text is malformed or unreadable
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
            BufferedReader in = new BufferedReader(reader);
            for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
                lineNo++;
                String line = stripComment(raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] tokens = line.split("\\s+");
                String where = "line " + lineNo;
                switch (tokens[0]) {
                    case "notice": {
                        flush(block, notices, overlays);
                        if (tokens.length < 2 || !YEAR.matcher(tokens[1]).matches()) {
                            throw new CalendarDataException(source, where, "'notice' needs a four-digit year");
                        }
                        int year = Integer.parseInt(tokens[1]);
                        if (!years.add(year)) {
                            throw new CalendarDataException(source, where, "a second notice for " + year);
                        }
                        block = new Block(year, null, rest(tokens, 2, "notice " + year));
                        break;
                    }
                    case "overlay": {
                        flush(block, notices, overlays);
                        if (tokens.length < 2 || !PREFIX.matcher(tokens[1]).matches()) {
                            throw new CalendarDataException(source, where,
                                    "'overlay' needs a region code prefix of 2 to 6 digits");
                        }
                        block = new Block(0, tokens[1], rest(tokens, 2, "overlay " + tokens[1]));
                        break;
                    }
                    case "off":
                    case "work": {
                        if (block == null) {
                            throw new CalendarDataException(source, where,
                                    "'" + tokens[0] + "' before any 'notice' or 'overlay' line");
                        }
                        boolean off = tokens[0].equals("off");
                        StringBuilder dates = new StringBuilder();
                        int i = 1;
                        while (i < tokens.length && DATE_TOKEN.matcher(tokens[i]).matches()) {
                            dates.append(tokens[i++]);
                        }
                        if (dates.length() == 0) {
                            throw new CalendarDataException(source, where, "'" + tokens[0] + "' needs dates");
                        }
                        for (String item : dates.toString().split(",")) {
                            addItem(block, item, off, source, where);
                        }
                        break;
                    }
                    default:
                        throw new CalendarDataException(source, where, "unknown statement '" + tokens[0] + "'");
                }
            }
        } catch (IOException e) {
            throw new CalendarDataException(source, "line " + (lineNo + 1), "could not read: " + e.getMessage(), e);
        }
        flush(block, notices, overlays);
        return new Parsed(notices, overlays);
    }

    private static void addItem(Block block, String item, boolean off, String source, String where) {
        if (item.isEmpty()) {
            throw new CalendarDataException(source, where, "empty date in list");
        }
        int dots = item.indexOf("..");
        LocalDate from = date(block, dots < 0 ? item : item.substring(0, dots), source, where);
        LocalDate to = dots < 0 ? from : date(block, item.substring(dots + 2), source, where);
        if (to.isBefore(from)) {
            throw new CalendarDataException(source, where, "range " + item + " ends before it starts");
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (block.overlayPrefix == null) {
                if (d.isBefore(Notice.earliestPermitted(block.year)) || d.getYear() > block.year) {
                    throw new CalendarDataException(source, where, "date " + d + " lies outside the notice for "
                            + block.year + " (it may name dates from " + Notice.earliestPermitted(block.year)
                            + " to " + block.year + "-12-31)");
                }
            }
            if (!off && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new CalendarDataException(source, where,
                        "make-up working day " + d + " is a " + d.getDayOfWeek() + ", not a weekend day");
            }
            if (block.days.put(d, off) != null) {
                throw new CalendarDataException(source, where, "date " + d + " is named twice in one block");
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
            throw new CalendarDataException(source, where, "'" + text + "' is not a date", e);
        }
        throw new CalendarDataException(source, where, "'" + text + "' is not a date ("
                + (block.overlayPrefix == null ? "yyyy-MM-dd or MM-dd" : "yyyy-MM-dd") + ")");
    }

    private static void flush(Block block, List<Notice> notices, List<OverlayBlock> overlays) {
        if (block == null) {
            return;
        }
        if (block.overlayPrefix == null) {
            notices.add(new Notice(block.year, block.title, block.days));
        } else {
            overlays.add(new OverlayBlock(block.overlayPrefix, block.title, block.days));
        }
    }

    private static String rest(String[] tokens, int from, String fallback) {
        return tokens.length > from ? String.join(" ", List.of(tokens).subList(from, tokens.length)) : fallback;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static final class Block {
        final int year;
        final String overlayPrefix;
        final String title;
        final Map<LocalDate, Boolean> days = new LinkedHashMap<>();

        Block(int year, String overlayPrefix, String title) {
            this.year = year;
            this.overlayPrefix = overlayPrefix;
            this.title = title;
        }
    }
}
