package io.github.xinfang.calendar;

import io.github.xinfang.internal.json.JsonTree;
import io.github.xinfang.text.TextRule;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parser of the public holiday-cn JSON format: one file per notice year,
 * {@code {"year": 2026, "papers": [...], "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}}.
 *
 * <p>A listed date follows {@code isOffDay}; an unlisted date follows Saturday/Sunday rules; a file with
 * no days means the notice is not out yet, and yields no notice. Fields other than {@code year} and
 * {@code days} are ignored, apart from the length of a day's {@code name}. Every failure, syntax or content,
 * becomes a {@link CalendarSource.CalendarDataException} naming the source and the line or field; no Jackson exception escapes.
 *
 * <p>Limits ({@link CalendarLimits}): one JSON value and nothing after it, at most
 * {@value CalendarLimits#MAX_SOURCE_CHARS} characters, strings of at most {@value CalendarLimits#MAX_STRING_CHARS},
 * nesting at most {@value CalendarLimits#MAX_DEPTH} deep, names of at most {@value CalendarLimits#MAX_TITLE_CHARS};
 * the notice must leave its year a working day and make at most
 * {@value CalendarLimits#MAX_WEEKDAYS_OFF_PER_YEAR} weekdays of a year off.
 *
 * <p>Stateless; thread-safe.
 *
 * @since 0.1
 */
final class HolidayCnJson {
    private static final JsonTree JSON = JsonTree.withLimits(
            CalendarLimits.MAX_SOURCE_CHARS, CalendarLimits.MAX_STRING_CHARS, CalendarLimits.MAX_DEPTH);

    private HolidayCnJson() {
    }

    /**
     * Parses one holiday-cn file.
     *
     * @param reader the JSON text; read to its end, not closed
     * @param source the source's name, for messages
     * @return the notice, or empty when the file lists no days
     * @throws CalendarSource.CalendarDataException naming the source and the line or field when the input is malformed
     */
    public static Optional<Notice> parse(Reader reader, String source) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        if (!(read(reader, source) instanceof Map<?, ?> root)) {
            throw new CalendarSource.CalendarDataException(source, "$", "expected a JSON object");
        }
        if (!(root.get("year") instanceof Integer yearValue)) {
            throw new CalendarSource.CalendarDataException(source, "$.year", "expected an integer year");
        }
        int year = yearValue;
        if (year < 1900 || year > 9999) {
            throw new CalendarSource.CalendarDataException(source, "$.year", "year " + year + " is out of range");
        }
        if (!(root.get("days") instanceof List<?> days)) {
            throw new CalendarSource.CalendarDataException(source, "$.days", "expected an array");
        }
        Map<LocalDate, Boolean> offDays = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            String path = "$.days[" + i + "]";
            if (!(days.get(i) instanceof Map<?, ?> day)) {
                throw new CalendarSource.CalendarDataException(source, path, "expected an object");
            }
            if (!(day.get("date") instanceof String dateText)) {
                throw new CalendarSource.CalendarDataException(source, path + ".date", "expected a date string yyyy-MM-dd");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                throw new CalendarSource.CalendarDataException(source, path + ".date",
                        CalendarLimits.excerpt(dateText) + " is not a date yyyy-MM-dd", e);
            }
            if (date.isBefore(Notice.earliestPermitted(year)) || date.getYear() > year) {
                throw new CalendarSource.CalendarDataException(source, path + ".date", "date " + date
                        + " lies outside the notice for " + year);
            }
            if (day.get("name") instanceof String name) {
                Optional<TextRule.Problem> problem = TextRule.LINE.check(name, CalendarLimits.MAX_TITLE_CHARS);
                if (problem.isPresent()) throw new CalendarSource.CalendarDataException(source, path + ".name", problem.get().english());
            }
            if (!(day.get("isOffDay") instanceof Boolean off)) {
                throw new CalendarSource.CalendarDataException(source, path + ".isOffDay", "expected true or false");
            }
            Boolean previous = offDays.put(date, off);
            if (previous != null && !previous.equals(off)) {
                throw new CalendarSource.CalendarDataException(source, path + ".date", "date " + date
                        + " is listed twice, once off and once working");
            }
        }
        if (offDays.isEmpty()) {
            return Optional.empty();
        }
        CalendarLimits.checkYears(offDays, source, "$.days");
        return Optional.of(new Notice(year, source, offDays));
    }

    /** One JSON value and nothing after it, or a refusal naming the line and column. */
    private static Object read(Reader reader, String source) {
        try {
            return JSON.read(reader);
        } catch (JsonTree.Problem p) {
            String where = p.where("input");
            String message = switch (p.kind()) {
                case EMPTY -> "empty input";
                case TOO_LARGE -> "too large: " + p.detail();
                case MALFORMED -> "malformed JSON: " + p.detail();
                case UNREADABLE -> "unreadable JSON: " + p.detail();
                case CONTENT_AFTER -> "content after the JSON document";
                case IO -> "could not read: " + p.detail();
            };
            throw p.getCause() == null ? new CalendarSource.CalendarDataException(source, where, message)
                    : new CalendarSource.CalendarDataException(source, where, message, p.getCause());
        }
    }
}
