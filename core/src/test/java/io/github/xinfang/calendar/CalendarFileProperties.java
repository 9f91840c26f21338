package io.github.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.xinfang.testing.TextMutations;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A calendar source a portal loads, however damaged (truncated, mutated, padded with megabytes, or garbage), is
 * either read (and a calendar built from it, or refused there) or refused with a {@link CalendarSource.CalendarDataException}
 * with a short message; no other exception escapes (issue 11, item 5).
 */
class CalendarFileProperties {
    private static final String FOLDER = "/io/github/xinfang/calendar/";

    /** holiday-cn files as the public project writes them, for three years. */
    private static List<String> holidayCnTexts() {
        List<String> texts = new ArrayList<>();
        for (int year : List.of(2027, 2028, 2030)) {
            StringBuilder json = new StringBuilder("{\n    \"$schema\": \"https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json\",\n"
                    + "    \"year\": " + year + ",\n    \"papers\": [\"https://www.gov.cn/zhengce/content/" + year + ".htm\"],\n    \"days\": [");
            String sep = "\n";
            for (String md : List.of("01-01", "02-10", "02-11", "02-12", "02-13", "05-01", "10-01", "10-02", "10-03")) {
                json.append(sep).append("        {\"name\": \"假日\", \"date\": \"").append(year).append('-').append(md)
                        .append("\", \"isOffDay\": true}");
                sep = ",\n";
            }
            LocalDate saturday = LocalDate.of(year, 2, 1);
            while (saturday.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) saturday = saturday.plusDays(1);
            json.append(sep).append("        {\"name\": \"调休\", \"date\": \"").append(saturday).append("\", \"isOffDay\": false}");
            texts.add(json.append("\n    ]\n}\n").toString());
        }
        return texts;
    }

    private static void readOrRefused(String what, Supplier<List<CalendarSource>> read) {
        List<CalendarSource> sources = TextMutations.readOrRefused(what, read, CalendarSource.CalendarDataException.class,
                CalendarFileProperties::refusedFuzz);
        if (sources == null) return;
        WorkCalendar.Builder builder = WorkCalendar.builder();
        sources.forEach(builder::withSource);
        if (sources.stream().allMatch(s -> s.years().isEmpty())) return;
        try {
            WorkCalendar calendar = builder.build();
            assertThat(calendar.coverage().first()).isBeforeOrEqualTo(calendar.coverage().last());
        } catch (CalendarSource.CalendarDataException e) {
            refusedFuzz(e);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": read, but building a calendar threw " + e, e);
        }
    }

    /** A refusal of the source named fuzz names it, briefly. */
    private static void refusedFuzz(CalendarSource.CalendarDataException e) {
        assertThat(e.getMessage()).startsWith("calendar source 'fuzz'").hasSizeLessThan(400);
    }

    @Test
    void aDamagedHolidayCnFileIsReadOrRefusedWithACalendarDataExceptionAndNothingElse() {
        qt().forAll(TextMutations.of(holidayCnTexts())).checkAssert(damaged ->
                readOrRefused("holiday-cn", () -> List.of(CalendarSource.holidayCn(new StringReader(damaged.text()), "fuzz"))));
    }

    @Test
    void arbitraryBytesAsAHolidayCnFileAreReadOrRefusedWithACalendarDataException() {
        List<String> bases = holidayCnTexts();
        qt().forAll(integers().between(0, bases.size() - 1), lists().of(integers().between(0, 255)).ofSizeBetween(0, 40),
                integers().between(0, 5000)).checkAssert((base, noise, at) -> {
                    byte[] valid = bases.get(base).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    byte[] bytes = valid.clone();
                    for (int i = 0; i < noise.size(); i++) bytes[(at + i * 37) % bytes.length] = (byte) (int) noise.get(i);
                    readOrRefused("holiday-cn bytes", () -> List.of(CalendarSource.holidayCn(new ByteArrayInputStream(bytes), "fuzz")));
                });
    }

    @Test
    void aDamagedNoticeTextIsReadOrRefusedWithACalendarDataExceptionAndNothingElse() {
        qt().forAll(TextMutations.of(List.of(TextMutations.resource(FOLDER + "cn-national.txt"),
                "notice 2030 测试\noff 01-01..01-03, 02-10..02-16 春节\nwork 02-09\n"))).checkAssert(damaged ->
                readOrRefused("notice text", () -> List.of(CalendarSource.text(new StringReader(damaged.text()), "fuzz"))));
    }

    @Test
    void aDamagedOverlayTextIsReadOrRefusedWithACalendarDataExceptionAndNothingElse() {
        qt().forAll(TextMutations.of(List.of(TextMutations.resource(FOLDER + "cn-regional.txt")))).checkAssert(damaged -> {
            List<CalendarOverlay> overlays = TextMutations.readOrRefused("overlay text",
                    () -> CalendarOverlay.text(new StringReader(damaged.text()), "fuzz"), CalendarSource.CalendarDataException.class,
                    CalendarFileProperties::refusedFuzz);
            if (overlays == null) return;
            WorkCalendar.Builder builder = WorkCalendar.builder().national();
            overlays.forEach(builder::withOverlay);
            try {
                builder.build();
            } catch (CalendarSource.CalendarDataException e) {
                assertThat(e.getMessage()).hasSizeLessThan(400);
            }
        });
    }
}
