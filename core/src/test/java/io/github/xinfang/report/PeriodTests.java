package io.github.xinfang.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** The periods bureaus report on, their previous periods and the same periods a year earlier. */
class PeriodTests {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void theRhythmsOfABureauAreDaysHalfMonthsMonthsHalfYearsAndYearsWithBothEndsInclusive() {
        assertThat(Period.day(d("2026-03-01"))).isEqualTo(new Period(d("2026-03-01"), d("2026-03-01"), Period.Kind.DAY));
        assertThat(Period.halfMonth(d("2026-02-20"))).isEqualTo(new Period(d("2026-02-16"), d("2026-02-28"), Period.Kind.HALF_MONTH));
        assertThat(Period.halfMonth(d("2026-02-15")).last()).isEqualTo(d("2026-02-15"));
        assertThat(Period.month(YearMonth.of(2024, 2)).last()).isEqualTo(d("2024-02-29"));
        assertThat(Period.halfYear(d("2026-07-01"))).isEqualTo(new Period(d("2026-07-01"), d("2026-12-31"), Period.Kind.HALF_YEAR));
        assertThat(Period.year(2025).length()).isEqualTo(365);
        assertThat(Period.month(YearMonth.of(2026, 3)).contains(d("2026-03-31"))).isTrue();
        assertThat(Period.month(YearMonth.of(2026, 3)).contains(d("2026-04-01"))).isFalse();

        assertThat(Period.halfMonth(d("2026-03-02")).previous()).isEqualTo(Period.halfMonth(d("2026-02-16")));
        assertThat(Period.halfMonth(d("2026-03-20")).previous()).isEqualTo(Period.halfMonth(d("2026-03-01")));
        assertThat(Period.month(YearMonth.of(2026, 1)).previous()).isEqualTo(Period.month(YearMonth.of(2025, 12)));
        assertThat(Period.halfYear(d("2026-03-01")).previous()).isEqualTo(Period.halfYear(d("2025-12-01")));
        assertThat(Period.year(2026).yearEarlier()).isEqualTo(Period.year(2025));
        assertThat(Period.day(d("2024-02-29")).yearEarlier()).isEqualTo(Period.day(d("2023-02-28")));
        assertThat(Period.month(YearMonth.of(2024, 2)).yearEarlier()).isEqualTo(Period.month(YearMonth.of(2023, 2)));
        assertThat(Period.days(d("2026-03-10"), d("2026-03-19")).previous()).isEqualTo(Period.days(d("2026-02-28"), d("2026-03-09")));
    }

    @Test
    void datesThatDoNotFitTheirKindAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new Period(d("2026-03-02"), d("2026-03-31"), Period.Kind.MONTH)).hasMessageContaining("kind");
        assertThatThrownBy(() -> new Period(d("2026-03-01"), d("2026-03-16"), Period.Kind.HALF_MONTH)).hasMessageContaining("kind");
        assertThatThrownBy(() -> new Period(d("2026-03-02"), d("2026-03-01"), Period.Kind.DAYS)).hasMessageContaining("last");
        assertThatThrownBy(() -> new Period(null, d("2026-03-01"), Period.Kind.DAYS)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("first");
    }

    @Test
    void everyPeriodOfAKindIsFollowedWithoutGapOrOverlapByTheOneWhosePreviousItIs() {
        qt().forAll(integers().between(0, 20_000), integers().between(0, 4)).checkAssert((day, k) -> {
            LocalDate date = d("2000-01-01").plusDays(day);
            Period p = switch (k) {
                case 0 -> Period.day(date);
                case 1 -> Period.halfMonth(date);
                case 2 -> Period.month(YearMonth.from(date));
                case 3 -> Period.halfYear(date);
                default -> Period.year(date.getYear());
            };
            assertThat(p.contains(date)).isTrue();
            assertThat(p.previous().last().plusDays(1)).isEqualTo(p.first());
            assertThat(p.previous().kind()).isEqualTo(p.kind());
            assertThat(p.yearEarlier().kind()).isEqualTo(p.kind());
            assertThat(p.yearEarlier().first()).isEqualTo(p.first().minusYears(1));
        });
    }
}
