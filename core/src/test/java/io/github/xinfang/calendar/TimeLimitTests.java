package io.github.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeLimitTests {
    private static final WorkCalendar CALENDAR = WorkCalendar.chinaNational();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void fiveWorkingDaysAcrossNationalDay2025CountTheSundayMakeUpDay() {
        // Received Fri 2025-09-26: Sun 09-28 (make-up) 1, 09-29 2, 09-30 3, 10-01..08 off, 10-09 4, 10-10 5.
        assertThat(TimeLimit.workingDays(5).dueDate(date("2025-09-26"), CALENDAR)).isEqualTo(date("2025-10-10"));
        // Received 09-30: 10-09 1, 10-10 2, Sat 10-11 (make-up) 3, 10-13 4, 10-14 5.
        assertThat(TimeLimit.workingDays(5).dueDate(date("2025-09-30"), CALENDAR)).isEqualTo(date("2025-10-14"));
    }

    @Test
    void fifteenDaysEndingInsideNationalDay2025RollToTheFirstWorkingDayAfter() {
        // 2025-09-20 + 15 days = 2025-10-05, inside the holiday: the limit ends on 10-09.
        assertThat(TimeLimit.days(15).dueDate(date("2025-09-20"), CALENDAR)).isEqualTo(date("2025-10-09"));
        assertThat(TimeLimit.days(15).withoutRolling().dueDate(date("2025-09-20"), CALENDAR)).isEqualTo(date("2025-10-05"));
        // Ending on the make-up Saturday 10-11, a working day: no roll.
        assertThat(TimeLimit.days(15).dueDate(date("2025-09-26"), CALENDAR)).isEqualTo(date("2025-10-11"));
        // Ending on an ordinary Sunday rolls to Monday.
        assertThat(TimeLimit.days(15).dueDate(date("2025-11-01"), CALENDAR)).isEqualTo(date("2025-11-17"));
    }

    @Test
    void fiveWorkingDaysAcrossSpringFestival2026() {
        // Received Thu 2026-02-12: 02-13 1, Sat 02-14 (make-up) 2, 02-15..23 off, 02-24 3, 02-25 4, 02-26 5.
        assertThat(TimeLimit.workingDays(5).dueDate(date("2026-02-12"), CALENDAR)).isEqualTo(date("2026-02-26"));
        // Counting the start day as day 1 ends a day earlier.
        assertThat(TimeLimit.workingDays(5).countingStartDay().dueDate(date("2026-02-12"), CALENDAR))
                .isEqualTo(date("2026-02-25"));
    }

    @Test
    void sixtyDaysOfHandlingFromAcceptance() {
        // Accepted 2026-08-07: + 60 days = 2026-10-06, inside National Day (10-01..07): due 2026-10-08.
        assertThat(TimeLimit.days(60).dueDate(date("2026-08-07"), CALENDAR)).isEqualTo(date("2026-10-08"));
        assertThat(TimeLimit.days(60).countingStartDay().dueDate(date("2026-08-07"), CALENDAR)).isEqualTo(date("2026-10-08"));
        assertThat(TimeLimit.days(60).countingStartDay().withoutRolling().dueDate(date("2026-08-07"), CALENDAR))
                .isEqualTo(date("2026-10-05"));
    }

    @Test
    void aDueDateSaysWhetherItIsFinal() {
        assertThat(TimeLimit.workingDays(5).due(date("2026-02-12"), CALENDAR).isFinal()).isTrue();
        assertThat(TimeLimit.days(3).due(date("2026-12-20"), CALENDAR))
                .isEqualTo(new WorkCalendar.Answer(date("2026-12-23"), true));
        assertThat(TimeLimit.days(5).due(date("2026-12-20"), CALENDAR))
                .isEqualTo(new WorkCalendar.Answer(date("2026-12-25"), false));
        assertThat(TimeLimit.days(30).withoutRolling().due(date("2026-12-20"), CALENDAR))
                .isEqualTo(new WorkCalendar.Answer(date("2027-01-19"), true));
        assertThatThrownBy(() -> TimeLimit.days(30).due(date("2026-12-20"), CALENDAR))
                .isInstanceOf(WorkCalendar.CoverageException.class);
    }

    @Test
    void aLimitValidatesItsLength() {
        assertThatThrownBy(() -> TimeLimit.days(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> TimeLimit.days(0).countingStartDay()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeLimit.of(1, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("dayCount");
        assertThat(TimeLimit.of(5, TimeLimit.DayCount.WORKING_DAYS)).isEqualTo(new TimeLimit(5, TimeLimit.DayCount.WORKING_DAYS, false, true));
        assertThat(TimeLimit.days(0).dueDate(date("2026-02-15"), CALENDAR)).isEqualTo(date("2026-02-24"));
    }
}
