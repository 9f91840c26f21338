package io.github.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkCalendarTests {
    private static final WorkCalendar NATIONAL = WorkCalendar.chinaNational();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static void assertOff(WorkCalendar calendar, String from, String to) {
        for (LocalDate d = date(from); !d.isAfter(date(to)); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).as("%s is off", d).isFalse();
        }
    }

    private static void assertWorking(WorkCalendar calendar, String... dates) {
        for (String d : dates) {
            assertThat(calendar.isWorkingDay(date(d))).as("%s is a working day", d).isTrue();
        }
    }

    // --- notices ---

    @Test
    void nationalDay2025IsOctober1To8WithSeptember28AndOctober11Worked() {
        assertOff(NATIONAL, "2025-10-01", "2025-10-08");
        assertWorking(NATIONAL, "2025-09-28", "2025-10-11", "2025-09-30", "2025-10-09");
        assertThat(NATIONAL.plusWorkingDays(date("2025-09-30"), 1)).isEqualTo(date("2025-10-09"));
        assertThat(NATIONAL.workingDaysBetween(date("2025-09-26"), date("2025-10-12"))).isEqualTo(6);
    }

    @Test
    void springFestival2026IsFebruary15To23WithFebruary14And28Worked() {
        assertOff(NATIONAL, "2026-02-15", "2026-02-23");
        assertWorking(NATIONAL, "2026-02-14", "2026-02-28", "2026-02-24");
        assertThat(NATIONAL.nextWorkingDayOnOrAfter(date("2026-02-15"))).isEqualTo(date("2026-02-24"));
    }

    @Test
    void the2008NoticeMadeDecember29th2007AWorkingDayAndTheNextTwoDaysOff() {
        assertWorking(NATIONAL, "2007-12-29", "2007-12-28", "2008-01-02");
        assertOff(NATIONAL, "2007-12-30", "2008-01-01");
        assertThat(NATIONAL.plusWorkingDays(date("2007-12-28"), 2)).isEqualTo(date("2008-01-02"));
    }

    @Test
    void the2007NoticeCoversTheLastTwoDaysOf2006() {
        assertThat(NATIONAL.coverage().first()).isEqualTo(date("2006-12-30"));
        assertWorking(NATIONAL, "2006-12-30", "2006-12-31");
        assertOff(NATIONAL, "2007-01-01", "2007-01-03");
        assertThatThrownBy(() -> NATIONAL.isWorkingDay(date("2006-12-29")))
                .isInstanceOf(WorkCalendar.CoverageException.class).hasMessageContaining("2006-12-29");
    }

    @Test
    void from2025NewYearsEveAndMay2ndAreHolidays() {
        assertOff(NATIONAL, "2025-01-28", "2025-02-04");
        assertOff(NATIONAL, "2025-05-01", "2025-05-05");
        assertWorking(NATIONAL, "2025-01-26", "2025-02-08", "2025-04-27");
    }

    @Test
    void theCalendarKnowsItsCoverageAndPolicy() {
        assertThat(NATIONAL.coverage().last()).isEqualTo(date("2026-12-31"));
        assertThat(NATIONAL.coverage().finalThrough()).isEqualTo(date("2026-12-24"));
        assertThat(NATIONAL.coverage().isCovered(date("2027-01-01"))).isFalse();
        assertThat(NATIONAL.uncoveredDatePolicy()).isEqualTo(WorkCalendar.UncoveredDatePolicy.FAIL);
        assertThat(CalendarSource.national().years()).first().isEqualTo(2007);
        assertThat(CalendarSource.national().years()).hasSize(20).last().isEqualTo(2026);
        assertThat(NATIONAL.toString()).contains("2006-12-30", "2026-12-31", "FAIL");
    }

    @Test
    void theProvisionalTailIsConfigurable() {
        WorkCalendar calendar = WorkCalendar.builder().national().provisionalDays(0).build();
        assertThat(calendar.isFinal(date("2026-12-31"))).isTrue();
        assertThat(WorkCalendar.builder().national().provisionalDays(31).build().isFinal(date("2026-12-01"))).isFalse();
        assertThatThrownBy(() -> WorkCalendar.builder().provisionalDays(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountStartingInsideCoverageFailsWhenItRunsPastTheEnd() {
        assertThatThrownBy(() -> NATIONAL.plusWorkingDays(date("2026-12-30"), 5))
                .isInstanceOfSatisfying(WorkCalendar.CoverageException.class, e -> {
                    assertThat(e.date()).isEqualTo(date("2027-01-01"));
                    assertThat(e.coverage()).isEqualTo(NATIONAL.coverage());
                    assertThat(e.getMessage()).contains("plusWorkingDays(2026-12-30, 5)", "2027-01-01");
                });
        WorkCalendar lenient = WorkCalendar.builder().national().uncoveredDates(WorkCalendar.UncoveredDatePolicy.WEEKENDS_ONLY).build();
        WorkCalendar.Answer answer = lenient.answerPlusWorkingDays(date("2026-12-30"), 5);
        assertThat(answer).isEqualTo(new WorkCalendar.Answer(date("2027-01-06"), false));
    }

    @Test
    void arithmeticRejectsNegativeCounts() {
        assertThatThrownBy(() -> NATIONAL.plusWorkingDays(date("2025-01-01"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n");
        assertThat(NATIONAL.workingDaysBetween(date("2025-10-12"), date("2025-09-26"))).isEqualTo(-6);
        assertThat(NATIONAL.plusWorkingDays(date("2025-10-01"), 0)).isEqualTo(date("2025-10-01"));
    }

    @Test
    void aDateIsTakenInTheCasesZone() {
        Instant lateEvening = Instant.parse("2025-12-31T16:30:00Z");
        assertThat(WorkCalendar.dateOf(lateEvening)).isEqualTo(date("2026-01-01"));
        assertThat(WorkCalendar.dateOf(lateEvening, ZoneId.of("UTC"))).isEqualTo(date("2025-12-31"));
        assertThat(WorkCalendar.DEFAULT_ZONE).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aBuilderNeedsANoticeAndConsecutiveYears() {
        assertThatThrownBy(() -> WorkCalendar.builder().build()).isInstanceOf(IllegalStateException.class);
        String y2024 = "{\"year\": 2024, \"days\": [{\"name\": \"元旦\", \"date\": \"2024-01-01\", \"isOffDay\": true}]}";
        String y2026 = "{\"year\": 2026, \"days\": [{\"name\": \"元旦\", \"date\": \"2026-01-01\", \"isOffDay\": true}]}";
        assertThatThrownBy(() -> WorkCalendar.builder()
                .withHolidayCn(new StringReader(y2024), "2024.json")
                .withHolidayCn(new StringReader(y2026), "2026.json").build())
                .isInstanceOfSatisfying(CalendarSource.CalendarDataException.class, e -> {
                    assertThat(e.source()).isEqualTo("2026.json");
                    assertThat(e.getMessage()).contains("2025");
                });
    }

    // --- holiday-cn reader ---

    private static final String SAMPLE = """
            {
              "$schema": "https://example.invalid/schema.json",
              "year": 2031,
              "papers": ["https://example.invalid/notice-2031"],
              "days": [
                {"name": "元旦", "date": "2030-12-31", "isOffDay": true},
                {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
                {"name": "元旦", "date": "2031-01-04", "isOffDay": false}
              ]
            }
            """;

    @Test
    void theHolidayCnReaderFollowsListedDatesAndWeekendRulesForTheRest() {
        WorkCalendar calendar = WorkCalendar.builder().withHolidayCn(new StringReader(SAMPLE), "2031.json").build();
        assertThat(calendar.coverage().first()).isEqualTo(date("2030-12-31"));
        assertThat(calendar.coverage().last()).isEqualTo(date("2031-12-31"));
        assertThat(calendar.isWorkingDay(date("2030-12-31"))).isFalse();   // Tuesday, listed off
        assertThat(calendar.isWorkingDay(date("2031-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2031-01-04"))).isTrue();    // Saturday, listed working
        assertThat(calendar.isWorkingDay(date("2031-01-05"))).isFalse();   // Sunday, unlisted
        assertThat(calendar.isWorkingDay(date("2031-01-06"))).isTrue();    // Monday, unlisted
        assertThat(calendar.plusWorkingDays(date("2030-12-31"), 2)).isEqualTo(date("2031-01-03"));
    }

    @Test
    void theHolidayCnReaderAcceptsUtf8Bytes() {
        CalendarSource source = CalendarSource.holidayCn(
                new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)), "2031.json");
        assertThat(source.years()).containsExactly(2031);
        assertThat(source.name()).isEqualTo("2031.json");
    }

    @Test
    void aFileWithNoDaysMeansTheNoticeIsNotOutAndCoversNothing() {
        CalendarSource notOut = CalendarSource.holidayCn(new StringReader("{\"year\": 2027, \"papers\": [], \"days\": []}"), "2027.json");
        assertThat(notOut.years()).isEmpty();
        WorkCalendar calendar = WorkCalendar.builder().national().withSource(notOut).build();
        assertThat(calendar.coverage()).isEqualTo(NATIONAL.coverage());
        assertThatThrownBy(() -> calendar.isWorkingDay(date("2027-01-04"))).isInstanceOf(WorkCalendar.CoverageException.class);
    }

    @Test
    void aNewNoticeDroppedInExtendsCoverageAndMakesDecemberFinal() {
        String y2027 = "{\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}]}";
        WorkCalendar calendar = WorkCalendar.builder().national().withHolidayCn(new StringReader(y2027), "2027.json").build();
        assertThat(calendar.isFinal(date("2026-12-31"))).isTrue();
        assertThat(calendar.isWorkingDay(date("2027-01-01"))).isFalse();
        assertThat(calendar.answerPlusWorkingDays(date("2026-12-30"), 2)).isEqualTo(new WorkCalendar.Answer(date("2027-01-04"), true));
    }

    private static CalendarSource.CalendarDataException malformed(String json) {
        try {
            CalendarSource.holidayCn(new StringReader(json), "bad.json");
        } catch (CalendarSource.CalendarDataException e) {
            assertThat(e.source()).isEqualTo("bad.json");
            assertThat(e.getMessage()).contains("bad.json").contains(e.location());
            return e;
        }
        throw new AssertionError("no CalendarDataException for " + json);
    }

    @Test
    void malformedHolidayCnInputIsATypedExceptionNamingTheSourceAndTheLineOrField() {
        CalendarSource.CalendarDataException syntax = malformed("{\n  \"year\": 2026,\n  \"days\": [ {\"date\": \"2026-01-01\" \n");
        assertThat(syntax.location()).startsWith("line 4");
        assertThat(syntax.getCause()).isNotNull();
        assertThat(malformed("{\"year\": 2026, \"days\": [{\"date\": \"2026-13-01\", \"isOffDay\": true}]}").location())
                .isEqualTo("$.days[0].date");
        assertThat(malformed("{\"year\": 2026, \"days\": [{\"date\": \"2026-01-01\", \"isOffDay\": \"yes\"}]}").location())
                .isEqualTo("$.days[0].isOffDay");
        assertThat(malformed("{\"year\": 2026, \"days\": [{\"date\": \"2026-01-01\", \"isOffDay\": true},"
                + " {\"date\": \"2024-01-01\", \"isOffDay\": true}]}").location()).isEqualTo("$.days[1].date");
        assertThat(malformed("{\"year\": 2026, \"days\": [{\"date\": \"2026-01-01\", \"isOffDay\": true},"
                + " {\"date\": \"2026-01-01\", \"isOffDay\": false}]}").location()).isEqualTo("$.days[1].date");
        assertThat(malformed("{\"year\": \"2026\", \"days\": []}").location()).isEqualTo("$.year");
        assertThat(malformed("{\"year\": 2026}").location()).isEqualTo("$.days");
        assertThat(malformed("{\"year\": 2026, \"days\": [17]}").location()).isEqualTo("$.days[0]");
        assertThat(malformed("[1, 2]").location()).isEqualTo("$");
        assertThat(malformed("").location()).isEqualTo("input");
        assertThat(malformed("{\"year\": 2026, \"year\": 2027, \"days\": []}").location()).startsWith("line 1");
    }

    // --- text format ---

    @Test
    void theTextFormatReadsNoticesWithShortDatesRangesAndLists() {
        String text = """
                # a comment
                notice 2031  Notice for 2031
                off   2030-12-31..01-01   New Year   # trailing comment
                work  01-04, 01-05        New Year
                """;
        CalendarSource source = CalendarSource.text(new StringReader(text), "t.txt");
        WorkCalendar calendar = WorkCalendar.builder().withSource(source).build();
        assertThat(calendar.isWorkingDay(date("2030-12-31"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2031-01-05"))).isTrue();
        assertThat(source.toString()).contains("t.txt", "2031");
    }

    private static CalendarSource.CalendarDataException badText(String text) {
        try {
            CalendarSource.text(new StringReader(text), "bad.txt");
        } catch (CalendarSource.CalendarDataException e) {
            assertThat(e.source()).isEqualTo("bad.txt");
            return e;
        }
        throw new AssertionError("no CalendarDataException for " + text);
    }

    @Test
    void malformedTextIsATypedExceptionNamingTheLine() {
        assertThat(badText("off 2026-01-01\n").location()).isEqualTo("line 1");
        assertThat(badText("notice 2026\nholiday 01-01\n").location()).isEqualTo("line 2");
        assertThat(badText("notice 2026\n\nwork 01-05\n").getMessage()).contains("line 3", "MONDAY");
        assertThat(badText("notice 2026\noff 02-30\n").location()).isEqualTo("line 2");
        assertThat(badText("notice 2026\noff 01-03..01-01\n").getMessage()).contains("ends before");
        assertThat(badText("notice 2026\noff 2025-11-30\n").getMessage()).contains("outside");
        assertThat(badText("notice 2026\noff 01-01\noff 01-01\n").getMessage()).contains("twice");
        assertThat(badText("notice 2026\nnotice 2026\n").location()).isEqualTo("line 2");
        assertThat(badText("notice 26\n").location()).isEqualTo("line 1");
        assertThat(badText("notice 2026\noff New Year\n").location()).isEqualTo("line 2");
        assertThat(badText("overlay 45 x\noff 2026-01-01\n").getMessage()).contains("overlay");
    }

    // --- overlays ---

    @Test
    void guangxiAddsTheThirdOfTheThirdLunarMonth() {
        WorkCalendar guangxi = WorkCalendar.forRegion("450802");
        assertThat(NATIONAL.isWorkingDay(date("2026-04-20"))).isTrue();
        assertThat(guangxi.isWorkingDay(date("2026-04-20"))).isFalse();
        assertThat(guangxi.isWorkingDay(date("2025-03-31"))).isFalse();
        assertThat(guangxi.isWorkingDay(date("2025-04-01"))).isFalse();
        assertThat(guangxi.plusWorkingDays(date("2025-03-28"), 1)).isEqualTo(date("2025-04-02"));
        assertThat(NATIONAL.plusWorkingDays(date("2025-03-28"), 1)).isEqualTo(date("2025-03-31"));
        assertThat(CalendarOverlay.forRegion("450802")).singleElement()
                .satisfies(o -> assertThat(o.regionPrefix()).isEqualTo("45"))
                .satisfies(o -> assertThat(o.offDays()).contains(date("2014-04-02"), date("2026-04-20")));
    }

    @Test
    void otherRegionsGetTheNationalCalendar() {
        assertThat(CalendarOverlay.forRegion("110101")).isEmpty();
        WorkCalendar beijing = WorkCalendar.forRegion("110101");
        assertThat(beijing.isWorkingDay(date("2026-04-20"))).isTrue();
        assertThatThrownBy(() -> WorkCalendar.forRegion("45")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLaterOverlayWinsAndOverlaysNeverExtendCoverage() {
        CalendarOverlay cityHoliday = CalendarOverlay.of("city", Set.of(date("2026-06-01"), date("2027-06-01")), Set.of());
        CalendarOverlay cityUndo = CalendarOverlay.of("undo", Set.of(), List.of(date("2026-06-01")));
        WorkCalendar one = WorkCalendar.builder().national().withOverlay(cityHoliday).build();
        WorkCalendar both = WorkCalendar.builder().national().withOverlay(cityHoliday).withOverlay(cityUndo).build();
        assertThat(one.isWorkingDay(date("2026-06-01"))).isFalse();
        assertThat(both.isWorkingDay(date("2026-06-01"))).isTrue();
        assertThat(one.coverage()).isEqualTo(NATIONAL.coverage());
        assertThat(cityHoliday.appliesTo("110101")).isTrue();
        assertThat(cityUndo.workingDays()).containsExactly(date("2026-06-01"));
        assertThatThrownBy(() -> CalendarOverlay.of("x", Set.of(date("2026-06-01")), Set.of(date("2026-06-01"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlaysReadFromTextApplyByRegionPrefix() {
        String text = """
                overlay 4501  Nanning only
                off 2026-06-01
                work 2026-06-06
                """;
        List<CalendarOverlay> overlays = CalendarOverlay.text(new StringReader(text), "nanning.txt");
        assertThat(overlays).singleElement().satisfies(o -> {
            assertThat(o.appliesTo("450102")).isTrue();
            assertThat(o.appliesTo("450802")).isFalse();
            assertThat(o.name()).isEqualTo("Nanning only");
        });
        assertThatThrownBy(() -> CalendarOverlay.text(new StringReader("overlay 45 x\noff 06-01\n"), "short.txt"))
                .isInstanceOf(CalendarSource.CalendarDataException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> CalendarOverlay.text(new StringReader("notice 2026\n"), "n.txt"))
                .isInstanceOf(CalendarSource.CalendarDataException.class);
    }
}
