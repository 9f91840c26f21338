package io.github.xinfang.calendar.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
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
 * {@code days} are ignored. Every failure, syntax or content, becomes a {@link CalendarDataException}
 * naming the source and the line or field; no Jackson exception escapes.
 *
 * <p>Stateless; thread-safe.
 *
 * @since 0.1
 */
public final class HolidayCnJson {
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
        ObjectMapper mapper = JsonMapper.builder()
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonNode root;
        try {
            root = mapper.readTree(reader);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "input"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String what = e instanceof JsonParseException ? "malformed JSON" : "unreadable JSON";
            throw new CalendarDataException(source, where, what + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CalendarDataException(source, "input", "could not read: " + e.getMessage(), e);
        }
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
                        "'" + dateNode.textValue() + "' is not a date yyyy-MM-dd", e);
            }
            if (date.isBefore(Notice.earliestPermitted(year)) || date.getYear() > year) {
                throw new CalendarDataException(source, path + ".date", "date " + date
                        + " lies outside the notice for " + year);
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
        return Optional.of(new Notice(year, source, offDays));
    }
}
