package io.github.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class WorkCalendarProperties {
    private static final LocalDate FIRST_COVERED = LocalDate.of(2006, 12, 30);
    private static final LocalDate LAST_COVERED = LocalDate.of(2026, 12, 31);
    private static final LocalDate LAST_FINAL = LocalDate.of(2026, 12, 24);

    private static final WorkCalendar FAILING = WorkCalendar.chinaNational();
    private static final WorkCalendar LENIENT =
            WorkCalendar.builder().national().uncoveredDates(WorkCalendar.UncoveredDatePolicy.WEEKENDS_ONLY).build();
    private static final NaiveCalendar MODEL = NaiveCalendar.national();

    private static Gen<LocalDate> datesBetween(LocalDate from, LocalDate to) {
        return integers().between((int) from.toEpochDay(), (int) to.toEpochDay()).map(i -> LocalDate.ofEpochDay(i));
    }

    private static Gen<LocalDate> anyDate() {
        return datesBetween(LocalDate.of(2000, 1, 1), LocalDate.of(2032, 12, 31));
    }

    private static Gen<LocalDate> coveredDate() {
        return datesBetween(FIRST_COVERED, LAST_COVERED.minusDays(200));
    }

    // --- arithmetic ---

    @Test
    void addingNWorkingDaysThenCountingGivesN() {
        qt().forAll(anyDate(), integers().between(0, 600))
                .checkAssert((d, n) -> assertThat(LENIENT.workingDaysBetween(d, LENIENT.plusWorkingDays(d, n))).isEqualTo(n));
        qt().forAll(coveredDate(), integers().between(0, 130))
                .checkAssert((d, n) -> assertThat(FAILING.workingDaysBetween(d, FAILING.plusWorkingDays(d, n))).isEqualTo(n));
    }

    @Test
    void theResultIsAWorkingDayAndTheFirstToReachN() {
        qt().forAll(anyDate(), integers().between(1, 600)).checkAssert((d, n) -> {
            LocalDate r = LENIENT.plusWorkingDays(d, n);
            assertThat(r).isAfter(d);
            assertThat(LENIENT.isWorkingDay(r)).isTrue();
            assertThat(LENIENT.workingDaysBetween(d, r.minusDays(1))).isEqualTo(n - 1);
        });
    }

    @Test
    void addingIsStrictlyMonotoneInNAndMonotoneInTheStart() {
        qt().forAll(anyDate(), integers().between(0, 600), integers().between(0, 40)).checkAssert((d, n, k) -> {
            assertThat(LENIENT.plusWorkingDays(d, n + 1)).isAfter(LENIENT.plusWorkingDays(d, n));
            assertThat(LENIENT.plusWorkingDays(d.plusDays(k), n)).isAfterOrEqualTo(LENIENT.plusWorkingDays(d, n));
        });
    }

    @Test
    void countingIsAntisymmetricAndAdditive() {
        qt().forAll(anyDate(), anyDate(), anyDate()).checkAssert((a, b, c) -> {
            assertThat(LENIENT.workingDaysBetween(a, b)).isEqualTo(-LENIENT.workingDaysBetween(b, a));
            assertThat(LENIENT.workingDaysBetween(a, c))
                    .isEqualTo(LENIENT.workingDaysBetween(a, b) + LENIENT.workingDaysBetween(b, c));
        });
    }

    @Test
    void countsAcrossYearBoundariesAgreeWithTheDayByDayLoop() {
        Gen<LocalDate> lateDecember = integers().between(2007, 2025).zip(integers().between(10, 31),
                (year, day) -> LocalDate.of(year, 12, day));
        qt().forAll(lateDecember, integers().between(1, 45)).checkAssert((d, n) -> {
            LocalDate r = FAILING.plusWorkingDays(d, n);
            assertThat(r).isEqualTo(MODEL.plusWorkingDays(d, n));
            assertThat(FAILING.workingDaysBetween(d, d.plusDays(n))).isEqualTo(MODEL.workingDaysBetween(d, d.plusDays(n)));
        });
    }

    @Test
    void outsideCoverageTheLenientCalendarFollowsWeekendRules() {
        NaiveCalendar weekends = NaiveCalendar.weekendsOnly();
        Gen<LocalDate> after = datesBetween(LAST_COVERED.plusDays(1), LocalDate.of(2040, 12, 31));
        Gen<LocalDate> before = datesBetween(LocalDate.of(1990, 1, 1), FIRST_COVERED.minusDays(200));
        qt().forAll(after.mix(before), integers().between(0, 120)).checkAssert((d, n) -> {
            assertThat(LENIENT.isWorkingDay(d)).isEqualTo(weekends.isWorkingDay(d));
            assertThat(LENIENT.plusWorkingDays(d, n)).isEqualTo(weekends.plusWorkingDays(d, n));
            assertThat(LENIENT.nextWorkingDayOnOrAfter(d)).isEqualTo(weekends.nextWorkingDayOnOrAfter(d));
            assertThat(LENIENT.answerPlusWorkingDays(d, n).isFinal()).isFalse();
        });
    }

    /** Exhaustive: every covered date, against the day-by-day loop. */
    @Test
    void everyCoveredDateAgreesWithTheDayByDayLoop() {
        int checked = 0;
        for (LocalDate d = FIRST_COVERED; !d.isAfter(LAST_COVERED); d = d.plusDays(1)) {
            assertThat(FAILING.isWorkingDay(d)).as("isWorkingDay %s", d).isEqualTo(MODEL.isWorkingDay(d));
            LocalDate next = MODEL.nextWorkingDayOnOrAfter(d);
            if (!next.isAfter(LAST_COVERED)) {
                assertThat(FAILING.nextWorkingDayOnOrAfter(d)).as("next %s", d).isEqualTo(next);
            }
            LocalDate expected = d;
            for (int n = 0; n <= 60; n++) {
                if (n > 0) {
                    expected = MODEL.plusWorkingDays(expected, 1);
                }
                final LocalDate start = d;
                final int count = n;
                if (expected.isAfter(LAST_COVERED)) {
                    assertThatThrownBy(() -> FAILING.plusWorkingDays(start, count))
                            .isInstanceOf(WorkCalendar.CoverageException.class);
                    assertThat(LENIENT.plusWorkingDays(start, count)).isEqualTo(expected);
                } else {
                    assertThat(FAILING.plusWorkingDays(d, n)).as("plus(%s, %s)", d, n).isEqualTo(expected);
                }
            }
            int between = 0;
            for (int k = 0; k <= 62 && !d.plusDays(k).isAfter(LAST_COVERED); k++) {
                if (k > 0 && MODEL.isWorkingDay(d.plusDays(k))) {
                    between++;
                }
                assertThat(FAILING.workingDaysBetween(d, d.plusDays(k))).as("between(%s, +%s)", d, k).isEqualTo(between);
            }
            checked++;
        }
        assertThat(checked).isEqualTo((int) (LAST_COVERED.toEpochDay() - FIRST_COVERED.toEpochDay() + 1));
    }

    // --- finality and coverage ---

    @Test
    void anAnswerIsFinalExactlyWhenItStaysBeforeTheProvisionalTail() {
        Coverage coverage = FAILING.coverage();
        assertThat(coverage).isEqualTo(new Coverage(FIRST_COVERED, LAST_COVERED, LAST_FINAL));
        qt().forAll(datesBetween(FIRST_COVERED.minusDays(30), LAST_COVERED.plusDays(30)), integers().between(0, 30))
                .checkAssert((d, n) -> {
                    boolean dateFinal = !d.isBefore(FIRST_COVERED) && !d.isAfter(LAST_FINAL);
                    assertThat(FAILING.isFinal(d)).isEqualTo(dateFinal);
                    WorkCalendar.Answer answer = LENIENT.answerPlusWorkingDays(d, n);
                    assertThat(answer.isFinal()).isEqualTo(dateFinal && !answer.date().isAfter(LAST_FINAL));
                    assertThat(answer.isProvisional()).isEqualTo(!answer.isFinal());
                });
    }

    @Test
    void inTheLastDaysOfDecember2026TheFailingCalendarAnswersProvisionallyUntilItRunsOut() {
        qt().forAll(datesBetween(LAST_FINAL.plusDays(1), LAST_COVERED), integers().between(0, 40)).checkAssert((d, n) -> {
            assertThat(FAILING.isFinal(d)).isFalse();
            assertThat(FAILING.isWorkingDay(d)).isEqualTo(MODEL.isWorkingDay(d));
            LocalDate expected = MODEL.plusWorkingDays(d, n);
            if (expected.isAfter(LAST_COVERED)) {
                assertThatThrownBy(() -> FAILING.plusWorkingDays(d, n))
                        .isInstanceOfSatisfying(WorkCalendar.CoverageException.class,
                                e -> assertThat(e.date()).isEqualTo(LocalDate.of(2027, 1, 1)));
                WorkCalendar.Answer lenient = LENIENT.answerPlusWorkingDays(d, n);
                assertThat(lenient.date()).isEqualTo(expected);
                assertThat(lenient.isFinal()).isFalse();
            } else {
                WorkCalendar.Answer answer = FAILING.answerPlusWorkingDays(d, n);
                assertThat(answer.date()).isEqualTo(expected);
                assertThat(answer.isFinal()).isFalse();
            }
        });
    }

    @Test
    void in2027TheFailingCalendarThrowsNamingTheDateAndTheLenientOneFollowsWeekends() {
        NaiveCalendar weekends = NaiveCalendar.weekendsOnly();
        qt().forAll(datesBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)), integers().between(0, 30))
                .checkAssert((d, n) -> {
                    assertThatThrownBy(() -> FAILING.isWorkingDay(d))
                            .isInstanceOfSatisfying(WorkCalendar.CoverageException.class, e -> {
                                assertThat(e.date()).isEqualTo(d);
                                assertThat(e.getMessage()).contains(d.toString());
                            });
                    assertThatThrownBy(() -> FAILING.plusWorkingDays(d, n)).isInstanceOf(WorkCalendar.CoverageException.class);
                    assertThatThrownBy(() -> FAILING.workingDaysBetween(LocalDate.of(2026, 6, 1), d))
                            .isInstanceOf(WorkCalendar.CoverageException.class);
                    assertThatThrownBy(() -> FAILING.nextWorkingDayOnOrAfter(d))
                            .isInstanceOf(WorkCalendar.CoverageException.class);
                    assertThat(LENIENT.isWorkingDay(d)).isEqualTo(weekends.isWorkingDay(d));
                    assertThat(LENIENT.isFinal(d)).isFalse();
                    WorkCalendar.Answer answer = LENIENT.answerPlusWorkingDays(d, n);
                    assertThat(answer.date()).isEqualTo(weekends.plusWorkingDays(d, n));
                    assertThat(answer.isFinal()).isFalse();
                    assertThat(LENIENT.answerNextWorkingDayOnOrAfter(d).isFinal()).isFalse();
                });
    }

    // --- combining sources ---

    private static Gen<Map<LocalDate, Boolean>> noticeDays(int year) {
        Gen<Map.Entry<LocalDate, Boolean>> day = integers().between(0, 364).zip(booleans().all(),
                (offset, off) -> Map.entry(LocalDate.of(year, 1, 1).plusDays(offset), off));
        return lists().of(day).ofSizeBetween(1, 25).map(entries -> {
            Map<LocalDate, Boolean> days = new HashMap<>();
            entries.forEach(e -> days.put(e.getKey(), e.getValue()));
            return days;
        });
    }

    private static String holidayCnJson(int year, Map<LocalDate, Boolean> days) {
        StringBuilder json = new StringBuilder("{\"year\": " + year + ", \"papers\": [], \"days\": [");
        String sep = "";
        for (Map.Entry<LocalDate, Boolean> e : days.entrySet()) {
            json.append(sep).append("{\"name\": \"x\", \"date\": \"").append(e.getKey())
                    .append("\", \"isOffDay\": ").append(e.getValue()).append('}');
            sep = ", ";
        }
        return json.append("]}").toString();
    }

    private static CalendarSource source(int year, Map<LocalDate, Boolean> days, String name) {
        return CalendarSource.holidayCn(new StringReader(holidayCnJson(year, days)), name);
    }

    @Test
    void aLaterSourceReplacesAnEarlierOnesNoticeForTheSameYear() {
        qt().forAll(noticeDays(2030), noticeDays(2030)).checkAssert((first, second) -> {
            WorkCalendar firstThenSecond = WorkCalendar.builder()
                    .withSource(source(2030, first, "first")).withSource(source(2030, second, "second")).build();
            WorkCalendar secondThenFirst = WorkCalendar.builder()
                    .withSource(source(2030, second, "second")).withSource(source(2030, first, "first")).build();
            NaiveCalendar secondModel = NaiveCalendar.weekendsOnly().with(second);
            NaiveCalendar firstModel = NaiveCalendar.weekendsOnly().with(first);
            for (LocalDate d = LocalDate.of(2030, 1, 1); d.getYear() == 2030; d = d.plusDays(1)) {
                assertThat(firstThenSecond.isWorkingDay(d)).as("%s", d).isEqualTo(secondModel.isWorkingDay(d));
                assertThat(secondThenFirst.isWorkingDay(d)).as("%s", d).isEqualTo(firstModel.isWorkingDay(d));
            }
        });
    }

    @Test
    void aSourceOverridesOnlyTheYearsItHoldsAndAnEmptyFileOverridesNothing() {
        qt().forAll(noticeDays(2030), noticeDays(2031), noticeDays(2031)).checkAssert((y2030, y2031, replacement) -> {
            WorkCalendar calendar = WorkCalendar.builder()
                    .withSource(source(2030, y2030, "a-2030"))
                    .withSource(source(2031, y2031, "a-2031"))
                    .withSource(source(2031, replacement, "b-2031"))
                    .withSource(CalendarSource.holidayCn(new StringReader("{\"year\": 2031, \"days\": []}"), "empty-2031"))
                    .build();
            NaiveCalendar model = NaiveCalendar.weekendsOnly().with(y2030).with(replacement);
            for (LocalDate d = LocalDate.of(2030, 1, 1); d.getYear() <= 2031; d = d.plusDays(1)) {
                assertThat(calendar.isWorkingDay(d)).as("%s", d).isEqualTo(model.isWorkingDay(d));
            }
        });
    }

    @Test
    void aNoticeDecidesTheDatesItNamesInThePreviousDecember() {
        qt().forAll(noticeDays(2030), integers().between(1, 31), booleans().all()).checkAssert((y2030, day, off) -> {
            LocalDate december = LocalDate.of(2030, 12, day);
            Map<LocalDate, Boolean> y2031 = Map.of(december, off, LocalDate.of(2031, 1, 1), true);
            WorkCalendar calendar = WorkCalendar.builder()
                    .withSource(source(2031, y2031, "2031"))   // order of sources does not matter across years
                    .withSource(source(2030, y2030, "2030"))
                    .build();
            assertThat(calendar.isWorkingDay(december)).isEqualTo(!off);
            List<LocalDate> others = List.of(LocalDate.of(2030, 6, 1), LocalDate.of(2030, 1, 1));
            NaiveCalendar model = NaiveCalendar.weekendsOnly().with(y2030);
            for (LocalDate d : others) {
                if (!d.equals(december)) {
                    assertThat(calendar.isWorkingDay(d)).isEqualTo(model.isWorkingDay(d));
                }
            }
        });
    }
}
