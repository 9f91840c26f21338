package io.github.xinfang.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** A ratio's rounding, its "no data", its comparison and its misuse. */
class RatioTests {
    @Test
    void nineHundredOfNineHundredTwentyFourIsNinetySevenPointFourPercentAndAZeroDenominatorIsNoData() {
        Ratio claimed = new Ratio(900, 924, Ratio.Unit.CASES);
        assertThat(claimed.percent()).hasValue(new BigDecimal("97.4"));
        assertThat(claimed.percent(2)).hasValue(new BigDecimal("97.40"));
        assertThat(claimed.ratio()).hasValueSatisfying(r -> assertThat(r).isCloseTo(0.974, org.assertj.core.data.Offset.offset(0.001)));
        assertThat(claimed).hasToString("900/924 件 (97.4%)");
        assertThat(new Ratio(42, 126, Ratio.Unit.CASES).percent()).hasValue(new BigDecimal("33.3"));
        // half-up at the kept decimal: 1/8 = 12.5%, 1/16 = 6.25% -> 6.3
        assertThat(new Ratio(1, 16, Ratio.Unit.PETITIONS).percent()).hasValue(new BigDecimal("6.3"));
        Ratio none = Ratio.none(Ratio.Unit.PERSONS);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.ratio()).isEmpty();
        assertThat(none.percent()).isEmpty();
        assertThat(none).hasToString("0/0 人次");
        assertThat(Ratio.Unit.GROUP_VISITS.chinese()).isEqualTo("批次");
    }

    @Test
    void misuseIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new Ratio(1, 1, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("unit");
        assertThatThrownBy(() -> new Ratio(-1, 1, Ratio.Unit.CASES)).hasMessageContaining("numerator");
        assertThatThrownBy(() -> new Ratio(0, -1, Ratio.Unit.CASES)).hasMessageContaining("denominator");
        assertThatThrownBy(() -> new Ratio(2, 1, Ratio.Unit.CASES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numerator");
        assertThatThrownBy(() -> new Ratio(1, 2, Ratio.Unit.CASES).percent(11)).hasMessageContaining("scale");
        assertThatThrownBy(() -> new Ratio(1, 2, Ratio.Unit.CASES).plus(new Ratio(1, 2, Ratio.Unit.PERSONS)))
                .hasMessageContaining("other");
        assertThatThrownBy(() -> new Ratio(1, 2, Ratio.Unit.CASES).compareQuotient(Ratio.none(Ratio.Unit.CASES)))
                .hasMessageContaining("other");
    }

    @Test
    void quotientsCompareExactlyAsTheirFractions() {
        qt().forAll(longs().between(1, 1_000_000_000_000L), longs().between(1, 1_000_000_000_000L), longs().between(0, 1000),
                longs().between(0, 1000)).checkAssert((d1, d2, a, b) -> {
            Ratio x = new Ratio(a % (d1 + 1), d1, Ratio.Unit.CASES);
            Ratio y = new Ratio(b % (d2 + 1), d2, Ratio.Unit.CASES);
            int expected = new BigDecimal(x.numerator()).multiply(new BigDecimal(y.denominator()))
                    .compareTo(new BigDecimal(y.numerator()).multiply(new BigDecimal(x.denominator())));
            assertThat(Integer.signum(x.compareQuotient(y))).isEqualTo(expected);
            assertThat(x.plus(y)).isEqualTo(new Ratio(x.numerator() + y.numerator(), d1 + d2, Ratio.Unit.CASES));
        });
    }
}
