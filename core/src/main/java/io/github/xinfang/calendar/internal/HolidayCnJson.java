package io.github.xinfang.calendar.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.xinfang.calendar.CalendarDataException;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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
 * becomes a {@link CalendarDataException} naming the source and the line or field; no Jackson exception escapes.
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
public final class HolidayCnJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(CalendarLimits.MAX_SOURCE_CHARS)
                            .maxStringLength(CalendarLimits.MAX_STRING_CHARS)
                            .maxNestingDepth(CalendarLimits.MAX_DEPTH)
                            .build())
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private HolidayCnJson() {
    }

    /**
     * Parses one holiday-cn file.
     *
     * @param reader the JSON text; read to its end, not closed
     * @param source the source's name, for messages
     * @return the notice, or empty when the file lists no days
     * @throws CalendarDataException naming the source and the line or field when the input is malformed
     */
    public static Optional<Notice> parse(Reader reader, String source) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        JsonNode root = read(reader, source);
        if (root == null || root.isMissingNode()) {
            throw new CalendarDataException(source, "input", "empty input");
        }
        if (!root.isObject()) {
            throw new CalendarDataException(source, "$", "expected a JSON object");
        }
        JsonNode yearNode = root.get("year");
        if (yearNode == null || !yearNode.isIntegralNumber() || !yearNode.canConvertToInt()) {
            throw new CalendarDataException(source, "$.year", "expected an integer year");
        }
        int year = yearNode.intValue();
        if (year < 1900 || year > 9999) {
            throw new CalendarDataException(source, "$.year", "year " + year + " is out of range");
        }
        JsonNode days = root.get("days");
        if (days == null || !days.isArray()) {
            throw new CalendarDataException(source, "$.days", "expected an array");
        }
        Map<LocalDate, Boolean> offDays = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            String path = "$.days[" + i + "]";
            JsonNode day = days.get(i);
            if (!day.isObject()) {
                throw new CalendarDataException(source, path, "expected an object");
            }
            JsonNode dateNode = day.get("date");
            if (dateNode == null || !dateNode.isTextual()) {
                throw new CalendarDataException(source, path + ".date", "expected a date string yyyy-MM-dd");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(dateNode.textValue());
            } catch (DateTimeParseException e) {
                throw new CalendarDataException(source, path + ".date",
                        CalendarLimits.excerpt(dateNode.textValue()) + " is not a date yyyy-MM-dd", e);
            }
            if (date.isBefore(Notice.earliestPermitted(year)) || date.getYear() > year) {
                throw new CalendarDataException(source, path + ".date", "date " + date
                        + " lies outside the notice for " + year);
            }
            JsonNode name = day.get("name");
            if (name != null && name.isTextual()) {
                java.util.Optional<io.github.xinfang.text.TextRule.Problem> problem =
                        io.github.xinfang.text.TextRule.LINE.check(name.textValue(), CalendarLimits.MAX_TITLE_CHARS);
                if (problem.isPresent()) throw new CalendarDataException(source, path + ".name", problem.get().english());
            }
            JsonNode off = day.get("isOffDay");
            if (off == null || !off.isBoolean()) {
                throw new CalendarDataException(source, path + ".isOffDay", "expected true or false");
            }
            Boolean previous = offDays.put(date, off.booleanValue());
            if (previous != null && previous != off.booleanValue()) {
                throw new CalendarDataException(source, path + ".date", "date " + date
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
    private static JsonNode read(Reader reader, String source) {
        try (JsonParser parser = MAPPER.createParser(reader)) {
            try {
                JsonNode root = MAPPER.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw new CalendarDataException(source, where(parser.currentLocation()), "content after the JSON document");
                }
                return root;
            } catch (StreamConstraintsException e) {
                String limit = e.getOriginalMessage() == null ? "a size limit is exceeded"
                        : e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
                throw new CalendarDataException(source, where(location(e, parser)), "too large: " + limit, e);
            } catch (JacksonException e) {
                String what = e instanceof JsonParseException ? "malformed JSON" : "unreadable JSON";
                throw new CalendarDataException(source, where(location(e, parser)), what + ": " + brief(e.getOriginalMessage()), e);
            }
        } catch (IOException e) {
            throw new CalendarDataException(source, "input", "could not read: " + e.getMessage(), e);
        }
    }

    /** A parser's message, cut short: Jackson repeats up to 256 characters of an unrecognised token. */
    private static String brief(String message) {
        if (message == null) {
            return "no detail";
        }
        return message.length() <= 160 ? message : message.substring(0, 160) + "…";
    }

    private static JsonLocation location(JacksonException e, JsonParser parser) {
        return e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "input";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
