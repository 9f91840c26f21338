package io.github.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Calendar sources a portal loads are refused, as a {@link CalendarSource.CalendarDataException} naming the line or field and
 * never repeating a long value, when they are too large, hold something after the JSON document, or would leave
 * a year without a working day.
 */
class CalendarSourceLimitsTests {

    private static CalendarSource.CalendarDataException refused(ThrowingCallable read, String... place) {
        CalendarSource.CalendarDataException[] caught = new CalendarSource.CalendarDataException[1];
        assertThatThrownBy(read).isInstanceOfSatisfying(CalendarSource.CalendarDataException.class, e -> {
            assertThat(e.getMessage()).contains(place).hasSizeLessThan(400);
            caught[0] = e;
        });
        return caught[0];
    }

    private static CalendarSource holidayCn(String json) {
        return CalendarSource.holidayCn(new StringReader(json), "2030.json");
    }

    private static final String VALID = "{\"year\": 2030, \"papers\": [], \"days\": [\n"
            + "  {\"name\": \"元旦\", \"date\": \"2030-01-01\", \"isOffDay\": true}\n"
            + "]}";

    // --- holiday-cn JSON ---

    @Test
    void theValidFileReadsAsAYear() {
        assertThat(holidayCn(VALID).years()).containsExactly(2030);
    }

    @Test
    void aHolidayCnFileMarkingEveryDayOfItsYearOffIsRefused() {
        StringBuilder json = new StringBuilder("{\"year\": 2030, \"days\": [");
        for (LocalDate d = LocalDate.of(2030, 1, 1); d.getYear() == 2030; d = d.plusDays(1)) {
            json.append(d.getDayOfYear() == 1 ? "" : ",\n").append("{\"name\": \"假\", \"date\": \"").append(d)
                    .append("\", \"isOffDay\": true}");
        }
        json.append("]}");
        CalendarSource.CalendarDataException e = refused(() -> holidayCn(json.toString()), "2030", "working day");
        assertThat(e.location()).isEqualTo("$.days");
    }

    @Test
    void aHolidayCnFileMarkingEveryWeekdayOffIsRefused() {
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2030, 1, 1); d.getYear() == 2030; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add("{\"date\": \"" + d + "\", \"isOffDay\": true}");
            }
        }
        refused(() -> holidayCn("{\"year\": 2030, \"days\": [" + String.join(",", days) + "]}"), "without a single working day");
    }

    @Test
    void aHolidayCnFileMakingMoreThanSixtyWeekdaysOffIsRefused() {
        List<String> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2030, 3, 1); days.size() < 61; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add("{\"date\": \"" + d + "\", \"isOffDay\": true}");
            }
        }
        refused(() -> holidayCn("{\"year\": 2030, \"days\": [" + String.join(",", days) + "]}"), "61 weekdays of 2030", "60");
    }

    @Test
    void trailingGarbageAfterTheJsonDocumentIsRefusedNamingTheLine() {
        refused(() -> holidayCn(VALID + "\n}"), "2030.json", "line 4");
        refused(() -> holidayCn(VALID + " {\"year\": 2031}"), "line 3");
        refused(() -> holidayCn(VALID + "\nrm -rf /"), "line 4");
        refused(() -> holidayCn(VALID + "\n]"), "line 4");
        assertThat(holidayCn(VALID + "\n\n  \n").years()).as("trailing whitespace is fine").containsExactly(2030);
    }

    @Test
    void aFiveMegabyteNameIsRefusedNamingTheLineWithoutRepeatingIt() {
        String name = "元旦".repeat(5 << 19);
        refused(() -> holidayCn(VALID.replace("\"元旦\"", "\"" + name + "\"")), "line 2", "too large");
    }

    @Test
    void aNameOverTwoHundredCharactersIsRefusedNamingTheField() {
        refused(() -> holidayCn(VALID.replace("\"元旦\"", "\"" + "元".repeat(201) + "\"")), "$.days[0].name", "200");
    }

    @Test
    void deepNestingAndHugeFilesAreRefused() {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        refused(() -> holidayCn(VALID.replace("\"papers\": []", "\"papers\": " + deep)), "line 1", "too large");
        refused(() -> holidayCn(VALID.replace("\"papers\": []", "\"papers\": [" + "\"https://www.gov.cn/\",".repeat(60_000) + "\"x\"]")),
                "too large");
    }

    @Test
    void aLongDateStringIsNotRepeated() {
        refused(() -> holidayCn(VALID.replace("\"2030-01-01\"", "\"" + "2".repeat(900) + "\"")), "$.days[0].date", "900 characters");
    }

    // --- xinfang's text format ---

    @Test
    void aNoticeMarkingEveryDayOfItsYearOffIsRefusedNamingItsLine() {
        CalendarSource.CalendarDataException e = refused(() -> CalendarSource.text(new StringReader(
                "# a bad notice\nnotice 2030  everything off\noff 01-01..12-31\n"), "t.txt"), "2030", "working day");
        assertThat(e.location()).isEqualTo("line 2");
    }

    @Test
    void anOverlayMarkingEveryDayOfAYearOffIsRefused() {
        refused(() -> CalendarOverlay.text(new StringReader("overlay 45 all year\noff 2030-01-01..2030-12-31\n"), "o.txt"),
                "line 1", "2030", "working day");
        refused(() -> CalendarOverlay.text(new StringReader("overlay 45 spring\noff 2030-03-01..2030-06-30\n"), "o.txt"),
                "line 1", "weekdays of 2030");
    }

    @Test
    void aCodeOverlayThatLeavesANoticeYearWithoutAWorkingDayIsRefusedWhenTheCalendarIsBuilt() {
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2030, 1, 1); d.getYear() == 2030; d = d.plusDays(1)) {
            all.add(d);
        }
        WorkCalendar.Builder builder = WorkCalendar.builder().withSource(holidayCn(VALID))
                .withOverlay(CalendarOverlay.of("lockdown", all, Set.of()));
        refused(builder::build, "2030.json", "year 2030", "working day");
    }

    @Test
    void aFiveMegabyteTitleIsRefusedNamingTheLineWithoutRepeatingIt() {
        String title = "通知".repeat(5 << 19);
        refused(() -> CalendarSource.text(new StringReader("notice 2030 " + title + "\noff 01-01\n"), "t.txt"), "line 1",
                "1000 characters");
        refused(() -> CalendarSource.text(new StringReader("notice 2030 " + "通".repeat(201) + "\noff 01-01\n"), "t.txt"), "line 1",
                "title", "200");
        assertThat(CalendarSource.text(new StringReader("notice 2030 " + "通".repeat(200) + "\noff 01-01\n"), "t.txt").years())
                .containsExactly(2030);
    }

    @Test
    void aTextSourceOverAMebibyteIsRefused() {
        String comments = "# a comment line of some length, repeated\n".repeat(30_000);
        refused(() -> CalendarSource.text(new StringReader("notice 2030\noff 01-01\n" + comments), "t.txt"), "t.txt", "longer than");
    }

    @Test
    void aRangeLongerThanAYearOrABlockOfTooManyDatesIsRefused() {
        refused(() -> CalendarOverlay.text(new StringReader("overlay 45 x\noff 2014-01-01..9999-12-31\n"), "o.txt"), "line 2",
                "366 days");
        StringBuilder many = new StringBuilder("overlay 45 x\n");
        for (int year = 2000; year < 2100; year++) {
            many.append("off ").append(year).append("-03-01..").append(year).append("-03-31\n");
        }
        refused(() -> CalendarOverlay.text(new StringReader(many.toString()), "o.txt"), "more than 2000 dates");
    }

    @Test
    void anUnknownLongStatementIsNotRepeated() {
        refused(() -> CalendarSource.text(new StringReader("notice 2030\n" + "x".repeat(900) + "\n"), "t.txt"), "line 2",
                "900 characters");
    }

    @Test
    void linesEndingInCrLfOrCrAloneStillCount() {
        CalendarSource source = CalendarSource.text(new StringReader("notice 2030\r\noff 01-01\r\rwork 01-05\r\n"), "crlf.txt");
        assertThat(source.years()).containsExactly(2030);
        refused(() -> CalendarSource.text(new StringReader("notice 2030\r\n\r\noff 01-01..01-00\r\n"), "crlf.txt"), "line 3");
        refused(() -> CalendarSource.text(new StringReader("notice 2030\r\roff 13-01"), "cr.txt"), "line 3");
    }
}
